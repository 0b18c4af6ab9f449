package io.github.rubric.model.fact;

import java.time.LocalDate;

/** A fact that happened on a day, which must fall inside the assessment period. */
public interface Dated extends Fact {
    /** @return the day the fact happened */
    LocalDate date();

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
