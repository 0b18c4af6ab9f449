package io.github.rubric.rules;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.drools.base.base.ValueResolver;
import org.drools.base.rule.constraint.AlphaNodeFieldConstraint;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Check}s of one evaluation: for each rule, how often it fired and which facts its patterns
 * examined. It runs on the finished session, before it is disposed, so that Drools itself evaluates each
 * pattern's single-fact constraints.
 */
final class Examiner {
    private static final Logger LOG = LoggerFactory.getLogger(Examiner.class);

    private Examiner() {
    }

    static List<Check> checks(Map<String, RuleInfo> rules, Map<String, RuleShapes.Shape> shapes, KieSession session,
                              FactSet facts, Map<String, Integer> firings) {
        EvidenceIndex index = new EvidenceIndex(facts);
        ValueResolver resolver = session instanceof ValueResolver v ? v : null;
        List<Check> checks = new ArrayList<>();
        for (RuleInfo rule : rules.values()) {
            RuleShapes.Shape shape = shapes.get(rule.name());
            List<Object> examined = new ArrayList<>();
            if (shape != null) {
                for (RuleShapes.Examined pattern : shape.examined()) {
                    for (Object fact : facts.facts()) {
                        if (pattern.type().isInstance(fact) && allowed(pattern, fact, session, resolver)) {
                            examined.add(fact);
                        }
                    }
                }
            }
            List<Evidence> evidence = index.of(examined);
            checks.add(new Check(rule.name(), rule.item(), rule.line(), firings.getOrDefault(rule.name(), 0), evidence));
        }
        checks.sort(Comparator.comparingInt(Check::line).thenComparing(Check::rule));
        return checks;
    }

    /**
     * A fact counts as examined by a pattern inside {@code not}/{@code exists}/{@code collect} when it passes the
     * pattern's single-fact tests (those are the facts counted, or whose presence satisfied the criterion); by a
     * pattern standing on its own, every fact of its type was examined and found not to match.
     */
    private static boolean allowed(RuleShapes.Examined pattern, Object fact, KieSession session, ValueResolver resolver) {
        if (pattern.positive() || pattern.alpha().isEmpty() || resolver == null) {
            return true;
        }
        FactHandle handle = session.getFactHandle(fact);
        if (handle == null) {
            return true;
        }
        for (AlphaNodeFieldConstraint constraint : pattern.alpha()) {
            try {
                if (!constraint.isAllowed(handle, resolver)) {
                    return false;
                }
            } catch (RuntimeException e) {
                // the rule itself would have failed on this fact; for an explanation, show the fact
                LOG.debug("could not evaluate {} on {}: {}", constraint, fact, e.toString());
                return true;
            }
        }
        return true;
    }
}
