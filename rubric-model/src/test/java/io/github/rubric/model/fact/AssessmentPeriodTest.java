package io.github.rubric.model.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.rubric.model.InvalidValueException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The assessed period: both ends inclusive, with the months, quarters and quarter deadlines rules reason about. */
class AssessmentPeriodTest {
    private static final AssessmentPeriod YEAR_2024 = AssessmentPeriod.ofYear(2024);
    private static final AssessmentPeriod SECOND_HALF_2024 =
            new AssessmentPeriod(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 12, 31));

    @Test
    void spansACalendarYearFromTheFirstOfJanuaryToTheThirtyFirstOfDecember() {
        // GIVEN / WHEN
        AssessmentPeriod period = AssessmentPeriod.ofYear(2023);

        // THEN
        assertThat(period.start()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(period.end()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(period.year()).isEqualTo(2023);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2023-12-31, false",
        "2024-01-01, true",
        "2024-02-29, true",
        "2024-12-31, true",
        "2025-01-01, false"})
    void containsBothEndsAndEveryDayBetween(LocalDate day, boolean contained) {
        // GIVEN the year 2024 / WHEN / THEN
        assertThat(YEAR_2024.contains(day)).isEqualTo(contained);
    }

    @Test
    void allowsAPeriodOfASingleDay() {
        // GIVEN
        LocalDate day = LocalDate.of(2024, 6, 30);

        // WHEN
        AssessmentPeriod period = new AssessmentPeriod(day, day);

        // THEN
        assertThat(period.contains(day)).isTrue();
        assertThat(period.contains(day.plusDays(1))).isFalse();
        assertThat(period.months()).containsExactly(YearMonth.of(2024, 6));
    }

    @Test
    void refusesAnEndBeforeTheStartNamingTheEnd() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new AssessmentPeriod(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 1, 1)))
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("end");
                    assertThat(e.problem()).contains("2024-12-31").contains("2024-01-01");
                });
    }

    @Test
    void requiresBothEnds() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new AssessmentPeriod(null, LocalDate.of(2024, 1, 1)))
                .extracting(InvalidValueException::field).isEqualTo("start");
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new AssessmentPeriod(LocalDate.of(2024, 1, 1), null))
                .extracting(InvalidValueException::field).isEqualTo("end");
    }

    @Test
    void listsTheTwelveMonthsOfAYearInOrder() {
        // GIVEN / WHEN / THEN
        assertThat(YEAR_2024.months()).hasSize(12)
                .startsWith(YearMonth.of(2024, 1))
                .endsWith(YearMonth.of(2024, 12))
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void listsEveryMonthAPeriodTouchesEvenPartly() {
        // GIVEN a period from mid-November to mid-February
        AssessmentPeriod period = new AssessmentPeriod(LocalDate.of(2024, 11, 15), LocalDate.of(2025, 2, 10));

        // WHEN / THEN
        assertThat(period.months()).containsExactly(
                YearMonth.of(2024, 11), YearMonth.of(2024, 12), YearMonth.of(2025, 1), YearMonth.of(2025, 2));
    }

    @Test
    void listsAllFourQuartersOfAFullYear() {
        // GIVEN / WHEN / THEN
        assertThat(YEAR_2024.quarters()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void listsOnlyTheQuartersAHalfYearTouches() {
        // GIVEN / WHEN / THEN
        assertThat(SECOND_HALF_2024.quarters()).containsExactly(3, 4);
        assertThat(new AssessmentPeriod(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30)).quarters())
                .containsExactly(1, 2);
    }

    @Test
    void listsTheQuartersOfTheFirstYearOnlyWhenAPeriodRunsIntoTheNext() {
        // GIVEN a school-year style period, July to June
        AssessmentPeriod period = new AssessmentPeriod(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 30));

        // WHEN / THEN
        assertThat(period.quarters()).containsExactly(3, 4);
    }

    @ParameterizedTest(name = "quarter {0}, 3rd month, 25th -> {1}")
    @CsvSource({"1, 2024-03-25", "2, 2024-06-25", "3, 2024-09-25", "4, 2024-12-25"})
    void fixesTheTwentyFifthOfAQuartersThirdMonth(int quarter, LocalDate expected) {
        // GIVEN "每季度第3个月的25日" / WHEN / THEN
        assertThat(YEAR_2024.quarterDay(quarter, 3, 25)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "quarter {0}, month after, 5th -> {1}")
    @CsvSource({"1, 2024-04-05", "2, 2024-07-05", "3, 2024-10-05", "4, 2025-01-05"})
    void fixesTheFifthOfTheMonthAfterAQuarterIncludingJanuaryOfTheNextYear(int quarter, LocalDate expected) {
        // GIVEN "每季次月5日" / WHEN / THEN
        assertThat(YEAR_2024.quarterDay(quarter, 4, 5)).isEqualTo(expected);
    }

    @Test
    void fixesQuarterDaysInThePeriodsFirstYear() {
        // GIVEN a half-year period: quarters count in its year
        // WHEN / THEN
        assertThat(SECOND_HALF_2024.quarterDay(3, 1, 1)).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(SECOND_HALF_2024.quarterDay(1, 3, 25)).isEqualTo(LocalDate.of(2024, 3, 25));
    }

    @ParameterizedTest(name = "quarter {0}")
    @ValueSource(ints = {0, 5, -1})
    void refusesAQuarterOutsideOneToFour(int quarter) {
        // GIVEN / WHEN / THEN
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YEAR_2024.quarterDay(quarter, 3, 25))
                .withMessageContaining("quarter must be 1 to 4, was " + quarter);
    }

    @ParameterizedTest(name = "month of quarter {0}")
    @ValueSource(ints = {0, 5, -2})
    void refusesAMonthOfQuarterOutsideOneToFour(int monthOfQuarter) {
        // GIVEN a typo in a rule: month 0 of quarter 1 would be December of the year before
        // WHEN / THEN
        assertThatIllegalArgumentException()
                .isThrownBy(() -> YEAR_2024.quarterDay(1, monthOfQuarter, 25))
                .withMessageContaining("monthOfQuarter must be 1 to 4, was " + monthOfQuarter);
    }

    @Test
    void refusesADayTheMonthDoesNotHave() {
        // GIVEN the 31st of a quarter's third month: June has 30 days
        // WHEN / THEN
        assertThatExceptionOfType(DateTimeException.class)
                .isThrownBy(() -> YEAR_2024.quarterDay(2, 3, 31));
        assertThat(YEAR_2024.quarterDay(1, 3, 31)).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @ParameterizedTest(name = "{0} -> Q{1}")
    @CsvSource({
        "2024-01, 1", "2024-03, 1", "2024-04, 2", "2024-06, 2",
        "2024-07, 3", "2024-09, 3", "2024-10, 4", "2024-12, 4"})
    void tellsTheCalendarQuarterOfAMonth(String month, int quarter) {
        // GIVEN / WHEN / THEN
        assertThat(AssessmentPeriod.quarterOf(YearMonth.parse(month))).isEqualTo(quarter);
    }

    @ParameterizedTest(name = "{0} -> Q{1}")
    @CsvSource({"2024-01-01, 1", "2024-03-31, 1", "2024-04-01, 2", "2024-09-30, 3", "2024-12-31, 4"})
    void tellsTheCalendarQuarterOfADay(LocalDate day, int quarter) {
        // GIVEN / WHEN / THEN
        assertThat(AssessmentPeriod.quarterOf(day)).isEqualTo(quarter);
    }

    @Test
    void givesEachOfManyPeriodsItsOwnMonthsAndQuarters() {
        // GIVEN more distinct periods than the months and quarters are kept for: every half-month start in 40 years
        for (int i = 0; i < 960; i++) {
            LocalDate start = LocalDate.of(1990, 1, 1).plusDays(15L * i);
            AssessmentPeriod period = new AssessmentPeriod(start, start.plusMonths(2));

            // WHEN / THEN each asked twice, as a rule at a time asks
            for (int k = 0; k < 2; k++) {
                assertThat(period.months()).as("%s", period)
                        .containsExactly(YearMonth.from(start), YearMonth.from(start).plusMonths(1),
                                YearMonth.from(start).plusMonths(2));
                assertThat(period.quarters()).as("%s", period).first()
                        .isEqualTo(AssessmentPeriod.quarterOf(start));
            }
        }
    }
}
