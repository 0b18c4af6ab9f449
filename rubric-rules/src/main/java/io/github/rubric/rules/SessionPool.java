package io.github.rubric.rules;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.base.rule.EntryPointId;
import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.EntryPoint;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Idle rule sessions of one compiled rubric, for reuse. Making a session costs more than scoring a subject,
 * so a session whose evaluation ended normally is reset (as Drools' own session pools do: memories, agenda,
 * fact handles, globals and listeners cleared) and kept for the next evaluation, up to {@link #MAX_IDLE}; a
 * session whose evaluation failed, timed out or was halted is disposed of, never reused. Each evaluation has
 * its session to itself.
 *
 * <p>An idle session holds about a quarter of a megabyte. So that a service can keep thousands of rubric
 * versions, of which few are in use at a time, the idle sessions of a rubric that has not scored for
 * {@link #KEEP_IDLE} are disposed of by a background daemon thread shared by all rubrics; the rubric then
 * holds only its compiled rules until it scores again.
 */
final class SessionPool {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPool.class);
    /** Idle sessions kept per rubric: enough for every core to score at once. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    /** How long a rubric keeps its idle sessions after its last evaluation ended. */
    static final Duration KEEP_IDLE = Duration.ofSeconds(30);

    /**
     * How sessions are made, the same for every rubric (about 12 KB each, mostly Drools' default properties): a
     * configuration is only read when a session is made, so all pools share these two.
     */
    private static final KieSessionConfiguration CONFINED = configuration(ThreadSafeOption.NO);
    private static final KieSessionConfiguration THREAD_SAFE = configuration(ThreadSafeOption.YES);

    private final KieBase kieBase;
    /** How sessions are made: see {@link #SessionPool(KieBase, boolean, Duration)}. */
    private final KieSessionConfiguration configuration;
    private final long keepIdleNanos;
    private final ConcurrentLinkedQueue<Lease> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final AtomicBoolean watched = new AtomicBoolean();
    /** When an evaluation last gave its session back ({@link System#nanoTime()}). */
    private volatile long lastReleased;

    SessionPool(KieBase kieBase, boolean confined) {
        this(kieBase, confined, KEEP_IDLE);
    }

    /**
     * @param kieBase the rubric's rules
     * @param confined whether no other thread ever calls a session while an evaluation uses it: true when the
     *     evaluation runs on the caller's thread and keeps its time budget itself. Such sessions are made without
     *     Drools' thread safety (inserts propagate at once instead of through a synchronised queue), which gave
     *     about 10 % more subjects per second on two threads. A session that another thread may halt stays
     *     thread-safe.
     * @param keepIdle how long idle sessions are kept after the last evaluation
     */
    SessionPool(KieBase kieBase, boolean confined, Duration keepIdle) {
        this.kieBase = kieBase;
        this.configuration = confined ? CONFINED : THREAD_SAFE;
        this.keepIdleNanos = keepIdle.toNanos();
    }

    private static KieSessionConfiguration configuration(ThreadSafeOption threadSafe) {
        KieSessionConfiguration configuration = RuleBaseFactory.newKnowledgeSessionConfiguration();
        configuration.setOption(threadSafe);
        return configuration;
    }

    /** @return how this pool's sessions are made */
    KieSessionConfiguration configuration() {
        return configuration;
    }

    /** A session lent to one evaluation, with the listener that tells its {@link Scoring} which rule fires. */
    static final class Lease implements RuleEventListener {
        final KieSession session;
        /** The facts of the evaluation that has the session, when they go in past its store (see FactFilter). */
        final IdentitySet held = new IdentitySet();
        private Scoring scoring;

        private Lease(KieSession session) {
            this.session = session;
        }

        /** Sets the evaluation's global and listener; a reset session has neither. */
        void start(Scoring scoring) {
            this.scoring = scoring;
            session.setGlobal("score", scoring);
            if (session instanceof RuleEventManager events) {
                // told of each firing without the agenda events (three objects per firing) a KieSession listener costs
                events.addEventListener(this);
            } else {
                session.addEventListener(new DefaultAgendaEventListener() {
                    @Override
                    public void beforeMatchFired(BeforeMatchFiredEvent event) {
                        onBeforeMatchFire(event.getMatch());
                    }
                });
            }
        }

        @Override
        public void onBeforeMatchFire(Match match) {
            scoring.firing(match);
        }
    }

    Lease borrow() {
        Lease lease = idle.poll();
        if (lease == null) {
            KieSession session = kieBase.newKieSession(configuration, null);
            SessionMemories.install(session);
            return new Lease(session);
        }
        idleCount.decrementAndGet();
        return lease;
    }

    /**
     * @param lease a session back from an evaluation
     * @param reusable whether the evaluation ended normally; otherwise the session is disposed of
     */
    void release(Lease lease, boolean reusable) {
        lease.scoring = null;
        lease.held.clear();
        if (reusable && idleCount.get() < MAX_IDLE && lease.session instanceof StatefulKnowledgeSessionImpl impl) {
            try {
                impl.reset();
                // Drools' reset empties the default entry point only; a named one (the gates', see RuleGate) would
                // keep its objects, and a gate inserted again would be taken for the one already there
                for (EntryPoint entry : impl.getEntryPoints()) {
                    if (entry != impl.getEntryPoint(EntryPointId.DEFAULT.getEntryPointId())
                            && entry instanceof InternalWorkingMemoryEntryPoint named) {
                        named.reset();
                    }
                }
            } catch (RuntimeException e) {
                lease.session.dispose();
                return;
            }
            lastReleased = System.nanoTime();
            idleCount.incrementAndGet();
            idle.offer(lease);
            if (!watched.get() && watched.compareAndSet(false, true)) {
                Expiry.watch(this);
            }
        } else {
            lease.session.dispose();
        }
    }

    /** @return how many idle sessions the pool holds now */
    int idle() {
        return idleCount.get();
    }

    /**
     * Disposes of the idle sessions if no evaluation has given one back for {@link #KEEP_IDLE}.
     *
     * @param now the time now ({@link System#nanoTime()})
     * @return how many sessions were disposed of
     */
    int expire(long now) {
        if (now - lastReleased < keepIdleNanos) {
            return 0;
        }
        int disposed = 0;
        for (Lease lease = idle.poll(); lease != null; lease = idle.poll()) {
            idleCount.decrementAndGet();
            lease.session.dispose();
            disposed++;
        }
        return disposed;
    }

    /** The background thread that disposes of the idle sessions of rubrics no longer scoring. */
    private static final class Expiry {
        private static final Queue<WeakReference<SessionPool>> POOLS = new ConcurrentLinkedQueue<>();
        private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rubric-idle-sessions");
            thread.setDaemon(true);
            return thread;
        });

        static {
            long every = Math.max(1, KEEP_IDLE.toMillis() / 3);
            THREAD.scheduleWithFixedDelay(Expiry::sweep, every, every, TimeUnit.MILLISECONDS);
        }

        private Expiry() {
        }

        /** Watches a pool from its first idle session on; a rubric that is no longer referenced is forgotten. */
        static void watch(SessionPool pool) {
            POOLS.add(new WeakReference<>(pool));
        }

        private static void sweep() {
            long now = System.nanoTime();
            for (Iterator<WeakReference<SessionPool>> it = POOLS.iterator(); it.hasNext(); ) {
                SessionPool pool = it.next().get();
                if (pool == null) {
                    it.remove();
                    continue;
                }
                try {
                    pool.expire(now);
                } catch (RuntimeException e) {
                    // a session that fails to dispose of itself is dropped all the same; the sweep goes on
                    LOG.debug("disposing of an idle rule session failed: {}", e.toString());
                }
            }
        }
    }
}
