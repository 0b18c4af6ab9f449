package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RubricDiffTest {
    private static final Rubric V1 = Rubric.fromString("tiny-1.drl", TinyRubric.text("1", "1"));
    private static final Rubric V2 = Rubric.fromString("tiny-2.drl", TinyRubric.text("2", "1.5"));
    private static final RubricDiff DIFF = RubricDiff.between(V1, V2);

    @Test
    void the_same_facts_scored_by_two_versions_differ_on_the_changed_item_with_the_reasons_of_each() {
        // GIVEN two general meetings: 2 missing
        String facts = TinyRubric.facts(2);

        // WHEN
        RubricDiff.SubjectDiff subject = DIFF.compare(V1.readFacts("b1.yaml", facts), V2.readFacts("b1.yaml", facts));

        // THEN
        assertThat(subject.totalChange()).isEqualByComparingTo("-1");
        assertThat(subject.items()).singleElement().satisfies(item -> {
            assertThat(item.item()).isEqualTo("1");
            assertThat(item.before()).isEqualByComparingTo("4");
            assertThat(item.after()).isEqualByComparingTo("3");
            assertThat(item.reasonsBefore()).containsExactly("-2 全年召开党员大会2次，扣2分");
            assertThat(item.reasonsAfter()).containsExactly("-3 全年召开党员大会2次，扣3分");
        });
        assertThat(subject.changed()).isTrue();
    }

    @Test
    void facts_the_change_does_not_touch_score_the_same() {
        // GIVEN four general meetings: the changed criterion does not apply
        String facts = TinyRubric.facts(4, true);

        // WHEN
        RubricDiff.SubjectDiff subject = DIFF.compare(V1.readFacts("b1.yaml", facts), V2.readFacts("b1.yaml", facts));

        // THEN
        assertThat(subject.items()).isEmpty();
        assertThat(subject.totalChange()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(subject.changed()).isFalse();
    }

    @Test
    void lists_the_changes_of_the_table_and_the_rules() {
        // WHEN
        var changes = DIFF.changes();

        // THEN
        assertThat(changes).containsExactly(
                "1 党员大会：考核标准：“全年不少于4次，每少1次扣1分” → “全年不少于4次，每少1次扣1.5分”",
                "规则删除：1 全年召开党员大会不少于4次，每少1次扣1分",
                "规则新增：1 全年召开党员大会不少于4次，每少1次扣1.5分");
    }

    @Test
    void the_text_report_shows_both_versions_per_subject_and_item() {
        // GIVEN
        String facts = TinyRubric.facts(3);
        var subject = DIFF.compare(V1.readFacts("b1.yaml", facts), V2.readFacts("b1.yaml", facts));

        // WHEN
        String text = new RubricDiff.Report(V1.ref(), V2.ref(), DIFF.changes(), java.util.List.of(subject)).toText();

        // THEN
        assertThat(text).contains("原版本 1").contains("新版本 2")
                .contains("一支部（b1.yaml）：总分 9 → 8.5（-0.5）")
                .contains("  1 党员大会：5 → 4.5（-0.5）\n    1：-1 全年召开党员大会3次，扣1分\n    2：-1.5 全年召开党员大会3次，扣1.5分\n");
    }
}
