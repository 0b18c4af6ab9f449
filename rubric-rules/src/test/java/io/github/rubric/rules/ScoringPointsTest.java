package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Scorecard;
import org.junit.jupiter.api.Test;

class ScoringPointsTest {
    @Test
    void deductionsPerOccurrenceKeepTheShortestFormOfTheirPoints() {
        // GIVEN a rubric taking 0.25 for each of two missing meetings
        Rubric rubric = Rubric.fromString("points.drl", """
                /*---
                id: points
                title: 分值
                version: "1"
                totalPoints: 1
                sections:
                  - id: s
                    title: 全部
                    maxPoints: 1
                    items:
                      - { id: "1", title: 会议, maxPoints: 1 }
                ---*/
                package test;
                import java.util.List;
                import io.github.rubric.model.fact.*;
                global io.github.rubric.rules.Scoring score;

                rule "1 党员大会不少于2次，每少1次扣0.25分"
                    @item("1")
                when
                    $held : List( size < 2 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(2, $held, "0.25", "扣{points}分");
                end
                """);

        // WHEN
        Scorecard card = rubric.score(rubric.readFacts("f.yaml", "subject: { id: b, name: 支部, type: PARTY_BRANCH }\nperiod: 2024\n"));

        // THEN 2 × 0.25 is 0.5, not 0.50
        assertThat(card.deductions()).singleElement().satisfies(d -> {
            assertThat(d.points().toPlainString()).isEqualTo("0.5");
            assertThat(d.reason()).isEqualTo("扣0.5分");
        });
        assertThat(Scorecards.toJson(card)).contains("\"points\" : 0.5,").doesNotContain("0.50");
    }
}
