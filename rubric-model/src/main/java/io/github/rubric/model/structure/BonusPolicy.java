package io.github.rubric.model.structure;

import java.math.BigDecimal;

import static io.github.rubric.model.Checks.notNegative;

/**
 * How bonus points (加分) count. Within one achievement only the highest bonus counts (就高不就低); different
 * achievements add up, to at most {@code cap}.
 *
 * @param cap most bonus points in all, or absent for no cap
 * @param minimumTotal the total before bonus a subject needs to earn any bonus, or absent
 */
public record BonusPolicy(BigDecimal cap, BigDecimal minimumTotal) {
    /** No cap and no threshold. */
    public static final BonusPolicy UNCAPPED = new BonusPolicy(null, null);

    /** Validates the fields. */
    public BonusPolicy {
        notNegative(cap, "cap");
        notNegative(minimumTotal, "minimumTotal");
    }
}
