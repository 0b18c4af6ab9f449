package io.github.rubric.model.fact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A member's payment of party dues to the organisation (收缴) for one month.
 *
 * @param id identifier
 * @param member member's name
 * @param month month the dues are for
 * @param due amount due, in yuan
 * @param paid amount paid, in yuan
 * @param date day paid
 */
public record DuesPayment(String id, String member, YearMonth month, BigDecimal due, BigDecimal paid, LocalDate date)
        implements Dated {

    /** Validates the fields. */
    public DuesPayment {
        text(id, "id");
        text(member, "member");
        required(month, "month");
        required(due, "due");
        required(paid, "paid");
        required(date, "date");
        notNegative(due, "due");
        notNegative(paid, "paid");
    }

    /** @return whether less than the amount due was paid (不足额) */
    public boolean isUnderpaid() {
        return paid.compareTo(due) < 0;
    }

    @Override
    public String describe() {
        return member + " " + month + " 党费 应缴" + due.toPlainString() + "元 实缴" + paid.toPlainString() + "元";
    }
}
