package io.github.rubric.rules;

import static io.github.rubric.rules.TestRubrics.FACTS;
import static io.github.rubric.rules.TestRubrics.tinyWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Scorecard;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.junit.jupiter.api.Test;

/** What a compiled rubric keeps of the classes Drools generated for its rules. */
class CompiledRulesTest {
    /** A consequence with a class of its own (an anonymous Comparator), loaded only when the rule first fires. */
    private static final String SORTS_WITH_ITS_OWN_CLASS = """
            rule "1.9 the latest general meeting is named"
                @item("1")
            when
                $held : List( size >= 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                List sorted = new java.util.ArrayList($held);
                java.util.Collections.sort(sorted, new java.util.Comparator() {
                    public int compare(Object a, Object b) {
                        return ((Meeting) b).date().compareTo(((Meeting) a).date());
                    }
                });
                score.finding("最近一次党员大会：" + ((Meeting) sorted.get(0)).date(), sorted.get(0));
            end
            """;

    @Test
    void keepsNoClassBytesOnceItsRulesAreLoaded() {
        // GIVEN / WHEN
        Rubric rubric = Rubric.fromString("tiny.drl", TestRubrics.TINY);

        // THEN the bytes of the generated classes are gone from every package
        rubric.kieBase().getKiePackages().forEach(p -> {
            Object java = ((InternalKnowledgePackage) p).getDialectRuntimeRegistry().getDialectData("java");
            if (java instanceof JavaDialectRuntimeData data) {
                assertThat(data.getStore()).as(p.getName()).isEmpty();
            }
        });
    }

    @Test
    void runsAConsequenceWhoseOwnClassIsFirstNeededWhenItFires() {
        // GIVEN a trusted rubric whose consequence declares an anonymous class, compiled and its bytes dropped
        Rubric rubric = Rubric.loader().trusted().fromString("sorts.drl", tinyWith(SORTS_WITH_ITS_OWN_CLASS));

        // WHEN the rule fires for the first time
        Scorecard card = rubric.score(rubric.readFacts("branch.yaml", FACTS));

        // THEN its class loads and the finding names the latest meeting
        assertThat(card.item("1").orElseThrow().findings())
                .extracting(f -> f.reason())
                .containsExactly("最近一次党员大会：2024-12-01");
        assertThat(card.item("1").orElseThrow().deductions()).extracting(Deduction::rule).isEmpty();
    }
}
