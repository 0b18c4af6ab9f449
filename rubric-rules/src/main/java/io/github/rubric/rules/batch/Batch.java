package io.github.rubric.rules.batch;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.EvaluationException;
import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores many subjects against one rubric, in parallel: the door to batch scoring.
 *
 * <pre>{@code
 * BatchResult result = Batch.of(rubric).threads(4).score(List.of(Path.of("facts/2024")));
 * }</pre>
 *
 * <p>Inputs are facts files, folders (their {@code *.yaml}, {@code *.yml} and {@code *.json} files, not
 * recursively, in name order) and many-subjects files: a YAML or JSON mapping whose only field,
 * {@code subjects}, lists subjects each written as a facts file would be. The result lists one
 * {@link Outcome} per subject in that order, whatever the number of threads, so the same inputs give the same
 * result. A subject that cannot be read or scored becomes an {@link Outcome.Failed} naming file, line and field;
 * the others are still scored. The same subject (id, period and round) given twice fails the second time.
 *
 * <p>A {@code Batch} is a mutable builder; use it from one thread. Each {@link #score} call runs on threads of
 * its own, which it shuts down before returning.
 */
public final class Batch {
    private static final Logger LOG = LoggerFactory.getLogger(Batch.class);

    /**
     * Told as subjects are scored, for a progress display.
     */
    @FunctionalInterface
    public interface Progress {
        /**
         * Called once each time a subject is scored or fails, in the order they finish, never concurrently.
         *
         * @param done how many subjects are finished
         * @param total how many subjects there are
         */
        void update(int done, int total);
    }

    private final Rubric rubric;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean threadsSet;
    private Progress progress = (done, total) -> { };
    private Consumer<Outcome> listener = outcome -> { };

    private Batch(Rubric rubric) {
        this.rubric = rubric;
    }

    /**
     * @param rubric the rubric to score against
     * @return a batch with one thread per processor
     */
    public static Batch of(Rubric rubric) {
        return new Batch(Objects.requireNonNull(rubric, "rubric must not be null"));
    }

    /**
     * @param count how many subjects to score at once; by default one per processor
     * @return this batch
     * @throws IllegalArgumentException if count is below 1
     * @throws IllegalStateException if the thread count was already set
     */
    public Batch threads(int count) {
        if (threadsSet) {
            throw new IllegalStateException("threads was already set to " + threads);
        }
        if (count < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + count);
        }
        this.threads = count;
        this.threadsSet = true;
        return this;
    }

    /**
     * @param progress told each time a subject is finished
     * @return this batch
     */
    public Batch progress(Progress progress) {
        this.progress = Objects.requireNonNull(progress, "progress must not be null");
        return this;
    }

    /**
     * Streams outcomes as they become available in input order: each outcome is passed on as soon as it and
     * every outcome before it are finished, on the thread that called {@link #score}. Writing JSON lines as
     * they come keeps the output in the same order as the result.
     *
     * @param listener told of each outcome, in input order
     * @return this batch
     */
    public Batch onEach(Consumer<Outcome> listener) {
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        return this;
    }

    /**
     * @param inputs facts files, folders and many-subjects files
     * @return one outcome per subject, in input order
     */
    public BatchResult score(Path... inputs) {
        return score(List.of(inputs));
    }

    /**
     * Scores every subject of the inputs.
     *
     * @param inputs facts files, folders and many-subjects files, in the order the result should follow
     * @return one outcome per subject, in input order
     * @throws BatchInterruptedException if the calling thread is interrupted: it holds the outcomes finished so
     *     far and names the subjects not scored
     * @throws CancellationException if the thread is interrupted while the inputs are still being read
     */
    public BatchResult score(List<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs must not be null");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Named());
        try {
            List<Inputs.Unit> units = read(pool, Inputs.files(inputs));
            AtomicInteger done = new AtomicInteger();
            Object lock = new Object();
            List<Future<Outcome>> futures = new ArrayList<>(units.size());
            for (Inputs.Unit unit : units) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = score(unit);
                    synchronized (lock) {
                        progress.update(done.incrementAndGet(), units.size());
                    }
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>(units.size());
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < futures.size(); i++) {
                Outcome finished;
                try {
                    if (Thread.currentThread().isInterrupted()) {
                        // a finished task answers get() without looking at the interrupt; the caller asked to stop
                        throw new CancellationException("batch scoring was interrupted");
                    }
                    finished = await(futures.get(i));
                } catch (CancellationException interrupted) {
                    throw interrupted(units, futures, i, outcomes, seen, interrupted);
                }
                Outcome outcome = duplicate(finished, seen);
                outcomes.add(outcome);
                listener.accept(outcome);
            }
            LOG.debug("scored {} subjects on {} threads in {} ms", outcomes.size(), threads,
                    (System.nanoTime() - start) / 1_000_000);
            return new BatchResult(rubric.definition(), rubric.ref(), outcomes);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What an interrupted batch had done: the outcomes already delivered, those finished meanwhile, and the
     * subjects left unscored, so that nothing scored is lost and nothing unscored passes for scored.
     */
    private BatchInterruptedException interrupted(List<Inputs.Unit> units, List<Future<Outcome>> futures, int from,
                                                  List<Outcome> outcomes, Map<String, String> seen,
                                                  CancellationException cause) {
        List<Outcome> finished = new ArrayList<>(outcomes);
        List<String> notScored = new ArrayList<>();
        for (int i = from; i < futures.size(); i++) {
            Future<Outcome> future = futures.get(i);
            Outcome outcome = null;
            if (future.isDone() && !future.isCancelled()) {
                try {
                    outcome = duplicate(future.get(), seen);
                } catch (InterruptedException | ExecutionException | RuntimeException e) {
                    outcome = null;
                }
            }
            if (outcome == null) {
                notScored.add(units.get(i).source());
            } else {
                finished.add(outcome);
            }
        }
        BatchInterruptedException error = new BatchInterruptedException(
                new BatchResult(rubric.definition(), rubric.ref(), finished), notScored);
        error.initCause(cause.getCause());
        return error;
    }

    private static List<Inputs.Unit> read(ExecutorService pool, List<Inputs.Source> sources) {
        List<Future<List<Inputs.Unit>>> reads = new ArrayList<>();
        for (Inputs.Source source : sources) {
            Callable<List<Inputs.Unit>> read = source.failure() == null
                    ? () -> Inputs.units(source.file())
                    : () -> List.of(Inputs.failure(source.failure()));
            reads.add(pool.submit(read));
        }
        List<Inputs.Unit> units = new ArrayList<>();
        for (Future<List<Inputs.Unit>> read : reads) {
            units.addAll(await(read));
        }
        return units;
    }

    private Outcome score(Inputs.Unit unit) {
        if (unit.failure() != null) {
            return unit.failure();
        }
        try {
            FactSet read = rubric.readFacts(unit.file(), unit.text());
            FactSet facts = unit.prefix().isEmpty() ? read
                    : new FactSet(unit.source(), read.subject(), read.period(), read.round(), read.facts());
            Scorecard card = rubric.score(facts);
            return new Outcome.Scored(unit.source(), card);
        } catch (FactsException e) {
            if (unit.prefix().isEmpty()) {
                return new Outcome.Failed(unit.source(), e.source(), e.line(), e.path(), e.getMessage());
            }
            String path = e.path().isEmpty() ? unit.prefix()
                    : e.path().startsWith("[") ? unit.prefix() + e.path() : unit.prefix() + "." + e.path();
            return new Outcome.Failed(unit.source(), e.source(), e.line(), path,
                    e.source() + (e.line() > 0 ? ":" + e.line() : "") + ": " + path + ": " + e.problem());
        } catch (EvaluationException e) {
            return new Outcome.Failed(unit.source(), unit.file(), 0, unit.prefix(), e.getMessage());
        } catch (RuntimeException e) {
            // Not a problem of the facts: a defect. Keep the other subjects, report this one, log the trace.
            LOG.error("scoring {} failed unexpectedly", unit.source(), e);
            return new Outcome.Failed(unit.source(), unit.file(), 0, unit.prefix(),
                    unit.source() + ": could not be scored: " + e);
        }
    }

    /** The second outcome for one subject, period and round fails: a committee scores each once. */
    private static Outcome duplicate(Outcome outcome, Map<String, String> seen) {
        if (!(outcome instanceof Outcome.Scored scored)) {
            return outcome;
        }
        Scorecard card = scored.scorecard();
        String key = card.subject().id() + "|" + card.periodStart() + "|" + card.periodEnd() + "|" + card.round();
        String first = seen.putIfAbsent(key, scored.source());
        if (first == null) {
            return outcome;
        }
        String file = scored.source().contains("#") ? scored.source().substring(0, scored.source().indexOf('#'))
                : scored.source();
        return new Outcome.Failed(scored.source(), file, 0, "subject.id", scored.source() + ": subject.id: subject '"
                + card.subject().id() + "' (" + card.subject().name() + ") was already scored for " + card.periodStart()
                + " to " + card.periodEnd() + ", round " + card.round() + ", from " + first);
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("batch scoring was interrupted");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("batch task failed", cause);
        }
    }

    /** Daemon threads with a recognisable name, so an abandoned batch never keeps the JVM alive. */
    private static final class Named implements ThreadFactory {
        private static final AtomicInteger POOLS = new AtomicInteger();
        private final int pool = POOLS.incrementAndGet();
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "rubric-batch-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
