package io.github.rubric.rules;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.drools.drl.ast.descr.PackageDescr;
import org.kie.internal.builder.KnowledgeBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads rubric files with chosen trust and limits; made by {@link Rubric#loader()}.
 *
 * <pre>{@code
 * Rubric rubric = Rubric.loader()
 *         .firingLimit(100_000)
 *         .timeBudget(Duration.ofSeconds(2))
 *         .fromFile(Path.of("uploads/rubric.drl"));     // safe mode: the file's author is not trusted
 * Rubric own = Rubric.loader().trusted().fromFile(Path.of("rubrics/ours.drl"));
 * }</pre>
 *
 * <p><b>Trust.</b> A rule file's consequences are Java and could call anything. Files read with
 * {@link #fromFile} or {@link #fromString} are loaded in <em>safe mode</em> unless {@link #trusted()} is
 * called: before anything is compiled, the file is inspected and refused, with file, line and the offending
 * name, if it uses anything outside an allow-list (the rubric's own declared types, the library's model and
 * {@link Scoring}, basic {@code java.lang} types, {@code java.math}, {@code java.time}, {@code java.util}
 * collections) or constructs that could hang the engine or change facts (loops, recursion, statics,
 * {@code modify}/{@code update}/{@code retract}/{@code delete}, setters). Resources read with
 * {@link #fromClasspath} ship with the application and are trusted unless {@link #safe()} is called. Safe mode
 * is a static check of the rule text, not a JVM sandbox; {@code docs/security.md} says what it guarantees.
 *
 * <p><b>Limits</b> hold for every evaluation of the loaded rubric: the rules may fire at most
 * {@link #firingLimit} times and run at most {@link #timeBudget}; facts files may be at most
 * {@link #maxFileSize} bytes, as may the rubric file itself.
 *
 * <p>Each setting may be given once; a loader is not thread-safe, the rubrics it loads are.
 */
public final class RubricLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RubricLoader.class);

    private static final String GUIDANCE = "safe mode loads rule files from authors who are not trusted: they may"
            + " use the rubric's own declared types, the library's model types and score, basic java.lang types,"
            + " java.math, java.time and java.util collections, and no loops, recursion, statics or changes to facts"
            + " (see docs/security.md); if you trust the file's author, load it with Rubric.loader().trusted()";

    private enum Trust { DEFAULT, TRUSTED, SAFE }

    private Trust trust = Trust.DEFAULT;
    private Integer firingLimit;
    private Duration timeBudget;
    private Long maxFileSize;
    private ClassCache classCache;

    RubricLoader() {
    }

    /**
     * Trusts the rule files this loader loads: no safe-mode inspection, whatever their origin. Only for files
     * whose authors may run code in this process.
     *
     * @return this loader
     * @throws IllegalStateException if trust was already set
     */
    public RubricLoader trusted() {
        requireTrustUnset();
        trust = Trust.TRUSTED;
        return this;
    }

    /**
     * Loads every rule file in safe mode, classpath resources included.
     *
     * @return this loader
     * @throws IllegalStateException if trust was already set
     */
    public RubricLoader safe() {
        requireTrustUnset();
        trust = Trust.SAFE;
        return this;
    }

    /**
     * @param limit the most rule firings one evaluation may take (default 1,000,000); beyond it, scoring fails
     *     with an {@link EvaluationException} naming the rules that fired most
     * @return this loader
     * @throws IllegalArgumentException if the limit is below 1
     * @throws IllegalStateException if the limit was already set
     */
    public RubricLoader firingLimit(int limit) {
        if (firingLimit != null) {
            throw new IllegalStateException("firing limit was already set to " + firingLimit);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("firing limit must be at least 1, was " + limit);
        }
        firingLimit = limit;
        return this;
    }

    /**
     * @param budget the longest one evaluation may run (default 10 seconds); when it runs out, scoring fails with
     *     an {@link EvaluationException} and the calling thread goes free
     * @return this loader
     * @throws IllegalArgumentException if the budget is not positive
     * @throws IllegalStateException if the budget was already set
     */
    public RubricLoader timeBudget(Duration budget) {
        Objects.requireNonNull(budget, "time budget must not be null");
        if (timeBudget != null) {
            throw new IllegalStateException("time budget was already set to " + timeBudget);
        }
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, was " + budget);
        }
        timeBudget = budget;
        return this;
    }

    /**
     * @param bytes the largest facts file the rubric reads, and the largest rubric file this loader loads
     *     (default 2 MiB); a larger one fails with a {@link FactsException} or {@link RubricException}
     * @return this loader
     * @throws IllegalArgumentException if the size is below 1
     * @throws IllegalStateException if the size was already set
     */
    public RubricLoader maxFileSize(long bytes) {
        if (maxFileSize != null) {
            throw new IllegalStateException("maximum file size was already set to " + maxFileSize);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("maximum file size must be at least 1 byte, was " + bytes);
        }
        maxFileSize = bytes;
        return this;
    }

    /**
     * Keeps the Java classes compiled for each rubric's rules in a directory, and takes them from there when the
     * same rubric is compiled again: Drools compiles each rule's consequence as Java, a quarter to two fifths of
     * compiling a rubric (measured in {@code docs/performance.md}). An entry is found by a SHA-256 of the rule text, the rubric's
     * name, and the builds of Rubric, Drools, MVEL, the Java compiler and the JVM (each jar's list of entries with
     * their sizes and CRC-32s), so a changed rubric or another build of any of them makes a new entry. An entry that
     * cannot be read, or is damaged, is compiled as usual and written again, with a warning in the log that says
     * what was wrong; so is an entry that cannot be written. Nothing removes old entries; the directory may be
     * emptied at any time.
     *
     * <p>The entries are code that this process loads. The directory is made readable and writable by its owner
     * only; if it belongs to someone else, or others may write to it, the cache stays off (with a warning) and rules
     * are compiled as usual. Those checks need POSIX owners and permissions: on other file systems (Windows) the
     * directory is used as it is, and keeping it private is the caller's part. The key does not cover other classes that rules use: the application's own fact
     * classes, or libraries a trusted rubric calls. After changing those, empty the directory.
     *
     * @param directory where the entries are kept; made when first used
     * @return this loader
     * @throws IllegalStateException if a cache was already set
     */
    public RubricLoader classCache(Path directory) {
        Objects.requireNonNull(directory, "directory must not be null");
        if (classCache != null) {
            throw new IllegalStateException("class cache was already set to " + classCache.directory());
        }
        classCache = new ClassCache(directory);
        return this;
    }

    /** @return the class cache set, or null */
    ClassCache classCache() {
        return classCache;
    }

    /**
     * Loads a rubric file from the file system, in safe mode unless {@link #trusted()}.
     *
     * @param file the rubric file
     * @return the compiled rubric
     * @throws RubricException if the file has errors, is refused by safe mode, is too large or cannot be read
     */
    public Rubric fromFile(Path file) {
        Objects.requireNonNull(file, "file must not be null");
        Limits limits = limits();
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Inputs.read(file, limits.maxFileSize());
        } catch (IOException e) {
            throw problem(name, 0, "cannot read: " + e.getMessage());
        } catch (Inputs.Refused e) {
            throw problem(name, e.line(), e.getMessage());
        }
        return load(name, decode(name, bytes), trust != Trust.TRUSTED, trust == Trust.TRUSTED, limits, classCache);
    }

    /**
     * Loads a rubric file from the classpath, trusted unless {@link #safe()}.
     *
     * @param resource the resource name, such as {@code io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl}
     * @return the compiled rubric
     * @throws RubricException if there is no such resource or it has errors
     */
    public Rubric fromClasspath(String resource) {
        Objects.requireNonNull(resource, "resource must not be null");
        Limits limits = limits();
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        String name = "classpath:" + path;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Rubric.class.getClassLoader();
        }
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new FileNotFoundException("no such resource on the classpath");
            }
            bytes = Inputs.read(in, limits.maxFileSize());
        } catch (IOException e) {
            throw problem(name, 0, "cannot read: " + e.getMessage());
        } catch (Inputs.Refused e) {
            throw problem(name, e.line(), e.getMessage());
        }
        // Shipped with the application: as trusted as its own code, scored on the caller's thread.
        return load(name, decode(name, bytes), trust == Trust.SAFE, false, limits, classCache);
    }

    /**
     * Loads a rubric from text, in safe mode unless {@link #trusted()}.
     *
     * @param sourceName a name for error messages and the scorecard, such as the file it came from
     * @param text the rubric file's content
     * @return the compiled rubric
     * @throws RubricException if the text has errors, is refused by safe mode or is too large
     */
    public Rubric fromString(String sourceName, String text) {
        Objects.requireNonNull(sourceName, "sourceName must not be null");
        Objects.requireNonNull(text, "text must not be null");
        Limits limits = limits();
        try {
            Inputs.checkSize(text, limits.maxFileSize());
        } catch (Inputs.Refused e) {
            throw problem(sourceName, 0, e.getMessage());
        }
        return load(sourceName, text, trust != Trust.TRUSTED, trust == Trust.TRUSTED, limits, classCache);
    }

    /**
     * @param safe whether safe mode checks the file
     * @param isolated whether evaluations run on a worker thread: for trusted files from outside the
     *     application, whose consequences may loop in plain Java, so that the caller is never hung. A file that
     *     passed safe mode has no such loops, and the time budget is kept by halting its session between
     *     firings, on the caller's thread, which spares a thread handoff per evaluation.
     * @param cache where the classes compiled for rules are kept, or null (see {@link #classCache})
     */
    private static Rubric load(String name, String text, boolean safe, boolean isolated, Limits limits,
                               ClassCache cache) {
        long start = System.nanoTime();
        RubricSource source = RubricSource.of(name, text.replace("\r\n", "\n"));
        // The header and the rules do not depend on each other until the rules are checked against the header,
        // and in a fresh JVM both are mostly class loading (Jackson and SnakeYAML for one, the DRL parser and the
        // Java compiler for the other): the header is read on a thread of its own meanwhile. Problems are
        // reported as if one came after the other: safe mode's first, then the header's, then the rules'. The file's
        // fingerprint and the compressed copy a rubric keeps are made on that thread too.
        FutureTask<Read> reading = new FutureTask<>(() -> new Read(HeaderReader.read(source), source.kept()));
        Thread reader = new Thread(reading, "rubric-header-reader");
        reader.setDaemon(true);
        reader.start();
        RubricCompiler.Prepared prepared = RubricCompiler.prepare(source);
        SafeMode.Checked checked = safe ? SafeMode.check(source, prepared) : null;
        if (checked != null) {
            List<RubricException.Problem> refused = checked.problems();
            if (!refused.isEmpty()) {
                List<RubricException.Problem> all = new ArrayList<>(refused);
                if (refused.stream().anyMatch(p -> p.message().startsWith("safe mode:"))) {
                    all.add(new RubricException.Problem(name, 0, GUIDANCE));
                }
                throw new RubricException(all);
            }
        }
        RubricCompiler.Built rules = null;
        RuntimeException failure = null;
        try {
            PackageDescr parsed = checked == null ? null : checked.parsed();
            rules = ClassPathCache.during(() -> RubricCompiler.build(source, cache, true, prepared, parsed));
        } catch (RuntimeException e) {
            failure = e;
        }
        Read read = read(reading);
        HeaderReader.Header header = read.header();
        if (failure != null) {
            throw failure;
        }
        RubricCompiler.Built built = rules;
        RubricCompiler.Compiled compiled;
        try {
            compiled = ClassPathCache.during(() -> RubricCompiler.compile(source, header, built, cache));
        } catch (RuntimeException | LinkageError e) {
            if (!built.fromCache()) {
                throw e;
            }
            // the same text compiled without a problem when its entry was written: a problem now is the entry's
            LOG.warn("the rules of {} did not load from the compiled-class cache entry {} ({}); compiling them", name,
                    built.key().file(), e.toString());
            RubricCompiler.Built fresh = ClassPathCache.during(() -> RubricCompiler.build(source, cache, false));
            compiled = ClassPathCache.during(() -> RubricCompiler.compile(source, header, fresh, cache));
        }
        LOG.debug("compiled rubric {} from {} ({} mode) in {} ms", header.definition().id(), name,
                safe ? "safe" : "trusted", (System.nanoTime() - start) / 1_000_000);
        return new Rubric(read.kept(), header, compiled, limits, isolated);
    }

    /** What the header's thread gives: the header, and the file as the rubric keeps it. */
    private record Read(HeaderReader.Header header, RubricSource.Kept kept) {
    }

    /** @return what was read on the header's own thread, or the problem found reading the header */
    private static Read read(FutureTask<Read> reading) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reading.get();
                } catch (InterruptedException e) {
                    // the header is read in moments; finish waiting for it, and keep the interrupt for the caller
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("reading the rubric header failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Limits limits() {
        return new Limits(firingLimit == null ? Limits.DEFAULT_FIRING_LIMIT : firingLimit,
                timeBudget == null ? Limits.DEFAULT_TIME_BUDGET : timeBudget,
                maxFileSize == null ? Limits.DEFAULT_MAX_FILE_SIZE : maxFileSize);
    }

    private void requireTrustUnset() {
        if (trust != Trust.DEFAULT) {
            throw new IllegalStateException("trust was already set to " + trust.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** Loads a rubric file's bytes, already read, as {@link #fromFile} would: for a watched folder. */
    Rubric fromBytes(String name, byte[] bytes) {
        Limits limits = limits();
        if (bytes.length > limits.maxFileSize()) {
            throw problem(name, 0, "is " + bytes.length + " bytes, more than the limit of " + limits.maxFileSize());
        }
        return load(name, decode(name, bytes), trust != Trust.TRUSTED, trust == Trust.TRUSTED, limits, classCache);
    }

    private static String decode(String name, byte[] bytes) {
        try {
            return Inputs.utf8(bytes);
        } catch (Inputs.Refused e) {
            throw problem(name, e.line(), e.getMessage());
        }
    }

    private static RubricException problem(String name, int line, String message) {
        return new RubricException(List.of(new RubricException.Problem(name, line, message)));
    }
}
