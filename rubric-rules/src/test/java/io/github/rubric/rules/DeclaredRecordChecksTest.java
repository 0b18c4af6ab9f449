package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
                quarter : int
                score : BigDecimal
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
}
