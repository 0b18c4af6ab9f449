package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.result.Finding;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exemptions ({@code @exempt}: "嵯岗镇、罕达盖苏木除外") put an {@code Exemption} on the scorecard instead of the
 * deduction; findings record a compliance gap without points.
 */
class ExemptionAndFindingTest {
    private static final Rubric RUBRIC = Rubric.fromString("exemptions.drl", """
            /*---
            id: exemption-test
            title: 免扣测试细则
            version: "1"
            totalPoints: 10
            sections:
              - id: all
                title: 全部
                maxPoints: 10
                items:
                  - { id: "1", title: 主题党日, maxPoints: 5 }
                  - { id: "2", title: 活动阵地, maxPoints: 5 }
            ---*/
            package test.exemptions;

            import java.util.List;
            import io.github.rubric.model.fact.*;

            global io.github.rubric.rules.Scoring score;

            rule "1 每月开展主题党日（记录，不扣分）"
                @item("1")
            when
                $period : AssessmentPeriod()
                $month : java.time.YearMonth() from $period.months()
                not Meeting( type == MeetingType.THEMED_PARTY_DAY, date.year == $month.year, date.monthValue == $month.monthValue )
            then
                score.finding($month + "未开展主题党日");
            end

            rule "2 无活动方案的扣2分（嵯岗镇、罕达盖苏木、嘎查除外）"
                @item("2")
                @exempt("嵯岗镇, 罕达盖苏木、GACHA")
            when
                not Document( kind == DocumentKind.ACTIVITY_PLAN )
            then
                score.deduct("2", "无活动方案，扣{points}分");
            end
            """);

    private static Scorecard score(String subject, String facts) {
        return RUBRIC.score(RUBRIC.readFacts("subject.yaml", "subject: " + subject + "\nperiod: 2024\n" + facts));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            exempt by name              | { id: t1, name: 嵯岗镇, type: TOWNSHIP }
            exempt by the second name   | { id: t2, name: 罕达盖苏木, type: TOWNSHIP }
            exempt by organisation type | { id: g1, name: 乌兰嘎查, type: GACHA }
            """)
    void showsTheExemptionInsteadOfTheDeduction(String why, String subject) {
        // GIVEN an exempt subject without an activity plan

        // WHEN scored
        ItemScore item = score(subject, "").item("2").orElseThrow();

        // THEN the item keeps its points and lists the exemption, not a deduction
        assertThat(item.score()).isEqualByComparingTo("5");
        assertThat(item.deductions()).isEmpty();
        assertThat(item.exemptions()).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo("2 无活动方案的扣2分（嵯岗镇、罕达盖苏木、嘎查除外）");
            assertThat(e.item()).isEqualTo("2");
            assertThat(e.reason()).isEqualTo("无活动方案，扣2分");
            assertThat(e.exemption()).isEqualTo("评分标准注明嵯岗镇、罕达盖苏木、GACHA除外");
        });
    }

    @Test
    void deductsFromASubjectThatIsNotExempt() {
        // GIVEN a township that is not named, without an activity plan

        // WHEN scored
        ItemScore item = score("{ id: t3, name: 伊敏苏木, type: TOWNSHIP }", "").item("2").orElseThrow();

        // THEN the deduction applies
        assertThat(item.score()).isEqualByComparingTo("3");
        assertThat(item.exemptions()).isEmpty();
        assertThat(item.deductions()).singleElement().satisfies(d -> assertThat(d.reason()).isEqualTo("无活动方案，扣2分"));
    }

    @Test
    void recordsAFindingForEachMonthWithoutDeductingPoints() {
        // GIVEN themed party days in every month but March and November
        StringBuilder facts = new StringBuilder("meetings:\n");
        for (int month = 1; month <= 12; month++) {
            if (month != 3 && month != 11) {
                facts.append("  - { type: THEMED_PARTY_DAY, date: 2024-%02d-05 }\n".formatted(month));
            }
        }

        // WHEN scored
        Scorecard card = score("{ id: b1, name: 测试党支部, type: PARTY_BRANCH }", facts.toString());

        // THEN item 1 keeps full marks and lists the two gaps, in order
        ItemScore item = card.item("1").orElseThrow();
        assertThat(item.score()).isEqualByComparingTo("5");
        assertThat(item.deductions()).isEmpty();
        assertThat(item.findings()).extracting(Finding::rule, Finding::item, Finding::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1 每月开展主题党日（记录，不扣分）", "1", "2024-03未开展主题党日"),
                org.assertj.core.groups.Tuple.tuple("1 每月开展主题党日（记录，不扣分）", "1", "2024-11未开展主题党日"));
        assertThat(card.findings()).hasSize(2);
    }
}
