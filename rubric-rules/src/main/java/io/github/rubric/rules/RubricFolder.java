package io.github.rubric.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of rubric files ({@code *.drl}) kept in service while authors edit them. A changed file is compiled
 * and, if it loads, swapped in atomically; a file that fails to load leaves the last good version in service
 * and reports the error to the {@link Listener} and the log. Scoring never sees a half-loaded rubric.
 *
 * <pre>{@code
 * try (RubricFolder folder = RubricFolder.open(Path.of("rubrics"), listener).watch()) {
 *     Supplier<Rubric> current = folder.live("my-rubric.drl");
 *     ... current.get().score(facts) ...           // always the last version that loaded
 * }
 * }</pre>
 *
 * <p>{@link #watch()} follows the folder with a {@link WatchService} on a daemon thread; {@link #refresh()}
 * rescans it on demand (call it from a scheduler to poll where file events are unreliable, such as on network
 * shares). A file is recompiled only when its content changed. A deleted file's last version stays in service
 * until {@link #close()}: editors often save by deleting and re-creating.
 */
public final class RubricFolder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RubricFolder.class);

    /** What happens to the folder's files; every method has an empty default. */
    public interface Listener {
        /**
         * A file loaded and is now in service.
         *
         * @param file the rubric file
         * @param rubric the new version
         */
        default void loaded(Path file, Rubric rubric) {
        }

        /**
         * A file failed to load; the last good version, if any, stays in service.
         *
         * @param file the rubric file
         * @param error every problem, with lines
         */
        default void rejected(Path file, RubricException error) {
        }

        /**
         * A file was deleted; its last version stays in service.
         *
         * @param file the rubric file
         */
        default void removed(Path file) {
        }
    }

    private final Path folder;
    private final Listener listener;
    private final Map<String, AtomicReference<Rubric>> current = new ConcurrentHashMap<>();
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile WatchService watcher;
    private volatile Thread thread;

    private RubricFolder(Path folder, Listener listener) {
        this.folder = folder;
        this.listener = listener;
    }

    /**
     * Loads every rubric file of a folder. Files that fail to load are reported, not thrown: they are simply
     * not in service until they load.
     *
     * @param folder the folder
     * @param listener told of each load, rejection and removal
     * @return the folder
     * @throws IllegalArgumentException if the folder does not exist
     */
    public static RubricFolder open(Path folder, Listener listener) {
        Objects.requireNonNull(listener, "listener must not be null");
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no rubric folder " + folder.toAbsolutePath());
        }
        RubricFolder rubrics = new RubricFolder(folder.toAbsolutePath().normalize(), listener);
        rubrics.refresh();
        return rubrics;
    }

    /**
     * Starts following the folder: each change of a rubric file is loaded as it happens.
     *
     * @return this
     * @throws UncheckedIOException if the folder cannot be watched
     * @throws IllegalStateException if already watching or closed
     */
    public synchronized RubricFolder watch() {
        if (watcher != null) {
            throw new IllegalStateException("already watching " + folder);
        }
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
            watcher = service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folder, e);
        }
        thread = new Thread(this::follow, "rubric-folder " + folder.getFileName());
        thread.setDaemon(true);
        thread.start();
        // a file written between open() and register() would otherwise be missed
        refresh();
        return this;
    }

    private void follow() {
        WatchService service = watcher;
        try {
            while (true) {
                WatchKey key = service.take();
                Set<String> touched = new TreeSet<>();
                boolean overflow = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        overflow = true;
                    } else if (event.context() instanceof Path name && isRubric(name)) {
                        touched.add(name.toString());
                    }
                }
                key.reset();
                if (overflow) {
                    refresh();
                } else {
                    touched.forEach(name -> refresh(folder.resolve(name)));
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            LOG.debug("stopped watching {}", folder);
        } catch (RuntimeException e) {
            LOG.error("stopped watching {} after an unexpected error", folder, e);
        }
    }

    /** Rescans the folder now, loading every rubric file whose content changed since it was last seen. */
    public synchronized void refresh() {
        Set<String> present = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> isRubric(f.getFileName()) && Files.isRegularFile(f)).sorted().forEach(f -> {
                present.add(f.getFileName().toString());
                refresh(f);
            });
        } catch (IOException e) {
            LOG.warn("cannot list rubric folder {}: {}", folder, e.toString());
            return;
        }
        for (String name : List.copyOf(seen.keySet())) {
            if (!present.contains(name)) {
                refresh(folder.resolve(name));
            }
        }
    }

    private synchronized void refresh(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            if (!Files.exists(file) && seen.remove(name) != null) {
                LOG.info("rubric file {} was deleted; its last version stays in service", file);
                tell(() -> listener.removed(file));
            }
            return;
        }
        String hash = sha256(bytes);
        if (hash.equals(seen.put(name, hash))) {
            return;
        }
        Rubric rubric;
        try {
            rubric = Rubric.loader().fromBytes(file.toString(), bytes);
        } catch (RubricException e) {
            LOG.warn("rubric file {} did not load; {}: {}", file, current.containsKey(name)
                    ? "the last good version stays in service" : "it is not in service", e.getMessage());
            tell(() -> listener.rejected(file, e));
            return;
        }
        current.computeIfAbsent(name, k -> new AtomicReference<>()).set(rubric);
        LOG.info("rubric file {} loaded: {} {}", file, rubric.definition().id(), rubric.definition().version());
        tell(() -> listener.loaded(file, rubric));
    }

    private void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a rubric folder listener failed", e);
        }
    }

    /**
     * @param fileName a rubric file's name in the folder, such as {@code my-rubric.drl}
     * @return the version in service, if the file ever loaded
     */
    public Optional<Rubric> rubric(String fileName) {
        AtomicReference<Rubric> ref = current.get(fileName);
        return ref == null ? Optional.empty() : Optional.ofNullable(ref.get());
    }

    /**
     * A live handle on one file: each {@code get()} returns the version in service at that moment.
     *
     * @param fileName a rubric file's name in the folder
     * @return the handle
     * @throws IllegalStateException from {@code get()} while the file has never loaded
     */
    public Supplier<Rubric> live(String fileName) {
        AtomicReference<Rubric> ref = current.computeIfAbsent(fileName, k -> new AtomicReference<>());
        return () -> {
            Rubric rubric = ref.get();
            if (rubric == null) {
                throw new IllegalStateException("rubric file " + folder.resolve(fileName) + " has not loaded (yet)");
            }
            return rubric;
        };
    }

    /** @return every version in service, by file name */
    public Map<String, Rubric> rubrics() {
        Map<String, Rubric> all = new TreeMap<>();
        current.forEach((name, ref) -> {
            if (ref.get() != null) {
                all.put(name, ref.get());
            }
        });
        return all;
    }

    /** @return the folder */
    public Path folder() {
        return folder;
    }

    /** Stops watching. The versions in service stay readable. */
    @Override
    public void close() {
        WatchService service = watcher;
        if (service != null) {
            try {
                service.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service of {}: {}", folder, e.toString());
            }
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean isRubric(Path name) {
        return name.toString().endsWith(".drl");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
