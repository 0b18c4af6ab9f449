package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dues paid by members (收缴) and remitted to the higher-level committee (上交). */
class DuesTest {
    private static final LocalDate DAY = LocalDate.of(2024, 3, 12);

    @ParameterizedTest(name = "due {0}, paid {1} -> underpaid {2}")
    @CsvSource({
        "50, 40, true",
        "50, 49.99, true",
        "50, 50, false",
        "50, 50.00, false",
        "50.00, 50, false",
        "50, 60, false",
        "0, 0, false"})
    void tellsAPaymentOfLessThanDueAsUnderpaidWhateverTheScale(String due, String paid, boolean underpaid) {
        // GIVEN
        DuesPayment payment =
                new DuesPayment("p1", "张三", YearMonth.of(2024, 3), new BigDecimal(due), new BigDecimal(paid), DAY);

        // WHEN / THEN
        assertThat(payment.isUnderpaid()).isEqualTo(underpaid);
    }

    @Test
    void allowsAPaymentNoTimeAfterThePeriod() {
        // GIVEN
        DuesPayment payment =
                new DuesPayment("p1", "张三", YearMonth.of(2024, 3), BigDecimal.TEN, BigDecimal.TEN, DAY);

        // WHEN / THEN
        assertThat(payment.monthsAllowedAfterPeriod()).isZero();
    }

    @ParameterizedTest(name = "quarter {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void acceptsARemittanceForEachQuarter(int quarter) {
        // GIVEN / WHEN
        DuesRemittance remittance = new DuesRemittance("r1", quarter, null, null, DAY);

        // THEN
        assertThat(remittance.quarter()).isEqualTo(quarter);
    }

    @ParameterizedTest(name = "remitted {0}, due {1} -> underpaid {2}")
    @CsvSource({
        "100, 120, true",
        "120, 120.00, false",
        "130, 120, false",
        ", 120, false",
        "100, , false",
        ", , false"})
    void tellsARemittanceUnderpaidOnlyWhenBothAmountsAreRecorded(BigDecimal amount, BigDecimal due, boolean underpaid) {
        // GIVEN / WHEN / THEN
        assertThat(new DuesRemittance("r1", 2, amount, due, DAY).isUnderpaid()).isEqualTo(underpaid);
    }

    @Test
    void allowsAFourthQuarterRemittanceUpToThreeMonthsAfterThePeriod() {
        // GIVEN the fourth quarter's dues, remitted in the following January
        DuesRemittance remittance = new DuesRemittance("r4", 4, null, null, LocalDate.of(2025, 1, 5));

        // WHEN / THEN
        assertThat(remittance.monthsAllowedAfterPeriod()).isEqualTo(3);
    }
}
