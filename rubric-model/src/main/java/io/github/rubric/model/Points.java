package io.github.rubric.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Exact points and the one rounding policy of Rubric.
 *
 * <p>Points are {@link BigDecimal}. Deductions, bonuses and item scores are kept exact: the 0.5 and 1.5 steps
 * of the rubrics never round. Only a weighted combination (a weight such as 30 % times a score) or a
 * conversion from another scale (an exam's 86 of 100 as points of an 8-point item) can produce more digits
 * than a rubric prints; such a result is rounded to {@value #SCALE} decimal places,
 * {@link RoundingMode#HALF_UP} (四舍五入), once, where it is computed. Every value leaving the library is
 * normalised by {@link #normalize(BigDecimal)}, so that {@code 6}, {@code 6.0} and {@code 6.00} print alike.
 */
public final class Points {
    /** Decimal places kept after a weighted combination or a conversion. */
    public static final int SCALE = 2;

    /** Zero points. */
    public static final BigDecimal ZERO = BigDecimal.ZERO;

    private Points() {
    }

    /**
     * Parses points written in a rubric or facts file.
     *
     * @param text a decimal such as {@code "1.5"}
     * @return the exact value, normalised
     * @throws NumberFormatException if the text is not a decimal number
     */
    public static BigDecimal of(String text) {
        return normalize(new BigDecimal(text.trim()));
    }

    /**
     * @param value whole points
     * @return the value as points
     */
    public static BigDecimal of(long value) {
        return BigDecimal.valueOf(value);
    }

    /**
     * Strips trailing zeros and never uses an exponent: {@code 6.00} becomes {@code 6}, {@code 1.50} becomes
     * {@code 1.5}.
     *
     * @param value points
     * @return the same amount in its shortest plain form
     */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Rounds a weighted result by the library's policy.
     *
     * @param value the unrounded product
     * @return the value at {@value #SCALE} places, half up, normalised
     */
    public static BigDecimal round(BigDecimal value) {
        return normalize(value.setScale(SCALE, RoundingMode.HALF_UP));
    }

    /**
     * Divides by the library's policy: the exact quotient rounded to {@value #SCALE} places, half up, once, as
     * {@link #round(BigDecimal)} rounds a product. Used where a result on another scale is converted to points
     * ({@code 86 × 8 ÷ 100}), whose quotient may not terminate.
     *
     * @param dividend the dividend
     * @param divisor the divisor, not zero
     * @return the rounded quotient, normalised
     * @throws ArithmeticException if the divisor is zero
     */
    public static BigDecimal quotient(BigDecimal dividend, BigDecimal divisor) {
        return normalize(dividend.divide(divisor, SCALE, RoundingMode.HALF_UP));
    }

    /**
     * Clamps points into a range.
     *
     * @param value the value
     * @param min the lower bound
     * @param max the upper bound
     * @return {@code value} limited to {@code [min, max]}
     */
    public static BigDecimal clamp(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.max(min).min(max);
    }

    /**
     * @param value points
     * @return the plain text form used in reasons and tables ({@code 1.5}, {@code 20})
     */
    public static String format(BigDecimal value) {
        return normalize(value).toPlainString();
    }
}
