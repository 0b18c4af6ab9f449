package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.Evidence;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Scoring#convert}: results on another scale become an item's points (考试成绩折合成本项成绩). */
class ScoringConvertTest {
    private static final String HEADER = """
            /*---
            id: convert-test
            title: 折合测试
            version: "1"
            totalPoints: 20
            sections:
              - id: s
                title: 栏目
                maxPoints: 20
                items:
                  - { id: exam, title: 业务考试, maxPoints: 8 }
                  - { id: rating, title: 民主评议, maxPoints: 5 }
                  - { id: graded, title: 评定, maxPoints: 7, grades: [ { name: 较好, points: 7 }, { name: 一般, points: 3 } ] }
            ---*/
            package convert.test;

            import java.math.BigDecimal;
            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare ExamResult
                quarter : int @min(1) @max(4)
                score : BigDecimal @max(100)
            end

            declare Rating
                score : int @max(100)
            end

            declare Penalty
                points : int
            end
            """;

    private static final String RULES = HEADER + """
            rule "exam 考试成绩折合成本项成绩"
                @item("exam")
            when
                $exams : List( !isEmpty ) from collect( ExamResult() )
                $total : BigDecimal() from accumulate( ExamResult( $s : score ), sum( $s ) )
            then
                score.convert($total, 100 * $exams.size(), "考试成绩合计{value}分（满分{outOf}分），折合{converted}分，少{points}分", $exams);
            end

            rule "exam 另扣"
                @item("exam")
            when
                $p : Penalty()
            then
                score.deduct(String.valueOf($p.getPoints()), "另扣{points}分");
            end

            rule "rating 评议得分折合"
                @item("rating")
            when
                $r : Rating()
            then
                score.convert($r.getScore(), 100, "评议{value}分，折合{converted}分");
            end

            rule "graded 评定"
                @item("graded")
            when
                Penalty( points > 100 )
            then
                score.deduct("1", "x");
            end
            """;

    private static final Rubric RUBRIC = Rubric.fromString("convert-test.drl", RULES);

    private static Scorecard score(Rubric rubric, String records) {
        return rubric.score(rubric.readFacts("facts.yaml", """
                subject: { id: u1, name: 某单位, type: PARTY_BRANCH }
                period: 2024
                judgements:
                  - { item: graded, grade: 较好 }
                records:
                """ + records.indent(2)));
    }

    @Test
    void convertsAnExamScoreIntoTheItemsPointsAndExplainsTheShortfall() {
        // GIVEN one exam of 86 out of 100 for an 8-point item
        String records = """
                ExamResult:
                  - { quarter: 1, score: 86 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN 86 × 8 ÷ 100 = 6.88, recorded as the 1.12 it falls short, citing the exam
        ItemScore exam = card.item("exam").orElseThrow();
        assertThat(exam.score()).isEqualByComparingTo("6.88");
        assertThat(exam.deductions()).singleElement().satisfies(d -> {
            assertThat(d.rule()).isEqualTo("exam 考试成绩折合成本项成绩");
            assertThat(d.points()).isEqualByComparingTo("1.12");
            assertThat(d.zeroes()).isFalse();
            assertThat(d.reason()).isEqualTo("考试成绩合计86分（满分100分），折合6.88分，少1.12分");
            assertThat(d.evidence()).extracting(Evidence::id).containsExactly("records.ExamResult[0]");
        });
    }

    @Test
    void averagesSeveralResultsByConvertingTheirTotalOnce() {
        // GIVEN four quarterly exams: 90 + 85.5 + 77 + 91 = 343.5 of 400
        String records = """
                ExamResult:
                  - { quarter: 1, score: 90 }
                  - { quarter: 2, score: 85.5 }
                  - { quarter: 3, score: 77 }
                  - { quarter: 4, score: 91 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN 343.5 × 8 ÷ 400 = 6.87 exactly
        assertThat(card.item("exam").orElseThrow().score()).isEqualByComparingTo("6.87");
        assertThat(card.item("exam").orElseThrow().deductions()).singleElement()
                .extracting(Deduction::reason).isEqualTo("考试成绩合计343.5分（满分400分），折合6.87分，少1.13分");
    }

    @ParameterizedTest(name = "{0} of 100 into 5 points gives {1}")
    @CsvSource({
        "86, 4.3",      // exact
        "87, 4.35",     // exact at two places
        "0, 0",
        "100, 5",
    })
    void convertsExactlyWhenTheQuotientTerminates(int rating, String expected) {
        // GIVEN
        String records = "Rating:\n  - { score: " + rating + " }\n";

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN
        assertThat(card.item("rating").orElseThrow().score()).isEqualByComparingTo(expected);
    }

    @Test
    void roundsAQuotientThatDoesNotTerminateHalfUpToTwoPlaces() {
        // GIVEN three exams totalling 250 of 300: 250 × 8 ÷ 300 = 6.666…
        String records = """
                ExamResult:
                  - { quarter: 1, score: 80 }
                  - { quarter: 2, score: 85 }
                  - { quarter: 3, score: 85 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN rounded once, to 6.67; the shortfall is exact against it
        ItemScore exam = card.item("exam").orElseThrow();
        assertThat(exam.score()).isEqualTo(new BigDecimal("6.67"));
        assertThat(exam.deductions().get(0).points()).isEqualTo(new BigDecimal("1.33"));
    }

    @Test
    void roundsAnExactHalfUp() {
        // GIVEN 86.5625 × 8 ÷ 100 = 6.925
        String records = """
                ExamResult:
                  - { quarter: 1, score: 86.5625 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN
        assertThat(card.item("exam").orElseThrow().score()).isEqualTo(new BigDecimal("6.93"));
    }

    @Test
    void recordsNothingWhenTheResultIsAtTheTopOfItsScale() {
        // GIVEN
        String records = """
                ExamResult:
                  - { quarter: 1, score: 100 }
                  - { quarter: 2, score: 100.0 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN
        ItemScore exam = card.item("exam").orElseThrow();
        assertThat(exam.score()).isEqualByComparingTo("8");
        assertThat(exam.deductions()).isEmpty();
    }

    @Test
    void keepsOtherDeductionsAndTheItemsFloor() {
        // GIVEN an exam converted to 2 points and a further 5-point deduction
        String records = """
                ExamResult:
                  - { quarter: 1, score: 25 }
                Penalty:
                  - { points: 5 }
                """;

        // WHEN
        Scorecard card = score(RUBRIC, records);

        // THEN 8 − 6 − 5 floors at 0 (entries are in rule-name order)
        ItemScore exam = card.item("exam").orElseThrow();
        assertThat(exam.deductions()).extracting(Deduction::points)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("5"), new BigDecimal("6"));
        assertThat(exam.score()).isEqualByComparingTo("0");
        assertThat(exam.note()).isEqualTo("扣分合计11分，超过本项8分，扣完为止，得0分");
    }

    @Test
    void failsWhenTheResultIsAboveItsScale() {
        // GIVEN a rule converting 120 on a scale of 100 (the field declares no bound)
        Rubric rubric = Rubric.fromString("convert-test.drl", HEADER.replace("score : int @max(100)", "score : int") + """
                rule "rating 评议得分折合"
                    @item("rating")
                when
                    $r : Rating()
                then
                    score.convert($r.getScore(), 100, "评议{value}分");
                end
                rule "exam 无" @item("exam") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                rule "graded 无" @item("graded") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> score(rubric, "Rating:\n  - { score: 120 }\n"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("rule \"rating 评议得分折合\"")
                .hasMessageContaining("converts the result 120, which is not from 0 to 100")
                .hasMessageContaining("records.Rating[0]");
    }

    @Test
    void failsOnAFloatingPointResult() {
        // GIVEN a rule passing a double
        Rubric rubric = Rubric.fromString("convert-test.drl", HEADER + """
                rule "rating 评议得分折合"
                    @item("rating")
                when
                    $r : Rating()
                then
                    score.convert($r.getScore() / 2.0, 100, "评议{value}分");
                end
                rule "exam 无" @item("exam") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                rule "graded 无" @item("graded") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> score(rubric, "Rating:\n  - { score: 90 }\n"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("of type Double; points are exact");
    }

    @Test
    void failsWhenAnItemIsConvertedTwice() {
        // GIVEN a rule that converts each rating on its own
        Rubric rubric = Rubric.fromString("convert-test.drl", HEADER + """
                rule "rating 每份评议折合"
                    @item("rating")
                when
                    $r : Rating()
                then
                    score.convert($r.getScore(), 100, "评议{value}分");
                end
                rule "exam 无" @item("exam") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                rule "graded 无" @item("graded") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> score(rubric, "Rating:\n  - { score: 90 }\n  - { score: 80 }\n"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("converts a result into item 'rating' a second time");
    }

    @Test
    void failsWhenAGradedItemIsConverted() {
        // GIVEN
        Rubric rubric = Rubric.fromString("convert-test.drl", HEADER + """
                rule "graded 折合"
                    @item("graded")
                when
                    $r : Rating()
                then
                    score.convert($r.getScore(), 100, "评议{value}分");
                end
                rule "exam 无" @item("exam") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                rule "rating 无" @item("rating") when Penalty( points > 100 ) then score.deduct("1", "x"); end
                """);

        // WHEN / THEN
        assertThatThrownBy(() -> score(rubric, "Rating:\n  - { score: 90 }\n"))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("item 'graded', which is graded; only items scored by their rules convert");
    }
}
