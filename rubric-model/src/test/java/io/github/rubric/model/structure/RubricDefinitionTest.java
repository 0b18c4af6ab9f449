package io.github.rubric.model.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rubric's structure finds its items and their sections by the ids the rubric prints. */
class RubricDefinitionTest {
    private static final Item MEETINGS = item("1", "组织生活");
    private static final Item DUES = item("2", "党费");
    private static final Item STUDY = item("2.1", "学习");
    private static final Section BASICS = new Section("基础", "基础工作", new BigDecimal("20"), false, List.of(MEETINGS, DUES));
    private static final Section KEY = new Section("重点", "重点指标", new BigDecimal("10"), true, List.of(STUDY));
    private static final RubricDefinition RUBRIC = new RubricDefinition("r", "考核细则", "党工委", 2024, "1", null, null,
            new BigDecimal("30"), new BigDecimal("18"), List.of(new GradeBand("优秀", new BigDecimal("27"))), null,
            List.of(BASICS, KEY));

    @Test
    void listsEveryItemOfEverySectionInOrder() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.items()).containsExactly(MEETINGS, DUES, STUDY);
    }

    @Test
    void findsAnItemByIdInAnySection() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.item("2")).contains(DUES);
        assertThat(RUBRIC.item("2.1")).contains(STUDY);
    }

    @Test
    void findsNoItemForAnIdItDoesNotDeclare() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.item("3")).isEmpty();
        assertThat(RUBRIC.item("2.10")).isEmpty();
    }

    @Test
    void findsTheSectionHoldingAnItem() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.sectionOf("1")).contains(BASICS);
        assertThat(RUBRIC.sectionOf("2.1")).contains(KEY);
        assertThat(RUBRIC.sectionOf("9")).isEmpty();
    }

    @Test
    void countsBonusesWithoutCapWhenTheRubricGivesNoBonusPolicy() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.bonus()).isEqualTo(BonusPolicy.UNCAPPED);
    }

    @Test
    void isScoredInOneRoundWithoutARoundsDeclaration() {
        // GIVEN / WHEN / THEN
        assertThat(RUBRIC.rounds()).isNull();
    }

    @Test
    void keepsImmutableCopiesOfItsSectionsAndGradeBands() {
        // GIVEN
        List<Section> sections = new ArrayList<>(List.of(BASICS));
        List<GradeBand> bands = new ArrayList<>(List.of(new GradeBand("合格", new BigDecimal("60"))));

        // WHEN
        RubricDefinition rubric = new RubricDefinition("r", "考核细则", null, null, "1", null, null,
                new BigDecimal("20"), null, bands, null, sections);
        sections.add(KEY);
        bands.clear();

        // THEN
        assertThat(rubric.sections()).containsExactly(BASICS);
        assertThat(rubric.gradeBands()).extracting(GradeBand::name).containsExactly("合格");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> rubric.sections().add(KEY));
        assertThat(new RubricDefinition("r", "细则", null, null, "1", null, null, BigDecimal.ZERO, null, null, null,
                null).sections()).isEmpty();
    }

    private static Item item(String id, String title) {
        return new Item(id, title, new BigDecimal("10"), null, null, null, false, null, null);
    }
}
