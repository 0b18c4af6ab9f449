package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Evidence;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private static final Rubric RUBRIC = TinyRubric.load();

    @Test
    void counts_the_firings_of_every_rule_including_those_that_did_not_fire() {
        // GIVEN three general meetings (one short) and no verified complaint
        var facts = RUBRIC.readFacts("b1.yaml", TinyRubric.facts(3, false));

        // WHEN
        Evaluation evaluation = RUBRIC.evaluate(facts);

        // THEN
        assertThat(evaluation.firings()).containsEntry("1 全年召开党员大会不少于4次，每少1次扣1分", 1)
                .containsEntry("2 群众投诉经查实的，有1件扣1分", 0);
        assertThat(evaluation.fired()).containsExactly("1 全年召开党员大会不少于4次，每少1次扣1分");
        assertThat(evaluation.unfired()).containsExactly("2 群众投诉经查实的，有1件扣1分");
        assertThat(evaluation.scorecard()).isEqualTo(RUBRIC.score(facts));
    }

    @Test
    void a_criterion_met_inside_collect_lists_the_facts_it_counted() {
        // GIVEN four general meetings and a committee meeting, which the criterion does not count
        var facts = RUBRIC.readFacts("b1.yaml", TinyRubric.facts(4));

        // WHEN
        Check check = RUBRIC.evaluate(facts).checks("1").get(0);

        // THEN
        assertThat(check.fired()).isFalse();
        assertThat(check.examined()).extracting(Evidence::id)
                .containsExactly("meetings[1]", "meetings[2]", "meetings[3]", "meetings[4]");
    }

    @Test
    void a_criterion_on_a_standalone_pattern_lists_every_fact_of_its_type() {
        // GIVEN two complaints, neither verified: the rule fires on verified ones, so both were checked
        var facts = RUBRIC.readFacts("b1.yaml", TinyRubric.facts(4, false, false));

        // WHEN
        Check check = RUBRIC.evaluate(facts).checks("2").get(0);

        // THEN
        assertThat(check.firings()).isZero();
        assertThat(check.examined()).extracting(Evidence::id).containsExactly("complaints[0]", "complaints[1]");
    }

    @Test
    void the_text_explains_a_full_score_by_the_criteria_checked_and_the_facts_examined() {
        // GIVEN
        var facts = RUBRIC.readFacts("b1.yaml", TinyRubric.facts(4, true));

        // WHEN
        String text = Scorecards.toText(RUBRIC.evaluate(facts));

        // THEN
        assertThat(text).contains("评分依据")
                .contains("1 党员大会（分值6分，得6分）")
                .contains("1 全年召开党员大会不少于4次，每少1次扣1分：未扣分（查验4条：2024-01-10 党员大会 [meetings[1]]")
                .contains("2 群众投诉（分值4分，得3分）")
                .contains("    -1 群众投诉经查实：投诉1，扣1分 [complaints[0]]");
    }

    @Test
    void checks_follow_the_order_of_the_rubric_file() {
        // WHEN
        Evaluation evaluation = RUBRIC.evaluate(RUBRIC.readFacts("b1.yaml", TinyRubric.facts(0)));

        // THEN
        assertThat(evaluation.checks()).extracting(Check::item).containsExactly("1", "2");
        assertThat(evaluation.checks()).allSatisfy(c -> assertThat(c.line()).isPositive());
    }

    @Test
    void the_text_shows_a_veto_under_the_criterion_that_cast_it() {
        // GIVEN a rubric whose item 2 also vetoes on a major incident
        Rubric vetoing = Rubric.fromString("veto.drl", TinyRubric.text("1", "1") + """

                rule "2.2 发生重大事故的一票否决"
                    @item("2")
                when
                    $i : Incident( severity == IncidentSeverity.MAJOR )
                then
                    score.failAssessment("发生重大事故：" + $i.summary());
                end
                """);
        var facts = vetoing.readFacts("b1.yaml", TinyRubric.facts(4) + """
                incidents: [ { date: 2024-07-01, kind: SAFETY, severity: MAJOR, summary: 火灾 } ]
                """);

        // WHEN
        String text = Scorecards.toText(vetoing.evaluate(facts));

        // THEN
        assertThat(text).contains("  2.2 发生重大事故的一票否决\n    一票否决：发生重大事故：火灾 [incidents[0]]\n");
    }
}
