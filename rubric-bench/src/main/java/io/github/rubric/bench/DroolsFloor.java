package io.github.rubric.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.utils.KieHelper;

/**
 * What Drools itself costs per rule and subject, without Rubric: knowledge bases of n rules of one shape, each rule
 * with a fact type of its own, and one session reused for every subject as Rubric reuses its sessions (insert the
 * subject's facts, fire, reset). It shows the floor under the engine's time per subject: a rule that starts with
 * {@code not} or {@code collect} is linked, evaluated and reset for every subject, whether it fires or not.
 *
 * <p>Shapes, each rule's fact inserted once per subject:
 * <ul>
 *   <li>{@code not}: {@code not X()}, its fact present, so the rule is evaluated and blocked;
 *   <li>{@code collect}: {@code List( !isEmpty ) from collect( X( v < 0 ) )}, its fact failing the test, so the
 *       rule is evaluated on an empty list;
 *   <li>{@code pattern}: {@code X( v < 0 )}, its fact failing the test, so the rule is never linked: the cost of
 *       inserting the fact and resetting the session.
 * </ul>
 */
public final class DroolsFloor {
    private static final int[] RULES = {10, 20, 40, 80};

    private DroolsFloor() {
    }

    /**
     * Prints, per shape and number of rules, the time per subject and per rule (the best of 15 rounds of 5,000
     * subjects).
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println("== Drools alone: one session reused per subject (insert, fire, reset), best of 15 rounds of 5,000 subjects");
        for (String shape : List.of("not", "collect", "pattern")) {
            for (int n : RULES) {
                long nanos = perSubject(shape, n);
                System.out.printf(Locale.ROOT, "  %-8s %3d rules: %6.2f µs per subject, %4.0f ns per rule%n", shape, n,
                        nanos / 1000.0, nanos / (double) n);
            }
        }
    }

    private static long perSubject(String shape, int n) {
        StringBuilder drl = new StringBuilder("package floor;\nimport java.util.List;\n");
        for (int i = 0; i < n; i++) {
            drl.append("declare X").append(i).append("\n    v : int\nend\n");
        }
        for (int i = 0; i < n; i++) {
            String when = switch (shape) {
                case "not" -> "not X" + i + "()";
                case "collect" -> "List( !isEmpty ) from collect( X" + i + "( v < 0 ) )";
                default -> "X" + i + "( v < 0 )";
            };
            drl.append("rule \"r").append(i).append("\" when ").append(when).append(" then end\n");
        }
        KieBase base = new KieHelper().addContent(drl.toString(), ResourceType.DRL).build();
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FactType type = base.getFactType("floor", "X" + i);
            try {
                Object fact = type.newInstance();
                type.set(fact, "v", 1);
                facts.add(fact);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a fact of " + type.getName(), e);
            }
        }
        KieSession session = base.newKieSession();
        long best = Long.MAX_VALUE;
        int subjects = 5_000;
        for (int round = 0; round < 15; round++) {
            long start = System.nanoTime();
            for (int s = 0; s < subjects; s++) {
                for (Object fact : facts) {
                    session.insert(fact);
                }
                session.fireAllRules();
                ((StatefulKnowledgeSessionImpl) session).reset();
            }
            best = Math.min(best, (System.nanoTime() - start) / subjects);
        }
        session.dispose();
        return best;
    }
}
