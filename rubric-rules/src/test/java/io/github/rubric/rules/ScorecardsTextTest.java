package io.github.rubric.rules;

import io.github.rubric.model.result.Scorecard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Scorecards#toText} for points rubrics and for findings-only rubrics. */
class ScorecardsTextTest {
    private static final String RULES = """
            package t;
            import java.util.List;
            import io.github.rubric.model.fact.*;
            global io.github.rubric.rules.Scoring score;

            rule "1 每季度召开党员大会"
                @item("1")
            when
                $period : AssessmentPeriod()
                $q : Integer() from $period.quarters()
                not Meeting( type == MeetingType.GENERAL_MEETING, AssessmentPeriod.quarterOf(date) == $q )
            then
                score.finding("第" + $q + "季度没有召开党员大会");
            end

            rule "2 有党费台帐"
                @item("2")
            when
                not Document( kind == DocumentKind.DUES_LEDGER )
            then
                score.%s;
            end
            """;
    private static final String FACTS = """
            subject: { id: b, name: 一支部, type: PARTY_BRANCH }
            period: 2024
            meetings:
              - { type: GENERAL_MEETING, date: 2024-02-01 }
              - { type: GENERAL_MEETING, date: 2024-05-01 }
              - { type: GENERAL_MEETING, date: 2024-08-01 }
            """;

    private static Rubric rubric(int points1, int points2, String ledgerCall) {
        String header = """
                /*---
                id: t
                title: 检查表
                version: "1"
                totalPoints: %d
                sections:
                  - id: s
                    title: 全部
                    maxPoints: %d
                    items:
                      - { id: "1", title: 党员大会, maxPoints: %d }
                      - { id: "2", title: 党费台帐, maxPoints: %d }
                ---*/
                """.formatted(points1 + points2, points1 + points2, points1, points2);
        return Rubric.fromString("t.drl", header + RULES.formatted(ledgerCall));
    }

    @Test
    void listsFindingsWithoutPointColumnsWhenTheRubricHasNoPoints() {
        // GIVEN a findings-only rubric (0 points) and a branch that misses a quarter and has no ledger
        Rubric rubric = rubric(0, 0, "finding(\"没有党费台帐\")");
        Scorecard card = rubric.score(rubric.readFacts("b.yaml", FACTS));

        // WHEN the scorecard is printed
        String text = Scorecards.toText(card);

        // THEN it lists each item's findings and counts them, and shows no points
        assertThat(text).contains("项目                    发现的问题\n")
                .contains("1 党员大会              发现：第4季度没有召开党员大会\n")
                .contains("2 党费台帐              发现：没有党费台帐\n")
                .endsWith("合计                    发现问题2条，涉及2项（共2项）\n")
                .doesNotContain("分值").doesNotContain("总分");
    }

    @Test
    void saysNothingWasFoundWhenAFindingsOnlyRubricFindsNothing() {
        // GIVEN a findings-only rubric and a branch that meets it
        Rubric rubric = rubric(0, 0, "finding(\"没有党费台帐\")");
        String facts = FACTS + "  - { type: GENERAL_MEETING, date: 2024-11-01 }\ndocuments:\n  - { kind: DUES_LEDGER, complete: true }\n";
        Scorecard card = rubric.score(rubric.readFacts("b.yaml", facts));

        // WHEN the scorecard is printed
        String text = Scorecards.toText(card);

        // THEN every item and the total say that nothing was found
        assertThat(text).contains("1 党员大会              未发现问题\n").contains("2 党费台帐              未发现问题\n")
                .endsWith("合计                    未发现问题\n");
    }

    @Test
    void keepsThePointColumnsWhenTheRubricHasPoints() {
        // GIVEN a rubric with points whose second item deducts
        Rubric rubric = rubric(4, 2, "deduct(\"1\", \"没有党费台帐，扣{points}分\")");
        Scorecard card = rubric.score(rubric.readFacts("b.yaml", FACTS));

        // WHEN the scorecard is printed
        String text = Scorecards.toText(card);

        // THEN it is the table of points, findings included
        assertThat(text).contains("项目                    分值  得分  扣分说明\n")
                .contains("发现：第4季度没有召开党员大会")
                .contains("-1 没有党费台帐，扣1分")
                .contains("总分                          5");
    }
}
