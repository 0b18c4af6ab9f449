package io.github.rubric.model.fact;

import io.github.rubric.model.InvalidValueException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.rubric.model.Checks.required;

/**
 * The period assessed, both ends inclusive; usually a calendar year. Inserted as a fact so that rules can
 * reason about quarters and months.
 *
 * @param start first day
 * @param end last day
 */
public record AssessmentPeriod(LocalDate start, LocalDate end) {
    /**
     * About how many periods have their months and quarters kept (a few years' in practice; two threads may both
     * add one past the limit); the months and quarters of any further period are worked out at every call.
     */
    private static final int KEPT = 256;
    private static final Map<AssessmentPeriod, MonthsAndQuarters> MONTHS_AND_QUARTERS = new ConcurrentHashMap<>();

    /** Validates that the period is not empty. */
    public AssessmentPeriod {
        required(start, "start");
        required(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", "must not be before start " + start + ", was " + end);
        }
    }

    /**
     * @param year a calendar year
     * @return 1 January to 31 December of that year
     */
    public static AssessmentPeriod ofYear(int year) {
        return new AssessmentPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * @param day a day
     * @return whether the day lies in the period
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** @return the year the period starts in */
    public int year() {
        return start.getYear();
    }

    /** @return the months the period touches, in order */
    public List<YearMonth> months() {
        return monthsAndQuarters().months();
    }

    /** @return the calendar quarters (1 to 4) of the period's first year that the period touches */
    public List<Integer> quarters() {
        return monthsAndQuarters().quarters();
    }

    /** The months and quarters of a period, worked out once per period rather than at every rule that asks. */
    private record MonthsAndQuarters(List<YearMonth> months, List<Integer> quarters) {
        static MonthsAndQuarters of(AssessmentPeriod period) {
            List<YearMonth> months = new ArrayList<>();
            for (YearMonth m = YearMonth.from(period.start); !m.isAfter(YearMonth.from(period.end)); m = m.plusMonths(1)) {
                months.add(m);
            }
            List<Integer> quarters = new ArrayList<>();
            for (YearMonth m : months) {
                int q = quarterOf(m);
                if (m.getYear() == period.year() && !quarters.contains(q)) {
                    quarters.add(q);
                }
            }
            return new MonthsAndQuarters(List.copyOf(months), List.copyOf(quarters));
        }
    }

    private MonthsAndQuarters monthsAndQuarters() {
        MonthsAndQuarters found = MONTHS_AND_QUARTERS.get(this);
        if (found == null) {
            found = MonthsAndQuarters.of(this);
            if (MONTHS_AND_QUARTERS.size() < KEPT) {
                MONTHS_AND_QUARTERS.putIfAbsent(this, found);
            }
        }
        return found;
    }

    /**
     * A day fixed relative to a quarter, as rubrics set deadlines: "每季度第3个月的25日" is
     * {@code quarterDay(q, 3, 25)}; "每季次月5日" (the 5th of the month after the quarter) is
     * {@code quarterDay(q, 4, 5)}.
     *
     * @param quarter quarter of the period's year, 1 to 4
     * @param monthOfQuarter month counted from the quarter's first month, 1 to 4 (4 is the month after)
     * @param day day of that month
     * @return the date
     * @throws IllegalArgumentException if the quarter or the month of the quarter is not 1 to 4
     * @throws java.time.DateTimeException if the month has no such day
     */
    public LocalDate quarterDay(int quarter, int monthOfQuarter, int day) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4, was " + quarter);
        }
        if (monthOfQuarter < 1 || monthOfQuarter > 4) {
            throw new IllegalArgumentException("monthOfQuarter must be 1 to 4, was " + monthOfQuarter);
        }
        return YearMonth.of(year(), 1).plusMonths((quarter - 1) * 3L + monthOfQuarter - 1).atDay(day);
    }

    /**
     * @param month a month
     * @return its calendar quarter, 1 to 4
     */
    public static int quarterOf(YearMonth month) {
        return quarterOfMonth(month.getMonthValue());
    }

    /**
     * @param day a day
     * @return its calendar quarter, 1 to 4
     */
    public static int quarterOf(LocalDate day) {
        return quarterOfMonth(day.getMonthValue());
    }

    private static int quarterOfMonth(int month) {
        return (month - 1) / 3 + 1;
    }
}
