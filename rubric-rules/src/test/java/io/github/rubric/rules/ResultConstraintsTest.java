package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Scorecard;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.drools.core.reteoo.AccumulateNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.mvel.MVELConstraint;
import org.junit.jupiter.api.Test;

/** Constraints on what collect and accumulate return: compiled by Drools like the others, same answers. */
class ResultConstraintsTest {
    /** A constraint Drools cannot type-check ({@code isEmpty} is a method, not a property), so "dynamic". */
    private static final String ANY_VERIFIED = """
            rule "2.2 有查实投诉的，另扣0.5分"
                @item("2")
            when
                $verified : List( !isEmpty ) from collect( Complaint( verified ) )
            then
                score.deduct("0.5", "有查实投诉" + $verified.size() + "件，另扣{points}分");
            end
            """;

    /** The same constraint on a list made by the rule's own code: its class could be any. */
    private static final String ANY_VERIFIED_BY_OWN_CODE = """
            rule "2.2 有查实投诉的，另扣0.5分"
                @item("2")
            when
                $verified : List( !isEmpty ) from accumulate( $c : Complaint( verified ),
                        init( List found = new java.util.ArrayList(); ), action( found.add($c); ), result( found ) )
            then
                score.deduct("0.5", "有查实投诉" + $verified.size() + "件，另扣{points}分");
            end
            """;

    @Test
    void compilesTheConstraintOnACollectResultOnceWarm() throws Exception {
        // GIVEN a rubric with `List( !isEmpty ) from collect( Complaint( verified ) )`
        Rubric rubric = Rubric.fromString("tiny.drl", TinyRubric.text("1", "1") + ANY_VERIFIED);
        MVELConstraint notEmpty = constraint(rubric, "!isEmpty");
        assertThat(notEmpty.isDynamic()).isFalse();

        // WHEN it scores more subjects than Drools' threshold for compiling a constraint
        FactSet facts = rubric.readFacts("b1.yaml", TinyRubric.facts(4, true));
        for (int i = 0; i < 30; i++) {
            rubric.score(facts);
        }

        // THEN Drools compiles it (on a thread of its own, soon after)
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!compiled(notEmpty) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(compiled(notEmpty)).as("compiled to bytecode").isTrue();
    }

    @Test
    void givesTheSameAnswersCompiledAsInterpreted() {
        // GIVEN subjects with no, one and two verified complaints, and one not verified
        Rubric rubric = Rubric.fromString("tiny.drl", TinyRubric.text("1", "1") + ANY_VERIFIED);
        List<FactSet> subjects = List.of(
                rubric.readFacts("none.yaml", TinyRubric.facts(4)),
                rubric.readFacts("one.yaml", TinyRubric.facts(4, true)),
                rubric.readFacts("two.yaml", TinyRubric.facts(4, true, true)),
                rubric.readFacts("unverified.yaml", TinyRubric.facts(4, false)));
        List<List<String>> expected = List.of(
                List.of(),
                List.of("群众投诉经查实：投诉1，扣1分", "有查实投诉1件，另扣0.5分"),
                List.of("群众投诉经查实：投诉1，扣1分", "群众投诉经查实：投诉2，扣1分", "有查实投诉2件，另扣0.5分"),
                List.of());

        // WHEN each is scored many times, before and after the constraint is compiled
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < subjects.size(); i++) {
                Scorecard card = rubric.score(subjects.get(i));

                // THEN every time the same deductions
                assertThat(card.item("2").orElseThrow().deductions()).extracting(Deduction::reason)
                        .as("subject %d, round %d", i, round)
                        .containsExactlyInAnyOrderElementsOf(expected.get(i));
            }
        }
    }

    @Test
    void leavesTheResultOfAnAccumulateWithCodeOfItsOwnAsDroolsMadeIt() {
        // GIVEN / WHEN
        Rubric rubric = Rubric.loader().trusted().fromString("own.drl",
                TinyRubric.text("1", "1") + ANY_VERIFIED_BY_OWN_CODE);

        // THEN the constraint on the hand-made list stays as Drools made it
        assertThat(constraint(rubric, "!isEmpty").isDynamic()).isTrue();
    }

    private static MVELConstraint constraint(Rubric rubric, String expression) {
        return resultConstraints(rubric).stream().filter(c -> c.getExpression().equals(expression)).findFirst()
                .orElseThrow();
    }

    /** The MVEL constraints on the results of every accumulate node of the rubric. */
    private static List<MVELConstraint> resultConstraints(Rubric rubric) {
        List<MVELConstraint> found = new ArrayList<>();
        for (AccumulateNode accumulate : ResultConstraints.accumulateNodes((InternalKnowledgeBase) rubric.kieBase())) {
            for (Object c : accumulate.getResultConstraints()) {
                if (c instanceof MVELConstraint mvel && !found.contains(mvel)) {
                    found.add(mvel);
                }
            }
        }
        return found;
    }

    private static boolean compiled(MVELConstraint constraint) throws ReflectiveOperationException {
        Field evaluator = MVELConstraint.class.getDeclaredField("conditionEvaluator");
        evaluator.setAccessible(true);
        Object current = evaluator.get(constraint);
        return current != null && !current.getClass().getName().startsWith("org.drools.mvel.MVELConditionEvaluator");
    }
}
