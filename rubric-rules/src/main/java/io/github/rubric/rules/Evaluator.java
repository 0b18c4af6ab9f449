package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.RubricDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Scores one subject's facts against a compiled rubric: inserts them into a rule session, fires the rules, and
 * builds the scorecard from what they reported. {@link Rubric#score(FactSet)} delegates here.
 *
 * <p>Sessions are reused: making one costs more than scoring a subject, so a finished session is reset (as
 * Drools' own session pools do: memories, agenda, fact handles, globals and listeners cleared) and kept for the
 * next evaluation, up to {@link #MAX_IDLE} idle sessions per rubric. A session whose evaluation failed is
 * disposed of, never reused.
 *
 * <p>Safe for concurrent use: every evaluation has a session to itself, taken from the pool or made, and the
 * {@code score} global and the listener are set on it for that evaluation only.
 */
final class Evaluator {
    private final String sourceName;
    private final RubricDefinition definition;
    private final RubricRef ref;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;
    private final ConcurrentLinkedQueue<PooledSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final FactFilter filter = new FactFilter();

    /** Idle sessions kept per rubric: enough for every core to score at once. */
    static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);

    /** A session and the listener that tells the evaluation's {@link Scoring} which rule is firing. */
    private static final class PooledSession extends DefaultAgendaEventListener {
        final KieSession session;
        Scoring scoring;

        PooledSession(KieBase kieBase) {
            this.session = kieBase.newKieSession();
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            scoring.firing(event.getMatch());
        }
    }

    Evaluator(String sourceName, RubricDefinition definition, RubricRef ref, KieBase kieBase, Map<String, RuleInfo> rules) {
        this.sourceName = sourceName;
        this.definition = definition;
        this.ref = ref;
        this.kieBase = kieBase;
        this.rules = rules;
    }

    Scorecard score(FactSet facts) {
        Tally tally = new Tally();
        PooledSession pooled = borrow();
        boolean reusable = false;
        try {
            KieSession session = pooled.session;
            EvidenceIndex evidence = EvidenceIndex.forSession(facts, session);
            Scoring scoring = new Scoring(sourceName, definition, rules, evidence, facts.subject(), tally);
            pooled.scoring = scoring;
            session.setGlobal("score", scoring);
            session.addEventListener(pooled);
            evidence.insertFacts(filter);
            session.fireAllRules();
            reusable = true;
        } catch (EvaluationException | FactsException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof EvaluationException)) {
                cause = cause.getCause();
            }
            if (cause instanceof EvaluationException evaluation) {
                throw evaluation;
            }
            throw new EvaluationException("rubric " + sourceName + " failed on " + facts.source() + ": " + e, e);
        } finally {
            release(pooled, reusable);
        }
        return ScorecardBuilder.build(definition, ref, facts, tally);
    }

    private PooledSession borrow() {
        PooledSession pooled = idle.poll();
        if (pooled == null) {
            return new PooledSession(kieBase);
        }
        idleCount.decrementAndGet();
        return pooled;
    }

    private void release(PooledSession pooled, boolean reusable) {
        pooled.scoring = null;
        if (reusable && idleCount.get() < MAX_IDLE && pooled.session instanceof StatefulKnowledgeSessionImpl impl) {
            try {
                impl.reset();
            } catch (RuntimeException e) {
                pooled.session.dispose();
                return;
            }
            idleCount.incrementAndGet();
            idle.offer(pooled);
        } else {
            pooled.session.dispose();
        }
    }
}
