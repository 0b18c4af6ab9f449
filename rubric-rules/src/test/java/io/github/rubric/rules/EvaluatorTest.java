package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Scorecard;
import org.junit.jupiter.api.Test;

/** What the evaluator does for speed (reused sessions, filtered facts) must not show in the scorecards. */
class EvaluatorTest {
    private static final String RUBRIC = """
            /*---
            id: evaluator-test
            title: 评估测试
            issuer: 测试
            version: "1"
            totalPoints: 10
            sections:
              - id: s
                title: 全部
                maxPoints: 10
                items:
                  - { id: "1", title: 会议, maxPoints: 5, requirement: 开会, criteria: 少开扣分 }
                  - { id: "2", title: 党费, maxPoints: 5, requirement: 缴费, criteria: 少缴扣分 }
            ---*/
            package evaluator.test;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 党员大会少于2次" @item("1")
            when
                $held : List( size < 2 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING, score != null ) )
            then
                score.shortfall(2, $held, "1", "党员大会{actual}次");
            end

            rule "2 不足额" @item("2")
            when
                $p : DuesPayment( underpaid )
            then
                score.deduct("1", "少缴");
            end
            """;

    private static final String FACTS = """
            subject: { id: o1, name: 测试支部, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-03-01 }
              - { type: GROUP_MEETING, date: 2024-04-01 }
            duesPayments:
              - { member: 王明, month: 2024-01, due: 10, paid: 10, date: 2024-01-05 }
              - { member: 李华, month: 2024-01, due: 10, paid: 5, date: 2024-01-06 }
            """;

    @Test
    void aConstraintThatReadsTheScoreGlobalSeesItWhenTheFactsAreInserted() {
        // GIVEN
        Rubric rubric = Rubric.fromString("evaluator-test.drl", RUBRIC);
        FactSet facts = rubric.readFacts("facts.yaml", FACTS);
        // WHEN
        Scorecard card = rubric.score(facts);
        // THEN: the general meeting counts, so one is missing, not two
        assertThat(card.item("1").orElseThrow().deductions()).extracting(Deduction::reason).containsExactly("党员大会1次");
        assertThat(card.item("2").orElseThrow().deductions()).singleElement()
                .satisfies(d -> assertThat(d.evidence()).extracting(e -> e.id()).containsExactly("duesPayments[1]"));
    }

    @Test
    void aRuleThatFailsLeavesTheRubricScoringCorrectlyAfterwards() {
        // GIVEN: a rule that fails on subjects with a democratic life meeting
        Rubric rubric = Rubric.fromString("evaluator-test.drl", RUBRIC.replace("""
                rule "2 不足额" @item("2")""", """
                rule "2 失败" @item("2")
                when
                    Meeting( type == MeetingType.DEMOCRATIC_LIFE_MEETING )
                then
                    score.deduct("一", "无效分值");
                end

                rule "2 不足额" @item("2")"""));
        FactSet facts = rubric.readFacts("facts.yaml", FACTS);
        String before = Scorecards.toJson(rubric.score(facts));
        FactSet failing = rubric.readFacts("failing.yaml", FACTS.replace("meetings:\n",
                "meetings:\n  - { type: DEMOCRATIC_LIFE_MEETING, date: 2024-12-01 }\n"));
        // WHEN
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> rubric.score(failing)).isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("一");
        }
        // THEN
        assertThat(Scorecards.toJson(rubric.score(facts))).isEqualTo(before);
    }

    @Test
    void scoringTheSameFactsAgainOnAReusedSessionGivesTheSameScorecard() {
        // GIVEN
        Rubric rubric = Rubric.fromString("evaluator-test.drl", RUBRIC);
        FactSet facts = rubric.readFacts("facts.yaml", FACTS);
        String first = Scorecards.toJson(rubric.score(facts));
        // WHEN
        for (int i = 0; i < 5; i++) {
            rubric.score(rubric.readFacts("other.yaml", "subject: { id: o2, name: 其他, type: PARTY_BRANCH }\nperiod: 2024\n"));
        }
        String again = Scorecards.toJson(rubric.score(facts));
        // THEN
        assertThat(again).isEqualTo(first);
    }
}
