package io.github.rubric.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Points are exact, print in their shortest plain form, and are rounded once: 2 places, half up (四舍五入). */
class PointsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({
        "1.5, 1.5",
        "1.50, 1.5",
        "20.00, 20",
        "6, 6",
        "0.00, 0",
        "'  2.5 ', 2.5",
        "1E+1, 10",
        "0.25, 0.25"})
    void parsesPointsExactlyInTheirShortestPlainForm(String text, String plain) {
        // GIVEN points as a rubric or facts file writes them
        // WHEN parsed
        BigDecimal points = Points.of(text);

        // THEN the value is exact and prints without trailing zeros or exponent
        assertThat(points.toPlainString()).isEqualTo(plain);
        assertThat(points).isEqualByComparingTo(new BigDecimal(plain));
    }

    @Test
    void refusesTextThatIsNotADecimal() {
        // GIVEN a value written with a decimal comma
        // WHEN parsed / THEN
        assertThatExceptionOfType(NumberFormatException.class).isThrownBy(() -> Points.of("1,5"));
    }

    @Test
    void makesWholePointsFromALong() {
        // GIVEN / WHEN
        BigDecimal points = Points.of(20);

        // THEN
        assertThat(points).isEqualTo(new BigDecimal("20"));
        assertThat(points.scale()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "6.00, 6",
        "1.50, 1.5",
        "0.50, 0.5",
        "20.00, 20",
        "1E+1, 10",
        "1.2E+3, 1200",
        "0E-5, 0",
        "-2.50, -2.5",
        "0.125, 0.125"})
    void normalizesToTheShortestFormWithoutAnExponent(String value, String plain) {
        // GIVEN / WHEN
        BigDecimal normalized = Points.normalize(new BigDecimal(value));

        // THEN the same amount, without trailing zeros, never in scientific notation
        assertThat(normalized).isEqualByComparingTo(new BigDecimal(value));
        assertThat(normalized.toString()).isEqualTo(plain);
        assertThat(normalized.scale()).isNotNegative();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "6.545, 6.55",
        "6.544, 6.54",
        "59.995, 60",
        "0.50, 0.5",
        "20.00, 20",
        "1E+1, 10",
        "25.8, 25.8",
        "0.005, 0.01",
        "0.004, 0",
        "-6.545, -6.55"})
    void roundsToTwoPlacesHalfUpAndNormalizes(String value, String rounded) {
        // GIVEN an unrounded weighted result
        // WHEN rounded by the library's policy
        BigDecimal result = Points.round(new BigDecimal(value));

        // THEN two places, half up (四舍五入), in the shortest plain form
        assertThat(result.toString()).isEqualTo(rounded);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
        "688, 100, 6.88",
        "1, 3, 0.33",
        "2, 3, 0.67",
        "10, 4, 2.5",
        "100, 5, 20",
        "0.1309, 2, 0.07"})
    void dividesOnceRoundingTheExactQuotientToTwoPlacesHalfUp(String dividend, String divisor, String quotient) {
        // GIVEN an exam score converted to points, e.g. 86 × 8 ÷ 100
        // WHEN divided
        BigDecimal result = Points.quotient(new BigDecimal(dividend), new BigDecimal(divisor));

        // THEN the exact quotient rounded once and normalised
        assertThat(result.toString()).isEqualTo(quotient);
    }

    @Test
    void refusesToDivideByZero() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(ArithmeticException.class)
                .isThrownBy(() -> Points.quotient(BigDecimal.TEN, BigDecimal.ZERO));
    }

    @ParameterizedTest(name = "{0} in [0, 10] -> {1}")
    @CsvSource({"-3, 0", "0, 0", "4.5, 4.5", "10, 10", "12.5, 10"})
    void clampsPointsIntoTheRange(String value, String clamped) {
        // GIVEN / WHEN
        BigDecimal result = Points.clamp(new BigDecimal(value), BigDecimal.ZERO, BigDecimal.TEN);

        // THEN
        assertThat(result).isEqualByComparingTo(clamped);
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource({"1.50, 1.5", "20.00, 20", "20, 20", "1E+1, 10", "0.00, 0", "0.25, 0.25"})
    void formatsPointsAsPlainShortText(String value, String text) {
        // GIVEN / WHEN / THEN
        assertThat(Points.format(new BigDecimal(value))).isEqualTo(text);
    }

    @Test
    void keepsTwoDecimalPlacesAsTheScaleOfRounding() {
        // GIVEN / WHEN / THEN
        assertThat(Points.SCALE).isEqualTo(2);
        assertThat(Points.ZERO).isEqualByComparingTo("0");
    }
}
