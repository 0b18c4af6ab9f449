package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.RubricDefinition;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * Scores one subject's facts against a compiled rubric: inserts them into a rule session, fires the rules, and
 * builds the scorecard from what they reported. {@link Rubric#score(FactSet)} delegates here.
 *
 * <p>Safe for concurrent use: every evaluation has a session to itself.
 */
final class Evaluator {
    private final String sourceName;
    private final RubricDefinition definition;
    private final RubricRef ref;
    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;

    Evaluator(String sourceName, RubricDefinition definition, RubricRef ref, KieBase kieBase, Map<String, RuleInfo> rules) {
        this.sourceName = sourceName;
        this.definition = definition;
        this.ref = ref;
        this.kieBase = kieBase;
        this.rules = rules;
    }

    Scorecard score(FactSet facts) {
        Tally tally = new Tally();
        KieSession session = kieBase.newKieSession();
        try {
            EvidenceIndex evidence = EvidenceIndex.insert(facts, session);
            Scoring scoring = new Scoring(sourceName, definition, rules, evidence, facts.subject(), tally);
            session.setGlobal("score", scoring);
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    scoring.firing(event.getMatch());
                }
            });
            session.fireAllRules();
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
            session.dispose();
        }
        return ScorecardBuilder.build(definition, ref, facts, tally);
    }
}
