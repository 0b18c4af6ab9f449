package io.github.rubric.model.fact;

import java.time.LocalDate;
import java.time.YearMonth;

/** A fact that happened on a day, which must fall inside the assessment period. */
public interface Dated extends Fact {
    /** @return the day the fact happened */
    LocalDate date();

    /**
     * The calendar month of {@link #date()}, for rules that count facts per month: {@code Meeting( monthOfDate ==
     * $month )} lets the rule engine look the facts of one month up by it, where a test written as a function of the
     * date is evaluated against every fact in turn. For a {@link DuesPayment} it is the month the dues were paid in,
     * not {@link DuesPayment#month()}, the month they are for.
     *
     * @return the year and month of the day the fact happened
     */
    default YearMonth monthOfDate() {
        LocalDate date = date();
        return Months.of(date.getYear(), date.getMonthValue());
    }

    /**
     * The calendar quarter of {@link #date()}, as {@link AssessmentPeriod#quarterOf(LocalDate)} gives it, for rules
     * that count facts per quarter: {@code Meeting( quarterOfDate == $q )} is looked up as {@link #monthOfDate()} is.
     *
     * @return 1 to 4
     */
    default int quarterOfDate() {
        return AssessmentPeriod.quarterOf(date());
    }

    /**
     * How long after the period's end the fact may still be dated. Zero for most facts; a remittance for the
     * fourth quarter, say, is made in the following January.
     *
     * @return whole months allowed after the period's last day
     */
    default int monthsAllowedAfterPeriod() {
        return 0;
    }
}
