package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.fact.Round;
import io.github.rubric.model.structure.RoundPolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundPolicyHeaderTest {
    private static String rubric(String rounds) {
        return """
                /*---
                id: rounds-header
                title: 轮次测试
                version: "1"
                totalPoints: 10
                %s
                sections:
                  - id: s
                    title: 全部
                    maxPoints: 10
                    items:
                      - { id: "1", title: 会议, maxPoints: 10 }
                ---*/
                package test;
                import java.util.List;
                import io.github.rubric.model.fact.*;
                global io.github.rubric.rules.Scoring score;

                rule "1 党员大会每少1次扣1分"
                    @item("1")
                when
                    $held : List( size < 4 ) from collect( Meeting( type == MeetingType.GENERAL_MEETING ) )
                then
                    score.shortfall(4, $held, "1", "党员大会{actual}次，扣{points}分");
                end
                """.formatted(rounds);
    }

    @Test
    void readsTheRoundsDeclaration() {
        // GIVEN
        String text = rubric("""
                rounds:
                  combine: weighted
                  weights: { ANNUAL: 0.7, INSPECTION: 0.3 }
                  accumulate: [INSPECTION]
                  bonusRound: ANNUAL""");

        // WHEN
        RoundPolicy rounds = Rubric.fromString("header.drl", text).definition().rounds();

        // THEN
        assertThat(rounds.combine()).isEqualTo("weighted");
        assertThat(rounds.weights()).containsExactly(Map.entry(Round.INSPECTION, new BigDecimal("0.3")),
                Map.entry(Round.ANNUAL, new BigDecimal("0.7")));
        assertThat(rounds.accumulate()).containsExactly(Round.INSPECTION);
        assertThat(rounds.bonusRound()).isEqualTo(Round.ANNUAL);
        assertThat(rounds.accumulates(Round.INSPECTION)).isTrue();
        assertThat(rounds.accumulates(Round.ANNUAL)).isFalse();
    }

    @Test
    void aRubricWithoutRoundsHasNone() {
        // WHEN
        RoundPolicy rounds = Rubric.fromString("header.drl", rubric("")).definition().rounds();

        // THEN
        assertThat(rounds).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            weights not adding up to 1      | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0.3, REVIEW: 0.6 }'                      | 8 | rounds.weights: must add up to 1, but add up to 0.9
            a round the library does not know | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0.3, AUDIT: 0.7 }'                     | 8 | rounds.weights: unknown value 'AUDIT'; expected one of: SELF, REVIEW, INSPECTION, ANNUAL
            a zero weight                   | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0, REVIEW: 1 }'                          | 8 | rounds.weights.SELF: must be above 0 and at most 1, was 0
            an unknown combination          | 'rounds:\\n  combine: average\\n  weights: { SELF: 0.3, REVIEW: 0.7 }'                       | 7 | rounds.combine: unknown combination 'average'; expected weighted
            no combination                  | 'rounds:\\n  weights: { SELF: 0.3, REVIEW: 0.7 }'                                             | 6 | rounds.combine: is required
            accumulating an unweighted round | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0.3, REVIEW: 0.7 }\\n  accumulate: [INSPECTION]' | 9 | rounds.accumulate: lists INSPECTION, which has no weight
            a bonus round without weight    | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0.3, REVIEW: 0.7 }\\n  bonusRound: ANNUAL'    | 9 | rounds.bonusRound: ANNUAL has no weight
            an accumulated bonus round      | 'rounds:\\n  combine: weighted\\n  weights: { INSPECTION: 0.3, ANNUAL: 0.7 }\\n  accumulate: [INSPECTION]\\n  bonusRound: INSPECTION' | 10 | rounds.bonusRound: INSPECTION is accumulated
            an unknown field                | 'rounds:\\n  combine: weighted\\n  weights: { SELF: 0.3, REVIEW: 0.7 }\\n  share: 1'            | 9 | unknown field 'share'
            """)
    void reportsABadRoundsDeclarationAtItsLine(String problem, String rounds, int line, String message) {
        // GIVEN
        String text = rubric(rounds.replace("\\n", "\n"));

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("header.drl", text))
                .isInstanceOf(RubricException.class)
                .satisfies(e -> {
                    List<RubricException.Problem> problems = ((RubricException) e).problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).line()).as(problem).isEqualTo(line);
                    assertThat(problems.get(0).message()).as(problem).contains(message);
                });
    }
}
