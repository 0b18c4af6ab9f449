package io.github.rubric.model.fact;

import java.time.YearMonth;

/**
 * The calendar months of 1900 to 2199, each made once (rarely twice, by two threads at once): rules look facts up
 * by {@link Dated#monthOfDate()}, a month asked for many times per evaluation. A {@link YearMonth} is immutable, so
 * one value serves every caller; a month outside these years is made afresh.
 */
final class Months {
    private static final int FIRST_YEAR = 1900;
    private static final int YEARS = 300;
    /** Filled as months are asked for; a race makes a month twice, and either value is right. */
    private static final YearMonth[] MONTHS = new YearMonth[YEARS * 12];

    private Months() {
    }

    /**
     * @param year the year
     * @param month the month, 1 to 12
     * @return that month
     */
    static YearMonth of(int year, int month) {
        if (year < FIRST_YEAR || year >= FIRST_YEAR + YEARS || month < 1 || month > 12) {
            return YearMonth.of(year, month);
        }
        int index = (year - FIRST_YEAR) * 12 + month - 1;
        YearMonth known = MONTHS[index];
        if (known == null) {
            known = YearMonth.of(year, month);
            MONTHS[index] = known;
        }
        return known;
    }
}
