package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The same facts give the same scorecard, byte for byte, however often they are scored and in whatever order
 * the facts reach the engine; a scorecard's JSON reads back to an equal scorecard.
 */
class DeterminismTest {
    private static final Rubric RUBRIC = Rubric.fromString("determinism.drl", """
            /*---
            id: determinism-test
            title: 确定性测试细则
            version: "1"
            totalPoints: 30
            passLine: 18
            gradeBands: [ { name: 好, min: 27 }, { name: 中, min: 18 }, { name: 差, min: 0 } ]
            bonus: { cap: 3 }
            sections:
              - id: all
                title: 全部
                maxPoints: 30
                items:
                  - { id: "1", title: 三会一课, maxPoints: 10 }
                  - { id: "2", title: 作风建设, maxPoints: 10 }
                  - { id: "3", title: 主题党日, maxPoints: 5 }
                  - { id: "4", title: 评议, maxPoints: 5, discretionary: true }
            ---*/
            package test.determinism;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 全年召开党员大会不少于6次，每少1次扣1分"
                @item("1")
            when
                $held : List( size < 6 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
            then
                score.shortfall(6, $held, "1", "全年召开党员大会{actual}次，扣{points}分");
            end

            rule "1 会议记录不规范的，每次扣0.5分"
                @item("1")
            when
                $m : Meeting( recordFlaw != null )
            then
                score.deduct("0.5", "会议记录不规范，扣{points}分");
            end

            rule "2 群众投诉经查实的，有1件扣1分"
                @item("2")
            when
                $c : Complaint( verified )
            then
                score.deduct("1", "群众投诉经查实，扣{points}分");
            end

            rule "3 每季度开展主题党日（记录，不扣分）"
                @item("3")
            when
                $period : AssessmentPeriod()
                $q : Integer() from $period.quarters()
                not Meeting( type == MeetingType.THEMED_PARTY_DAY, AssessmentPeriod.quarterOf(date) == $q )
            then
                score.finding("第" + $q + "季度未开展主题党日");
            end

            rule "加分：获市级表彰的加2分"
                @bonus
            when
                $a : Award( level == AwardLevel.MUNICIPAL )
            then
                score.bonus($a.achievement(), "2", "获市级表彰，加{points}分");
            end
            """);

    private static final String FACTS = """
            subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-03-12, recordFlaw: 未记录到会人数 }
              - { type: GENERAL_MEETING, date: 2024-06-12 }
              - { type: GENERAL_MEETING, date: 2024-09-12, recordFlaw: 无签名 }
              - { type: THEMED_PARTY_DAY, date: 2024-05-01 }
              - { type: GENERAL_MEETING, date: 2024-12-12 }
            complaints:
              - { id: c-b, date: 2024-04-03, summary: 态度生硬, verified: true }
              - { id: c-a, date: 2024-02-03, summary: 办事推诿, verified: true }
              - { date: 2024-07-03, summary: 未核实, verified: false }
            awards:
              - { level: MUNICIPAL, achievement: 先进基层党组织, title: 市先进基层党组织, date: 2024-06-28 }
              - { level: MUNICIPAL, achievement: 先进基层党组织, title: 市五好党支部, date: 2024-07-01 }
              - { level: MUNICIPAL, achievement: 党建信息宣传, title: 市党建宣传先进单位, date: 2024-12-01 }
            judgements:
              - { item: "4", points: 4.5, note: 评议较好 }
            """;

    private static FactSet facts() {
        return RUBRIC.readFacts("branch.yaml", FACTS);
    }

    @Test
    void givesByteIdenticalJsonWhenTheSameFactsAreScoredTwice() {
        // GIVEN facts that fire several rules with several facts each
        FactSet facts = facts();

        // WHEN they are scored twice
        String first = Scorecards.toJson(RUBRIC.score(facts));
        String second = Scorecards.toJson(RUBRIC.score(facts));

        // THEN the JSON is the same, byte for byte
        assertThat(second).isEqualTo(first);
        assertThat(first).contains("\"total\" : 27.5");
    }

    @RepeatedTest(10)
    void givesByteIdenticalJsonWhenTheFactsArriveInAnotherOrder() {
        // GIVEN the same facts, shuffled
        FactSet facts = facts();
        List<Object> shuffled = new ArrayList<>(facts.facts());
        Collections.shuffle(shuffled, new Random());
        FactSet reordered = new FactSet(facts.source(), facts.subject(), facts.period(), facts.round(), shuffled);

        // WHEN both are scored
        String expected = Scorecards.toJson(RUBRIC.score(facts));
        String actual = Scorecards.toJson(RUBRIC.score(reordered));

        // THEN the JSON is the same, byte for byte
        assertThat(actual).as("shuffled: %s", shuffled).isEqualTo(expected);
    }

    @Test
    void readsAScorecardBackFromItsJson() {
        // GIVEN a scorecard with deductions, findings, bonuses, a judgement and half points
        Scorecard card = RUBRIC.score(facts());

        // WHEN it is written as JSON and read back
        Scorecard back = Scorecards.fromJson(Scorecards.toJson(card));

        // THEN it equals the original, and writes the same JSON
        assertThat(back).isEqualTo(card);
        assertThat(Scorecards.toJson(back)).isEqualTo(Scorecards.toJson(card));
    }
}
