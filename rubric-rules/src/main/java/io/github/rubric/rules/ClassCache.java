package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.kie.builder.impl.InternalKieModule.CompilationCache;
import org.drools.compiler.kie.builder.impl.InternalKieModule.CompilationCacheEntry;
import org.drools.core.reteoo.ReteooBuilder;
import org.drools.mvel.java.JavaDialect;
import org.kie.memorycompiler.JavaCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Java classes compiled from rubrics' rules, kept in a directory (see {@link RubricLoader#classCache}). Drools
 * writes each consequence and its invoker as Java source and compiles them with the Eclipse compiler, about two
 * fifths of compiling a rubric; given the classes compiled before from the same source, it takes them instead.
 *
 * <p>An entry is found by a SHA-256 of everything its classes were made from: the rule text as compiled (after
 * {@link Gates} wrote in its gates), the rubric's name, and the exact builds of the engine, the fact model, Drools,
 * the Eclipse compiler and the JVM (each jar's path, size and time, or each class file's under a classes folder).
 * An entry ends with a SHA-256 of its content: a damaged, truncated or unreadable entry is compiled again and
 * written anew. Writes go to a temporary file moved into place, so that a reader never sees half an entry.
 */
final class ClassCache {
    private static final Logger LOG = LoggerFactory.getLogger(ClassCache.class);
    private static final int MAGIC = 0x52425243; // "RBRC"
    private static final int FORMAT = 1;
    private static final int DIGEST_BYTES = 32;
    /** The builds an entry depends on, read once per JVM. */
    private static volatile byte[] builds;

    private final Path directory;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    /** @param directory where entries are kept; made when the first entry is written */
    ClassCache(Path directory) {
        this.directory = directory;
    }

    /** An entry's place: its file, and the key it must hold. */
    record Key(Path file, String hex) {
    }

    /**
     * @param sourceName the rubric's name, which Drools writes into the classes (their source file)
     * @param text the rule text as compiled
     * @return where the classes compiled from it are kept
     */
    Key key(String sourceName, String text) {
        MessageDigest digest = sha256();
        digest.update(builds());
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
        Map<String, byte[]> classes;
        try {
            classes = decode(Files.readAllBytes(key.file()), key.hex());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the compiled-class cache entry {}, which cannot be read ({}); compiling the rules",
                    key.file(), e.toString());
            return null;
        }
        if (classes == null) {
            LOG.warn("ignoring the compiled-class cache entry {}, which is damaged or was written for another key;"
                    + " compiling the rules", key.file());
            return null;
        }
        hits.incrementAndGet();
        return byOrigin(classes);
    }

    /**
     * Keeps the classes compiled for a rubric, unless they were taken from this entry. A failure to write costs
     * only the time saved next time: it is logged, not thrown.
     *
     * @param key the entry's place
     * @param classes each class's resource name ({@code a/b/C.class}) and bytes
     */
    void write(Key key, Map<String, byte[]> classes) {
        if (classes.isEmpty()) {
            return;
        }
        Path temporary = null;
        try {
            Files.createDirectories(directory);
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

    /** @return the classes of an entry, or null if it is damaged or holds another key */
    static Map<String, byte[]> decode(byte[] entry, String hex) throws IOException {
        if (entry.length < DIGEST_BYTES) {
            return null;
        }
        int length = entry.length - DIGEST_BYTES;
        byte[] expected = sha256().digest(Arrays.copyOf(entry, length));
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(entry, length, entry.length))) {
            return null;
        }
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(entry, 0, length));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(hex)) {
            return null;
        }
        int count = in.readInt();
        Map<String, byte[]> classes = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            classes.put(name, bytes);
        }
        return in.available() == 0 ? classes : null;
    }

    /**
     * Drools asks for the classes of each generated source ({@code a/B.java} as {@code a/B.class}) and takes every
     * class listed under it: the class itself and its nested ones ({@code a/B$1.class}). A rule's class name may
     * hold {@code $} of its own (a rule named {@code "3.2.1 …"} gives {@code Rule_3$u46$2…}), so each class is
     * listed under its own name and under every class whose name, followed by {@code $}, begins its own; a class
     * listed twice is only written twice, with the same bytes.
     */
    private static CompilationCache byOrigin(Map<String, byte[]> classes) {
        Map<String, List<CompilationCacheEntry>> bySource = new HashMap<>();
        for (String name : classes.keySet()) {
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

    private static byte[] builds() {
        byte[] known = builds;
        if (known == null) {
            MessageDigest digest = sha256();
            digest.update(("rubric-class-cache " + FORMAT + " java " + System.getProperty("java.vm.version") + " "
                    + System.getProperty("java.vm.vendor")).getBytes(StandardCharsets.UTF_8));
            for (Class<?> type : List.of(ClassCache.class, FactSet.class, KnowledgeBuilderImpl.class, JavaDialect.class,
                    ReteooBuilder.class, JavaCompiler.class)) {
                digest.update(build(type).getBytes(StandardCharsets.UTF_8));
            }
            for (String name : List.of("org.drools.ecj.EclipseJavaCompiler", "org.eclipse.jdt.internal.compiler.Compiler")) {
                try {
                    digest.update(build(Class.forName(name, false, ClassCache.class.getClassLoader()))
                            .getBytes(StandardCharsets.UTF_8));
                } catch (ClassNotFoundException | LinkageError e) {
                    digest.update((name + " absent\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            known = digest.digest();
            builds = known;
        }
        return known;
    }

    /** A class's jar (path, size, time) or classes folder (each file's path, size and time). */
    private static String build(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return type.getName() + " from the platform";
        }
        try {
            Path where = Path.of(source.getLocation().toURI());
            if (!Files.isDirectory(where)) {
                return where + " " + Files.size(where) + " " + Files.getLastModifiedTime(where).toMillis() + "\n";
            }
            StringBuilder all = new StringBuilder(where.toString()).append('\n');
            try (Stream<Path> files = Files.walk(where)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    all.append(where.relativize(file)).append(' ').append(Files.size(file)).append(' ')
                            .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
                }
            }
            return all.toString();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // unknown build: an entry keyed by the time will not be found again, which is safe
            return type.getName() + " unknown build " + System.nanoTime();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
