package io.github.rubric.model.fact;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.time.LocalDate;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * The organisation's remittance of collected dues to the higher-level committee (上交) for one quarter.
 *
 * @param id identifier
 * @param quarter quarter of the assessed year the remittance is for, 1 to 4
 * @param amount amount remitted, in yuan, if recorded
 * @param due amount that should have been remitted, if recorded
 * @param date day remitted (the receipt's date)
 */
public record DuesRemittance(String id, int quarter, BigDecimal amount, BigDecimal due, LocalDate date)
        implements Dated {

    /** Validates the fields. */
    public DuesRemittance {
        text(id, "id");
        if (quarter < 1 || quarter > 4) {
            throw new InvalidValueException("quarter", "must be 1 to 4, was " + quarter);
        }
        notNegative(amount, "amount");
        notNegative(due, "due");
        required(date, "date");
    }

    /** @return whether both amounts are recorded and less than due was remitted */
    public boolean isUnderpaid() {
        return amount != null && due != null && amount.compareTo(due) < 0;
    }

    /** A fourth-quarter remittance is made after the year ends: up to three months after the period. */
    @Override
    public int monthsAllowedAfterPeriod() {
        return 3;
    }

    @Override
    public String describe() {
        return "第" + quarter + "季度党费 " + date + "上交";
    }
}
