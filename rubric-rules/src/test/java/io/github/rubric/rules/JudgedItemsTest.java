package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Items an assessor scores: by grade (较好 5 分, 一般 2 分) or by points (酌情评分). Such items need no rule,
 * start from the assessor's judgement, and rules may still deduct from them.
 */
class JudgedItemsTest {
    private static final Rubric RUBRIC = Rubric.fromString("judged.drl", """
            /*---
            id: judged-test
            title: 评定测试细则
            version: "1"
            totalPoints: 15
            sections:
              - id: all
                title: 全部
                maxPoints: 15
                items:
                  - id: "1"
                    title: 联系服务群众
                    maxPoints: 5
                    grades: [ { name: 较好, points: 5 }, { name: 一般, points: 2 } ]
                  - id: "2"
                    title: 作风建设
                    maxPoints: 5
                    discretionary: true
                  - id: "3"
                    title: 结对共建
                    maxPoints: 5
                    grades: [ { name: 较好, points: 5 }, { name: 一般, points: 2 } ]
            ---*/
            package test.judged;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "3 未参加结对共建活动的，有1次扣1分"
                @item("3")
            when
                $missed : List( !isEmpty ) from collect( Activity( kind == ActivityKind.MASS_SERVICE, absent ) )
            then
                score.deductEach($missed.size(), "1", "未参加结对共建活动{count}次，扣{points}分");
            end
            """);

    private static Scorecard score(String judgements, String activities) {
        return RUBRIC.score(RUBRIC.readFacts("branch.yaml", """
                subject: { kind: organization, id: b1, name: 测试党支部, type: PARTY_BRANCH }
                period: 2024
                judgements:
                """ + judgements + activities));
    }

    @ParameterizedTest(name = "graded {0} -> {1}")
    @CsvSource({"较好, 5", "一般, 2"})
    void scoresAGradedItemAtItsGradesPoints(String grade, String points) {
        // GIVEN an assessor's grade for item 1
        String judgements = """
                  - { item: "1", grade: %s, note: 走访记录齐全 }
                  - { item: "2", points: 5 }
                  - { item: "3", grade: 较好 }
                """.formatted(grade);

        // WHEN scored
        ItemScore item = score(judgements, "").item("1").orElseThrow();

        // THEN the item scores the grade's points and says which grade
        assertThat(item.basis()).isEqualByComparingTo(points);
        assertThat(item.score()).isEqualByComparingTo(points);
        assertThat(item.basisNote()).isEqualTo("评定等次" + grade + "，得" + points + "分：走访记录齐全");
        assertThat(item.deductions()).isEmpty();
    }

    @Test
    void scoresADiscretionaryItemAtTheAssessorsExactPoints() {
        // GIVEN an assessor's 3.5 points for the discretionary item 2
        String judgements = """
                  - { item: "1", grade: 较好 }
                  - { item: "2", points: 3.5, note: 有1起群众反映未核实 }
                  - { item: "3", grade: 较好 }
                """;

        // WHEN scored
        Scorecard card = score(judgements, "");

        // THEN the item scores 3.5, says it was the assessor's call, and the total adds up
        ItemScore item = card.item("2").orElseThrow();
        assertThat(item.score()).isEqualByComparingTo("3.5");
        assertThat(item.basisNote()).isEqualTo("酌情评分3.5分：有1起群众反映未核实");
        assertThat(card.total()).isEqualByComparingTo("13.5");
    }

    @Test
    void deductsFromAGradedItemsPointsAndFloorsAtZero() {
        // GIVEN item 3 graded 一般 (2 points) and three missed activities (3 points)
        String judgements = """
                  - { item: "1", grade: 较好 }
                  - { item: "2", points: 5 }
                  - { item: "3", grade: 一般 }
                """;
        String activities = """
                activities:
                  - { kind: MASS_SERVICE, date: 2024-03-05, absent: true }
                  - { kind: MASS_SERVICE, date: 2024-06-05, absent: true }
                  - { kind: MASS_SERVICE, date: 2024-09-05, absent: true }
                """;

        // WHEN scored
        ItemScore item = score(judgements, activities).item("3").orElseThrow();

        // THEN the item starts at 2, loses 3, and stops at 0 saying so
        assertThat(item.basis()).isEqualByComparingTo("2");
        assertThat(item.score()).isEqualByComparingTo("0");
        assertThat(item.deductions()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("未参加结对共建活动3次，扣3分"));
        assertThat(item.note()).isEqualTo("扣分合计3分，超过本项2分，扣完为止，得0分");
    }

    @Test
    void deductsFromAGoodGradeLikeFromFullMarks() {
        // GIVEN item 3 graded 较好 (5 points) and one missed activity
        String judgements = """
                  - { item: "1", grade: 较好 }
                  - { item: "2", points: 5 }
                  - { item: "3", grade: 较好 }
                """;
        String activities = """
                activities:
                  - { kind: MASS_SERVICE, date: 2024-03-05, absent: true }
                """;

        // WHEN scored
        ItemScore item = score(judgements, activities).item("3").orElseThrow();

        // THEN it scores 4
        assertThat(item.score()).isEqualByComparingTo("4");
        assertThat(item.note()).isEmpty();
    }
}
