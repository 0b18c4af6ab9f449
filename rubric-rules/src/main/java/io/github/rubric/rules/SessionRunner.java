package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.runtime.KieSession;

/**
 * One evaluation of facts against a compiled rubric, within its {@link Limits}.
 *
 * <p>For a rubric loaded in safe mode or from the classpath the session runs on the caller's thread, and the
 * time budget is checked between chunks of firings (safe mode refuses loops in consequences, so no single
 * firing runs on unbounded). For a trusted file from outside, whose consequences may loop in plain Java,
 * the session runs on a worker thread while the caller waits at most the time budget: when the budget runs
 * out the caller halts the session, interrupts the worker and fails with an {@link EvaluationException}, so
 * the caller is never hung. Rules fire in
 * bounded chunks, and more firings than the firing limit stop the evaluation: a rule that keeps re-triggering
 * itself is reported, with the rules that fired most, instead of running until memory or time runs out.
 */
final class SessionRunner {
    /** Firings between checks of the stop flag; halting takes effect within one chunk. */
    private static final int CHUNK = 1_000;
    /** How many of the busiest rules an error names. */
    private static final int BUSIEST = 3;

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "rubric-evaluation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private SessionRunner() {
    }

    /**
     * Inserts the facts, fires the rules and leaves what they reported in {@code tally}.
     *
     * @throws EvaluationException if a rule fails, the firing limit or the time budget is exceeded
     * @throws FactsException if a rule finds the facts do not fit the rubric
     */
    static void run(String rubric, SessionPool pool, FactFilter filter, Scoring scoring, Tally tally, FactSet facts,
                    Limits limits, boolean isolated) {
        // with a filter, which lets in the gates of the rules that can fire
        run(rubric, pool, Objects.requireNonNull(filter, "filter"), List.of(), scoring, tally, facts, limits, isolated,
                null);
    }

    /**
     * Like {@link #run(String, SessionPool, FactFilter, Scoring, Tally, FactSet, Limits, boolean)}, then, on the worker and before the
     * session is disposed, asks {@code afterFiring} what it wants to know of the session. Without a filter every
     * fact is inserted, so that what the session holds is all the facts, and every gate ({@code gates}): every rule
     * is evaluated.
     *
     * @return what {@code afterFiring} returned, or null without it
     */
    static <T> T run(String rubric, SessionPool pool, FactFilter filter, List<RuleGate> gates, Scoring scoring,
                     Tally tally, FactSet facts, Limits limits, boolean isolated, Function<KieSession, T> afterFiring) {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<KieSession> running = new AtomicReference<>();
        if (!isolated) {
            return inline(rubric, pool, filter, gates, scoring, tally, facts, limits, afterFiring, stop, running);
        }
        ClassLoader callerLoader = Thread.currentThread().getContextClassLoader();
        Future<T> work = WORKERS.submit(() -> {
            Thread.currentThread().setContextClassLoader(callerLoader);
            return fire(rubric, pool, filter, gates, scoring, tally, facts, limits.firingLimit(), stop, running,
                    afterFiring, Long.MAX_VALUE);
        });
        Duration budget = limits.timeBudget();
        try {
            return work.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(work, stop, running);
            throw overBudget(rubric, facts, tally, budget);
        } catch (InterruptedException e) {
            abandon(work, stop, running);
            Thread.currentThread().interrupt();
            throw new EvaluationException("rubric " + rubric + " was interrupted while scoring " + facts.source(), e);
        } catch (CancellationException e) {
            throw new EvaluationException("rubric " + rubric + ": the evaluation of " + facts.source() + " was cancelled", e);
        } catch (ExecutionException e) {
            throw translate(rubric, facts, tally, e.getCause());
        }
    }

    private static <T> T inline(String rubric, SessionPool pool, FactFilter filter, List<RuleGate> gates,
                                Scoring scoring, Tally tally, FactSet facts, Limits limits,
                                Function<KieSession, T> afterFiring, AtomicBoolean stop,
                                AtomicReference<KieSession> running) {
        Duration budget = limits.timeBudget();
        long deadline = System.nanoTime() + budget.toNanos();
        T result;
        try {
            result = fire(rubric, pool, filter, gates, scoring, tally, facts, limits.firingLimit(), stop, running,
                    afterFiring, deadline);
        } catch (RuntimeException e) {
            throw translate(rubric, facts, tally, e);
        }
        if (stop.get()) {
            throw overBudget(rubric, facts, tally, budget);
        }
        return result;
    }

    private static <T> T fire(String rubric, SessionPool pool, FactFilter filter, List<RuleGate> gates,
                              Scoring scoring, Tally tally, FactSet facts, int limit, AtomicBoolean stop,
                              AtomicReference<KieSession> running, Function<KieSession, T> afterFiring,
                              long deadline) {
        SessionPool.Lease lease = pool.borrow();
        KieSession session = lease.session;
        running.set(session);
        boolean normal = false;
        try {
            // The global first: constraints Drools tests while facts are inserted may read it.
            lease.start(scoring);
            if (filter == null) {
                scoring.attach(o -> session.getFactHandle(o) != null);
                session.insert(facts.subject());
                session.insert(facts.period());
                session.insert(facts.round());
                facts.facts().forEach(session::insert);
                if (!gates.isEmpty()) {
                    gates.forEach(session.getEntryPoint(Gates.ENTRY_POINT)::insert);
                }
            } else {
                FactFilter.Gate gate = filter.gate(session, lease.held);
                scoring.attach(gate::holds);
                gate.offer(facts.subject());
                gate.offer(facts.period());
                gate.offer(facts.round());
                for (Object fact : facts.facts()) {
                    gate.offer(fact);
                }
                gate.openGates();
            }
            int fired = 0;
            while (!stop.get()) {
                // One firing beyond the limit tells whether the rules still had work when the limit was reached.
                int wanted = (int) Math.min(CHUNK, (long) limit + 1 - fired);
                int done = session.fireAllRules(wanted);
                fired += done;
                if (fired > limit) {
                    throw new EvaluationException("rubric " + rubric + " stopped scoring " + facts.source()
                            + ": more than " + limit + " rule firings (the firing limit) and the rules still had work;"
                            + " a rule probably keeps re-triggering itself" + busiest(tally));
                }
                if (done < wanted) {
                    break;
                }
                if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                    // on the caller's thread, the budget is kept between chunks of firings
                    stop.set(true);
                }
            }
            T result = afterFiring == null ? null : afterFiring.apply(session);
            normal = !stop.get();
            return result;
        } finally {
            // the session's facts are emptied for the next evaluation: nothing may ask them of this one after
            scoring.attach(null);
            // Whoever clears `running` owns the session: if the caller's time ran out and it took the session to
            // halt it, the session is not reused.
            boolean ours = running.compareAndSet(session, null);
            pool.release(lease, normal && ours);
        }
    }

    private static void abandon(Future<?> work, AtomicBoolean stop, AtomicReference<KieSession> running) {
        stop.set(true);
        KieSession session = running.getAndSet(null);
        if (session != null) {
            try {
                session.halt();
            } catch (RuntimeException alreadyDisposed) {
                // the worker finished between the timeout and the halt; nothing to stop
            }
        }
        work.cancel(true);
    }

    private static RuntimeException translate(String rubric, FactSet facts, Tally tally, Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof EvaluationException evaluation) {
                return evaluation;
            }
            if (cause instanceof FactsException factsError) {
                return factsError;
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String rule = tally.firing == null ? "" : " in rule \"" + tally.firing + "\"";
        return new EvaluationException("rubric " + rubric + " failed on " + facts.source() + rule + ": " + failure, failure);
    }

    private static EvaluationException overBudget(String rubric, FactSet facts, Tally tally, Duration budget) {
        return new EvaluationException("rubric " + rubric + " stopped scoring " + facts.source()
                + ": the evaluation ran longer than its time budget of " + seconds(budget) + "; "
                + total(tally) + " rule firings so far" + (tally.firing == null ? "" : ", the last by rule \""
                + tally.firing + "\"") + busiest(tally));
    }

    private static int total(Tally tally) {
        return tally.firings.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String busiest(Tally tally) {
        if (tally.firings.isEmpty()) {
            return "";
        }
        return ". Rules that fired most: " + tally.firings.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(BUSIEST)
                .map(e -> "\"" + e.getKey() + "\" " + e.getValue() + (e.getValue() == 1 ? " time" : " times"))
                .collect(Collectors.joining(", "));
    }

    private static String seconds(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
