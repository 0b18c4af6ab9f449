package io.github.rubric.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.drools.compiler.kie.builder.impl.InternalKieModule.CompilationCache;
import org.drools.compiler.kie.builder.impl.InternalKieModule.CompilationCacheEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java classes compiled from rubrics' rules, kept in a directory (see {@link RubricLoader#classCache}). Drools
 * writes each consequence and its invoker as Java source and compiles them with the Eclipse compiler, a quarter to
 * two fifths of compiling a rubric; given the classes compiled before from the same source, it takes them instead.
 *
 * <p>An entry is found by a SHA-256 of everything its classes were made from: the rule text as compiled (after
 * {@link Gates} wrote in its gates), the rubric's name, and the builds of the engine, the fact model, Drools, MVEL,
 * the Eclipse compiler and the JVM. A jar's build is its central directory (every entry's name, size and CRC-32);
 * a classes folder's, the content of its files; each taken by a CRC-32C (see {@link #build}). An entry ends with a
 * SHA-256 of its content: a damaged, truncated or unreadable entry is compiled again and written anew. Writes go to
 * a temporary file moved into place, so that a reader never sees half an entry.
 *
 * <p>The cache is off, with a warning in the log, when a build cannot be read (a jar inside another jar, say), or
 * when the directory is not the user's own or others may write to it (checked where the file system has POSIX
 * owners and permissions): its entries are code this process loads.
 */
final class ClassCache {
    private static final Logger LOG = LoggerFactory.getLogger(ClassCache.class);
    private static final int MAGIC = 0x52425243; // "RBRC"
    private static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;
    /** The largest entry read: a rubric's classes take a few hundred KB. */
    private static final long LARGEST = 64L << 20;
    /** Classes whose builds an entry depends on (by name: a missing one is a build of its own). */
    private static final List<String> BUILDS = List.of("io.github.rubric.rules.ClassCache",
            "io.github.rubric.model.fact.FactSet", "org.drools.compiler.builder.impl.KnowledgeBuilderImpl",
            "org.drools.mvel.java.JavaDialect", "org.drools.core.reteoo.ReteooBuilder",
            "org.drools.base.definitions.rule.impl.RuleImpl", "org.drools.util.StringUtils", "org.kie.api.KieBase",
            "org.kie.internal.builder.KnowledgeBuilder", "org.drools.drl.parser.DrlParser",
            "org.drools.drl.ast.descr.RuleDescr", "org.mvel2.MVEL", "org.kie.memorycompiler.JavaCompiler",
            "org.drools.ecj.EclipseJavaCompiler", "org.eclipse.jdt.internal.compiler.Compiler");
    /** The builds an entry depends on, read once per JVM; null until read. */
    private static volatile byte[] builds;
    /** Why a build has no location to read, once found; every cache of this JVM is then off. */
    private static volatile String buildsUnread;

    private final Path directory;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    /** Why the cache is off (a build that cannot be read, a directory others may write to), or null. */
    private volatile String off;
    private volatile boolean checked;

    /** @param directory where entries are kept; made when first used */
    ClassCache(Path directory) {
        this.directory = directory;
    }

    /** An entry's place: its file, and the key it must hold. */
    record Key(Path file, String hex) {
    }

    /**
     * @param sourceName the rubric's name, which Drools writes into the classes (their source file)
     * @param text the rule text as compiled
     * @return where the classes compiled from it are kept, or null when the cache is off (see the class's comment)
     */
    Key key(String sourceName, String text) {
        if (!usable()) {
            return null;
        }
        MessageDigest digest = sha256();
        digest.update(builds);
        digest.update((byte) 0);
        digest.update(sourceName.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest.digest());
        return new Key(directory.resolve(hex + ".classes"), hex);
    }

    /**
     * @param key an entry's place
     * @return Drools' cache of the entry's classes, by the source each class was compiled from; or null when there
     *     is no entry, or it cannot be read, or it is damaged (then the rules are compiled as usual)
     */
    CompilationCache read(Key key) {
        CompilationCache cache;
        try {
            if (!Files.exists(key.file(), LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            if (!Files.isRegularFile(key.file(), LinkOption.NOFOLLOW_LINKS)) {
                throw new Damaged("it is not a regular file");
            }
            if (Files.size(key.file()) > LARGEST) {
                throw new Damaged("it is larger than " + LARGEST + " bytes");
            }
            cache = byOrigin(decode(Files.readAllBytes(key.file()), key.hex()));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the compiled-class cache entry {}: {}; compiling the rules", key.file(),
                    e instanceof Damaged ? e.getMessage() : "it cannot be read (" + e + ")");
            return null;
        }
        hits.incrementAndGet();
        return cache;
    }

    /** What is wrong with an entry. */
    static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        Damaged(String message) {
            super(message);
        }
    }

    /**
     * Keeps the classes compiled for a rubric, unless they were taken from this entry. A failure to write costs
     * only the time saved next time: it is logged, not thrown.
     *
     * @param key the entry's place
     * @param classes each class's resource name ({@code a/b/C.class}) and bytes
     */
    void write(Key key, Map<String, byte[]> classes) {
        if (classes.isEmpty() || !usable()) {
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, key.hex(), ".tmp");
            Files.write(temporary, encode(classes, key.hex()));
            try {
                Files.move(temporary, key.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, key.file(), StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            writes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the compiled-class cache entry {}: {}", key.file(), e.toString());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write already failed and was logged; a stray temporary file is all that is left
                }
            }
        }
    }

    /** @return how many entries were read whole, since this cache was made */
    int hits() {
        return hits.get();
    }

    /** @return how many entries were written, since this cache was made */
    int writes() {
        return writes.get();
    }

    /** @return the directory */
    Path directory() {
        return directory;
    }

    static byte[] encode(Map<String, byte[]> classes, String hex) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(hex);
            Map<String, byte[]> sorted = new TreeMap<>(classes);
            out.writeInt(sorted.size());
            for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().length);
                out.write(entry.getValue());
            }
            out.write(sha256().digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @return the classes of an entry
     * @throws Damaged saying what is wrong: its digest does not match its content, it holds another key…
     */
    static Map<String, byte[]> decode(byte[] entry, String hex) throws IOException {
        if (entry.length < DIGEST_BYTES) {
            throw new Damaged("it is cut short (" + entry.length + " bytes)");
        }
        int length = entry.length - DIGEST_BYTES;
        MessageDigest content = sha256();
        content.update(entry, 0, length);
        if (!MessageDigest.isEqual(content.digest(), Arrays.copyOfRange(entry, length, entry.length))) {
            throw new Damaged("its SHA-256 does not match its content (damaged or cut short)");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, 0, length));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new Damaged("it is not an entry of this format (" + FORMAT + ")");
        }
        String held = in.readUTF();
        if (!held.equals(hex)) {
            throw new Damaged("it holds the classes of another key, " + held);
        }
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new Damaged("it lists " + count + " classes in " + in.available() + " bytes");
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int size = in.readInt();
            if (size < 0 || size > in.available()) {
                throw new Damaged("class " + name + " has " + size + " bytes of " + in.available() + " left");
            }
            byte[] bytes = new byte[size];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        if (in.available() != 0) {
            throw new Damaged(in.available() + " bytes follow its last class");
        }
        return classes;
    }

    /**
     * Drools asks for the classes of each generated source ({@code a/B.java} as {@code a/B.class}) and takes every
     * class listed under it: the class itself and its nested ones ({@code a/B$1.class}). A rule's class name may
     * hold {@code $} of its own (a rule named {@code "3.2.1 …"} gives {@code Rule_3$u46$2…}), so each class is
     * listed under its own name and under every class whose name, followed by {@code $}, begins its own; a class
     * listed twice is only written twice, with the same bytes.
     */
    private static CompilationCache byOrigin(Map<String, byte[]> classes) throws Damaged {
        Map<String, List<CompilationCacheEntry>> bySource = new HashMap<>();
        for (String name : classes.keySet()) {
            if (!name.endsWith(".class") || name.length() == ".class".length()) {
                throw new Damaged("it holds " + name + ", which is not the name of a class file");
            }
            String stem = name.substring(0, name.length() - ".class".length());
            List<CompilationCacheEntry> entries = new ArrayList<>();
            for (Map.Entry<String, byte[]> other : classes.entrySet()) {
                if (other.getKey().equals(name) || other.getKey().startsWith(stem + "$")) {
                    entries.add(new CompilationCacheEntry(other.getKey(), other.getValue()));
                }
            }
            bySource.put(name, entries);
        }
        return new CompilationCache() {
            private static final long serialVersionUID = 1L;

            {
                compilationCache.put("java", bySource);
            }
        };
    }

    /**
     * Whether the cache can be used: the builds could be read, and the directory (made now if missing, readable and
     * writable by its owner only) belongs to the user running this JVM and no one else may write to it. Checked
     * once; when not, one warning says why and the cache stays off.
     */
    private boolean usable() {
        if (!checked) {
            synchronized (this) {
                if (!checked) {
                    try {
                        readBuilds();
                        checkDirectory();
                    } catch (IOException | RuntimeException e) {
                        off = reason(e);
                        LOG.warn("the compiled-class cache {} is off: {}", directory, off);
                    }
                    checked = true;
                }
            }
        }
        return off == null;
    }

    /** This class's own reasons are sentences; a file system's exceptions name only the path, so their kind too. */
    private static String reason(Exception e) {
        boolean own = e.getClass() == IOException.class || e instanceof NoBuild;
        return own && e.getMessage() != null ? e.getMessage() : e.toString();
    }

    private void checkDirectory() throws IOException {
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IOException("it is a file, not a directory");
        }
        if (!Files.isDirectory(directory)) {
            if (directory.toAbsolutePath().getParent() != null) {
                Files.createDirectories(directory.toAbsolutePath().getParent());
            }
            try {
                // the cache's own directory for its owner only; its parents as any directory is made
                if (posix) {
                    Files.createDirectory(directory,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(directory);
                }
            } catch (FileAlreadyExistsException madeMeanwhile) {
                // another process made it first: checked below like any directory found
            }
        }
        if (!posix) {
            return; // no owner and permission bits to check (see RubricLoader.classCache)
        }
        PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class);
        if (attributes.permissions().contains(PosixFilePermission.GROUP_WRITE)
                || attributes.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("others may write to the directory ("
                    + PosixFilePermissions.toString(attributes.permissions()) + "); its entries are code this"
                    + " process loads");
        }
        // who runs this JVM: the owner of a file it makes (user.name may name no one in a container)
        UserPrincipal me;
        try {
            Path probe = Files.createTempFile(directory, "owner", ".tmp");
            try {
                me = Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException e) {
            throw new IOException("this process cannot write to the directory, which belongs to "
                    + attributes.owner().getName() + " (" + e + ")", e);
        }
        if (!attributes.owner().equals(me)) {
            throw new IOException("the directory belongs to " + attributes.owner().getName() + ", not to "
                    + me.getName());
        }
    }

    private static synchronized void readBuilds() throws IOException {
        if (builds != null) {
            return;
        }
        if (buildsUnread != null) {
            throw new IOException(buildsUnread);
        }
        try {
            builds = digestBuilds();
        } catch (NoBuild e) {
            // a jar inside another jar, say: it will not change while this JVM runs (a failed read of a file
            // might, an interrupted one say, and is tried again by the next cache)
            buildsUnread = e.getMessage();
            throw e;
        }
    }

    private static byte[] digestBuilds() throws IOException {
        MessageDigest digest = sha256();
        digest.update(("rubric-class-cache " + FORMAT + " java " + System.getProperty("java.vm.version") + " "
                + System.getProperty("java.vm.vendor") + "\n").getBytes(StandardCharsets.UTF_8));
        Set<Path> read = new HashSet<>();
        for (String name : BUILDS) {
            Class<?> type;
            try {
                type = Class.forName(name, false, ClassCache.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                digest.update((name + " absent\n").getBytes(StandardCharsets.UTF_8));
                continue;
            }
            Path where = location(type);
            if (read.add(where)) {
                digest.update((where.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                build(where, digest);
            }
        }
        return digest.digest();
    }

    /** A class whose build cannot be located as a file or folder. */
    private static final class NoBuild extends IOException {
        private static final long serialVersionUID = 1L;

        NoBuild(String message) {
            super(message);
        }
    }

    private static Path location(Class<?> type) throws NoBuild {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new NoBuild("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new NoBuild("cannot read the build of " + type.getName() + " at " + source.getLocation() + " (" + e
                    + ")");
        }
    }

    /**
     * Adds a jar's central directory, or a classes folder's files with their content, to the digest: by a CRC-32C,
     * which a JVM that has just started computes some hundred times faster than a SHA-256. It tells builds apart, not
     * an attacker's entries from the cache's own: that is the directory's permissions' part.
     */
    private static void build(Path where, MessageDigest digest) throws IOException {
        CRC32C crc = new CRC32C();
        long bytes = 0;
        if (Files.isDirectory(where)) {
            try (Stream<Path> files = Files.walk(where)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    byte[] name = (where.relativize(file) + "\n").getBytes(StandardCharsets.UTF_8);
                    byte[] content = Files.readAllBytes(file);
                    crc.update(name);
                    crc.update(content);
                    bytes += name.length + content.length;
                }
            }
        } else {
            bytes = centralDirectory(where, crc);
        }
        digest.update(ByteBuffer.allocate(16).putLong(crc.getValue()).putLong(bytes).flip());
    }

    /**
     * @return how many bytes of the jar went into the CRC: its central directory, or the whole file. Read with a
     *     {@link RandomAccessFile}, which an interrupt of the thread does not close as it closes a file channel.
     */
    private static long centralDirectory(Path where, CRC32C crc) throws IOException {
        try (RandomAccessFile jar = new RandomAccessFile(where.toFile(), "r")) {
            long size = jar.length();
            // the end of central directory record: 22 bytes, then a comment of up to 65,535
            int tail = (int) Math.min(size, 22 + 65_535);
            ByteBuffer end = ByteBuffer.wrap(read(jar, size - tail, tail)).order(ByteOrder.LITTLE_ENDIAN);
            for (int at = tail - 22; at >= 0; at--) {
                if (end.getInt(at) == 0x06054b50) {
                    long cenSize = Integer.toUnsignedLong(end.getInt(at + 12));
                    long cenOffset = Integer.toUnsignedLong(end.getInt(at + 16));
                    if (cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL || cenOffset + cenSize > size) {
                        break; // ZIP64 or unusual: the whole file instead
                    }
                    crc.update(read(jar, cenOffset, (int) cenSize));
                    return cenSize;
                }
            }
            byte[] all = new byte[64 << 10];
            jar.seek(0);
            for (int n = jar.read(all); n > 0; n = jar.read(all)) {
                crc.update(all, 0, n);
            }
            return size;
        }
    }

    private static byte[] read(RandomAccessFile file, long position, int length) throws IOException {
        byte[] bytes = new byte[length];
        file.seek(position);
        file.readFully(bytes);
        return bytes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
