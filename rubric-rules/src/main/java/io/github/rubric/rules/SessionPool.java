package io.github.rubric.rules;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;

/**
 * Idle rule sessions of one compiled rubric, for reuse. Making a session costs more than scoring a subject,
 * so a session whose evaluation ended normally is reset (as Drools' own session pools do: memories, agenda,
 * fact handles, globals and listeners cleared) and kept for the next evaluation, up to {@link #MAX_IDLE}; a
 * session whose evaluation failed, timed out or was halted is disposed of, never reused. Each evaluation has
 * its session to itself.
 */
final class SessionPool {
    /** Idle sessions kept per rubric: enough for every core to score at once. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    private final KieBase kieBase;
    private final ConcurrentLinkedQueue<Lease> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    SessionPool(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /** A session lent to one evaluation, with the listener that tells its {@link Scoring} which rule fires. */
    static final class Lease implements RuleEventListener {
        final KieSession session;
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
            return new Lease(kieBase.newKieSession());
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
        if (reusable && idleCount.get() < MAX_IDLE && lease.session instanceof StatefulKnowledgeSessionImpl impl) {
            try {
                impl.reset();
            } catch (RuntimeException e) {
                lease.session.dispose();
                return;
            }
            idleCount.incrementAndGet();
            idle.offer(lease);
        } else {
            lease.session.dispose();
        }
    }
}
