package io.github.rubric.model.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An item is scored by its rules, by an assessor's grade or by an assessor's points, never two of those. */
class ItemTest {
    private static final Grade GOOD = new Grade("较好", new BigDecimal("5"));
    private static final Grade FAIR = new Grade("一般", new BigDecimal("2"));

    @Test
    void scoresAnItemWithoutGradesOrDiscretionByItsRules() {
        // GIVEN / WHEN
        Item item = item(false, null);

        // THEN
        assertThat(item.grades()).isEmpty();
        assertThat(item.graded()).isFalse();
        assertThat(item.needsJudgement()).isFalse();
    }

    @Test
    void needsAnAssessorsGradeForAGradedItem() {
        // GIVEN / WHEN
        Item item = item(false, List.of(GOOD, FAIR));

        // THEN
        assertThat(item.graded()).isTrue();
        assertThat(item.needsJudgement()).isTrue();
        assertThat(item.grade("一般")).contains(FAIR);
        assertThat(item.grade("差")).isEmpty();
    }

    @Test
    void needsAnAssessorsPointsForADiscretionaryItem() {
        // GIVEN / WHEN
        Item item = item(true, List.of());

        // THEN
        assertThat(item.graded()).isFalse();
        assertThat(item.needsJudgement()).isTrue();
    }

    @Test
    void acceptsAGradeEarningExactlyTheItemsMaximum() {
        // GIVEN a grade worth the item's 5 points written as 5.00
        // WHEN / THEN
        assertThat(item(false, List.of(new Grade("好", new BigDecimal("5.00")))).grades()).hasSize(1);
    }

    @Test
    void refusesAGradeDeclaredTwice() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> item(false, List.of(GOOD, new Grade("较好", BigDecimal.ONE))))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("grades");
                    assertThat(e.problem()).contains("较好").contains("twice");
                });
    }

    @Test
    void refusesAGradeEarningMoreThanTheItemsMaximum() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> item(false, List.of(new Grade("优秀", new BigDecimal("5.5")))))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("grades");
                    assertThat(e.problem()).contains("优秀").contains("5.5 points, more than the item's 5");
                });
    }

    @Test
    void refusesAnItemThatIsBothDiscretionaryAndGraded() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> item(true, List.of(GOOD)))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("grades");
                    assertThat(e.problem()).contains("discretionary or graded");
                });
    }

    @Test
    void keepsAnImmutableCopyOfTheGrades() {
        // GIVEN
        List<Grade> grades = new ArrayList<>(List.of(GOOD));

        // WHEN
        Item item = item(false, grades);
        grades.add(FAIR);

        // THEN
        assertThat(item.grades()).containsExactly(GOOD);
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> item.grades().add(FAIR));
    }

    @ParameterizedTest(name = "id \"{0}\", title \"{1}\", maxPoints {2} -> field {3}")
    @CsvSource({
        "'', 党员大会, 5, id",
        "1, ' ', 5, title",
        "1, 党员大会, , maxPoints",
        "1, 党员大会, -1, maxPoints"})
    void refusesAnInvalidFieldNamingIt(String id, String title, BigDecimal maxPoints, String field) {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new Item(id, title, maxPoints, null, null, null, false, null, null))
                .extracting(InvalidValueException::field).isEqualTo(field);
    }

    private static Item item(boolean discretionary, List<Grade> grades) {
        return new Item("3", "组织生活", new BigDecimal("5"), "按时召开组织生活会", "未召开扣5分", "查阅记录",
                discretionary, grades, null);
    }
}
