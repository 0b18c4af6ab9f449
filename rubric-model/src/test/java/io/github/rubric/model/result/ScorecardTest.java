package io.github.rubric.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scorecard finds its items and sections by id and lists every deduction and finding in order. */
class ScorecardTest {
    private static final Evidence MEETING = new Evidence("meetings[0]", "Meeting", "2024-03-12 党员大会");
    private static final Deduction LATE = deduction("1", "1", "党员大会迟开，扣1分");
    private static final Deduction MISSING = deduction("1", "2", "缺1次党员大会，扣2分");
    private static final Deduction NO_LEDGER = deduction("3", "1", "无党费台帐，扣1分");
    private static final Finding NO_GROUP_MEETING = new Finding("2 每月召开党小组会", "2", "3月无党小组会", List.of());
    private static final ItemScore ITEM_1 = item("1", List.of(LATE, MISSING), List.of());
    private static final ItemScore ITEM_2 = item("2", List.of(), List.of(NO_GROUP_MEETING));
    private static final ItemScore ITEM_3 = item("3", List.of(NO_LEDGER), List.of());
    private static final SectionScore BASICS = section("基础", List.of(ITEM_1, ITEM_2));
    private static final SectionScore DUES = section("党费", List.of(ITEM_3));
    private static final Scorecard CARD = scorecard(List.of(BASICS, DUES));

    @Test
    void findsAnItemsScoreInAnySection() {
        // GIVEN / WHEN / THEN
        assertThat(CARD.item("2")).contains(ITEM_2);
        assertThat(CARD.item("3")).contains(ITEM_3);
        assertThat(CARD.item("4")).isEmpty();
    }

    @Test
    void findsASectionsScoreById() {
        // GIVEN / WHEN / THEN
        assertThat(CARD.section("党费")).contains(DUES);
        assertThat(CARD.section("重点")).isEmpty();
    }

    @Test
    void listsEveryDeductionOfEveryItemInOrder() {
        // GIVEN / WHEN / THEN
        assertThat(CARD.deductions()).containsExactly(LATE, MISSING, NO_LEDGER);
    }

    @Test
    void listsEveryFindingOfEveryItemInOrder() {
        // GIVEN / WHEN / THEN
        assertThat(CARD.findings()).containsExactly(NO_GROUP_MEETING);
    }

    @Test
    void listsNoDeductionsOrFindingsOfAnEmptyScorecard() {
        // GIVEN / WHEN
        Scorecard empty = scorecard(null);

        // THEN
        assertThat(empty.sections()).isEmpty();
        assertThat(empty.deductions()).isEmpty();
        assertThat(empty.findings()).isEmpty();
        assertThat(empty.item("1")).isEmpty();
    }

    @Test
    void readsAnAbsentGradeAndNotesAsEmpty() {
        // GIVEN / WHEN / THEN
        assertThat(CARD.grade()).isEmpty();
        assertThat(BASICS.note()).isEmpty();
        assertThat(ITEM_1.note()).isEmpty();
    }

    @Test
    void keepsImmutableCopiesOfItsLists() {
        // GIVEN
        List<SectionScore> sections = new ArrayList<>(List.of(BASICS));

        // WHEN
        Scorecard card = scorecard(sections);
        sections.add(DUES);

        // THEN
        assertThat(card.sections()).containsExactly(BASICS);
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> card.sections().add(DUES));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> card.deductions().add(LATE));
    }

    @Test
    void refusesAScorecardWithoutATotal() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new Scorecard(rubric(), subject(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31),
                        "ANNUAL", "branch.yaml", BigDecimal.TEN, BigDecimal.ZERO, null, null, null, null, null, null))
                .extracting(InvalidValueException::field).isEqualTo("total");
    }

    @Test
    void refusesADeductionOfNegativePoints() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new Deduction("r", "1", new BigDecimal("-1"), false, "扣分", List.of()))
                .extracting(InvalidValueException::field).isEqualTo("points");
    }

    private static Deduction deduction(String item, String points, String reason) {
        return new Deduction(item + " " + reason, item, new BigDecimal(points), false, reason, List.of(MEETING));
    }

    private static ItemScore item(String id, List<Deduction> deductions, List<Finding> findings) {
        return new ItemScore(id, "第" + id + "项", BigDecimal.TEN, BigDecimal.TEN, "满分", BigDecimal.TEN, deductions,
                findings, null, null);
    }

    private static SectionScore section(String id, List<ItemScore> items) {
        return new SectionScore(id, id + "工作", new BigDecimal("20"), new BigDecimal("17"), items, null);
    }

    private static Scorecard scorecard(List<SectionScore> sections) {
        return new Scorecard(rubric(), subject(), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "ANNUAL",
                "branch.yaml", new BigDecimal("26"), BigDecimal.ZERO, new BigDecimal("26"), null, null, sections,
                null, null);
    }

    private static RubricRef rubric() {
        return new RubricRef("r", "考核细则", "1", "ab12");
    }

    private static SubjectRef subject() {
        return new SubjectRef("organization", "b1", "测试党支部", "PARTY_BRANCH");
    }
}
