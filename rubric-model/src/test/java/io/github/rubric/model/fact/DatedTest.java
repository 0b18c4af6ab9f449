package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The month and quarter a dated record falls in, which rules match per month or quarter of the period. */
class DatedTest {
    @ParameterizedTest(name = "{0} -> {1}, quarter {2}")
    @CsvSource({
        "2023-01-01, 2023-01, 1",
        "2023-03-31, 2023-03, 1",
        "2023-04-01, 2023-04, 2",
        "2023-09-30, 2023-09, 3",
        "2023-10-01, 2023-10, 4",
        "2024-12-31, 2024-12, 4",
        "1900-01-01, 1900-01, 1",
        "1899-12-31, 1899-12, 4",
        "2199-12-31, 2199-12, 4",
        "2200-01-01, 2200-01, 1",
        "-0001-05-20, -0001-05, 2"})
    void fallsInTheMonthAndQuarterOfItsDate(LocalDate day, YearMonth month, int quarter) {
        // GIVEN
        Meeting meeting = new Meeting("m1", MeetingType.GENERAL_MEETING, day, 9, 10, List.of("张三"), null, null, null);

        // WHEN / THEN
        assertThat(meeting.monthOfDate()).isEqualTo(month);
        assertThat(meeting.quarterOfDate()).isEqualTo(quarter).isEqualTo(AssessmentPeriod.quarterOf(day));
    }

    @ParameterizedTest(name = "paid {1} for {0}")
    @CsvSource({"2023-12, 2024-01-05", "2024-01, 2023-12-28"})
    void isTheMonthOfTheDayPaidForADuesPaymentNotTheMonthItPaysFor(YearMonth duesMonth, LocalDate paid) {
        // GIVEN a payment made in another month than the one it is for
        DuesPayment payment = new DuesPayment("d1", "张三", duesMonth, new BigDecimal("10"), new BigDecimal("10"), paid);

        // WHEN / THEN
        assertThat(payment.month()).isEqualTo(duesMonth);
        assertThat(payment.monthOfDate()).isEqualTo(YearMonth.from(paid));
    }
}
