package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a facts file's {@code records} must satisfy: the rubric's declared types, their bounds, their dates. */
class DeclaredRecordChecksTest {
    private static final String RUBRIC = """
            /*---
            id: declared-test
            title: 声明类型测试
            version: "1"
            totalPoints: 10
            sections:
              - id: s
                title: 栏目
                maxPoints: 10
                items:
                  - { id: "1", title: 考试, maxPoints: 10 }
            ---*/
            package declared.test;

            import java.math.BigDecimal;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            declare enum Level
                CITY("市级"), PROVINCE("省级");
                label : String
            end

            declare ExamResult
                quarter : int @min(1) @max(4)
                score : BigDecimal @max(100)
                adjustment : BigDecimal @min(-5)
                date : java.time.LocalDate
                level : Level
            end

            rule "1 考试"
                @item("1")
            when
                $period : AssessmentPeriod()
                ExamResult( score < 60 )
            then
                score.deduct("1", "不及格，扣{points}分");
            end
            """;

    private static final Rubric LOADED = Rubric.fromString("declared-test.drl", RUBRIC);

    private static String facts(String exam) {
        return """
                subject: { id: u1, name: 某单位, type: PARTY_BRANCH }
                period: 2024
                records:
                  ExamResult:
                """ + "    - " + exam + "\n";
    }

    @Test
    void listsOnlyTheRecordTypesTheRubricDeclares() {
        // GIVEN a rubric that matches AssessmentPeriod and BigDecimal and declares an enum

        // WHEN
        var declared = LOADED.declaredTypes();

        // THEN
        assertThat(declared).containsExactly("ExamResult");
    }

    @Test
    void rejectsARecordOfATypeTheRubricOnlyMatches() {
        // GIVEN
        String text = """
                subject: { id: u1, name: 某单位, type: PARTY_BRANCH }
                period: 2024
                records:
                  AssessmentPeriod:
                    - { start: 2024-01-01, end: 2024-06-30 }
                """;

        // WHEN / THEN
        assertThatThrownBy(() -> LOADED.readFacts("f.yaml", text))
                .isInstanceOf(FactsException.class)
                .hasMessage("f.yaml:4: records.AssessmentPeriod: unknown record type 'AssessmentPeriod'; the rubric declares: ExamResult");
    }

    @Test
    void acceptsValuesWithinTheDeclaredBounds() {
        // GIVEN
        String text = facts("{ quarter: 4, score: 100, adjustment: -5, date: 2024-12-31, level: CITY }");

        // WHEN
        var facts = LOADED.readFacts("f.yaml", text);

        // THEN
        assertThat(facts.facts()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ quarter: 5, score: 80, adjustment: 0, date: 2024-03-01, level: CITY }    | records.ExamResult[0].quarter: must be at most 4, was 5",
        "{ quarter: 0, score: 80, adjustment: 0, date: 2024-03-01, level: CITY }    | records.ExamResult[0].quarter: must be at least 1, was 0",
        "{ quarter: 1, score: 100.5, adjustment: 0, date: 2024-03-01, level: CITY } | records.ExamResult[0].score: must be at most 100, was 100.5",
        "{ quarter: 1, score: -0.5, adjustment: 0, date: 2024-03-01, level: CITY }  | records.ExamResult[0].score: must not be negative, was -0.5",
        "{ quarter: 1, score: 80, adjustment: -5.5, date: 2024-03-01, level: CITY } | records.ExamResult[0].adjustment: must be at least -5, was -5.5",
        "{ quarter: 1, score: 80, adjustment: 0, date: 2025-01-01, level: CITY }    | records.ExamResult[0].date: date 2025-01-01 is outside the assessment period 2024-01-01 to 2024-12-31",
        "{ quarter: 1, score: 80, adjustment: 0, date: 2024-03-01, level: COUNTY }  | records.ExamResult[0].level: unknown value 'COUNTY'; expected one of: CITY, PROVINCE",
    })
    void rejectsAValueOutsideItsBoundsWithTheFieldsPathAndLine(String exam, String expected) {
        // GIVEN
        String text = facts(exam);

        // WHEN / THEN
        assertThatThrownBy(() -> LOADED.readFacts("f.yaml", text))
                .isInstanceOfSatisfying(FactsException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.getMessage()).isEqualTo("f.yaml:5: " + expected);
                });
    }

    @Test
    void rejectsABoundThatIsNotANumberWhenTheRubricLoads() {
        // GIVEN
        String text = RUBRIC.replace("score : BigDecimal @max(100)", "score : BigDecimal @max(hundred)")
                .replace("date : java.time.LocalDate", "date : java.time.LocalDate @min(1)");

        // WHEN / THEN
        assertThatThrownBy(() -> Rubric.fromString("declared-test.drl", text))
                .isInstanceOf(RubricException.class)
                .hasMessageContaining("declared-test.drl:25: declared field ExamResult.score: @max(hundred) is not a number")
                .hasMessageContaining("declared-test.drl:25: declared field ExamResult.date: @min(1) bounds a field that is not a number");
    }
}
