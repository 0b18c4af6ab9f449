package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Points that rules compute leave the library in their shortest form, like every other value. */
class ScoringPointsTest {
    private static final Rubric RUBRIC = Rubric.fromString("points-test.drl", """
            /*---
            id: points-test
            title: 扣分测试
            version: "1"
            totalPoints: 10
            sections:
              - id: s
                title: 栏目
                maxPoints: 10
                items:
                  - { id: "1", title: 考勤, maxPoints: 10 }
            ---*/
            package points.test;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare Lateness
                count : int
            end

            rule "1.1 迟到一次扣0.5分"
                @item("1")
            when
                $l : Lateness()
            then
                score.deductEach($l.getCount(), "0.5", "迟到{count}次，扣{points}分");
            end

            rule "1.2 累进"
                @item("1")
            when
                $all : List( size == 2 ) from collect( Lateness() )
            then
                score.progressive($all, "0.5", "0.5", "累进扣{points}分");
            end
            """);

    @Test
    void normalisesPointsMultipliedFromADecimalStep() {
        // GIVEN two late arrivals at 0.5 each, twice over, and a progressive 0.5 + 1.0
        String facts = """
                subject: { id: u1, name: 某单位, type: PARTY_BRANCH }
                period: 2024
                records:
                  Lateness:
                    - { count: 2 }
                    - { count: 4 }
                """;

        // WHEN
        Scorecard card = RUBRIC.score(RUBRIC.readFacts("f.yaml", facts));

        // THEN 1.0, 2.0 and 1.5 are 1, 2 and 1.5, as their reasons print them
        assertThat(card.item("1").orElseThrow().deductions()).extracting(Deduction::points)
                .containsExactlyInAnyOrder(new BigDecimal("1"), new BigDecimal("2"), new BigDecimal("1.5"));
        assertThat(card.item("1").orElseThrow().deductions()).extracting(Deduction::reason)
                .containsExactlyInAnyOrder("迟到2次，扣1分", "迟到4次，扣2分", "累进扣1.5分");
    }
}
