package io.github.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared argument checks: each failure is an {@link InvalidValueException} naming the field. */
class ChecksTest {

    @Test
    void returnsARequiredValueThatIsPresent() {
        // GIVEN / WHEN / THEN
        assertThat(Checks.required("党员大会", "type")).isEqualTo("党员大会");
    }

    @Test
    void refusesAMissingRequiredValueNamingTheField() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Checks.required(null, "date"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(e.problem()).isEqualTo("is required");
                    assertThat(e).hasMessage("date: is required");
                });
    }

    @Test
    void returnsTextThatIsNotBlank() {
        // GIVEN / WHEN / THEN
        assertThat(Checks.text(" 张三 ", "member")).isEqualTo(" 张三 ");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesMissingOrBlankText(String value) {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Checks.text(value, "summary"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("summary");
                    assertThat(e.problem()).isEqualTo("must not be blank");
                });
    }

    @Test
    void acceptsAbsentZeroAndPositiveCounts() {
        // GIVEN / WHEN / THEN
        assertThat(Checks.notNegative((Integer) null, "attended")).isNull();
        assertThat(Checks.notNegative(0, "attended")).isZero();
        assertThat(Checks.notNegative(12, "attended")).isEqualTo(12);
    }

    @Test
    void refusesANegativeCountSayingWhatItWas() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Checks.notNegative(-1, "attended"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("attended");
                    assertThat(e.problem()).isEqualTo("must not be negative, was -1");
                });
    }

    @Test
    void acceptsAbsentZeroAndPositiveAmounts() {
        // GIVEN / WHEN / THEN
        assertThat(Checks.notNegative((BigDecimal) null, "due")).isNull();
        assertThat(Checks.notNegative(new BigDecimal("0.00"), "due")).isEqualByComparingTo("0");
        assertThat(Checks.notNegative(new BigDecimal("1.5"), "due")).isEqualByComparingTo("1.5");
    }

    @Test
    void refusesANegativeAmountSayingWhatItWasInPlainForm() {
        // GIVEN an amount that would print in scientific notation
        BigDecimal negative = new BigDecimal("-1E+1");

        // WHEN / THEN the message shows it as written in a table
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> Checks.notNegative(negative, "paid"))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("paid");
                    assertThat(e.problem()).isEqualTo("must not be negative, was -10");
                });
    }

    @Test
    void copiesAListIntoAnImmutableListDetachedFromTheOriginal() {
        // GIVEN a mutable list
        List<String> names = new ArrayList<>(List.of("张三", "李四"));

        // WHEN copied, then the original changes
        List<String> copy = Checks.copy(names);
        names.add("王五");

        // THEN the copy keeps the original elements and cannot be changed
        assertThat(copy).containsExactly("张三", "李四");
        assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copy.add("赵六"));
    }

    @Test
    void copiesAnAbsentListAsEmpty() {
        // GIVEN / WHEN / THEN
        assertThat(Checks.<String>copy(null)).isEmpty();
    }

    @Test
    void splitsTheExceptionMessageIntoFieldAndProblem() {
        // GIVEN
        InvalidValueException e = new InvalidValueException("quarter", "must be 1 to 4, was 5");

        // WHEN / THEN
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessage("quarter: must be 1 to 4, was 5");
        assertThat(e.field()).isEqualTo("quarter");
        assertThat(e.problem()).isEqualTo("must be 1 to 4, was 5");
    }

    @Test
    void keepsAProblemThatItselfContainsAColon() {
        // GIVEN a nested field path and a problem with its own colon
        InvalidValueException e = new InvalidValueException("weights.SELF", "expected: a number");

        // WHEN / THEN
        assertThat(e.field()).isEqualTo("weights.SELF");
        assertThat(e.problem()).isEqualTo("expected: a number");
    }
}
