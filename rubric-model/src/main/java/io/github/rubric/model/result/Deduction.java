package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * Points taken from an item (扣分), or the item zeroed (不得分), by one rule firing.
 *
 * @param rule the rule's name
 * @param item the item's id
 * @param points the points the criterion takes; for a zeroing, the item's maximum. What the item actually
 *     loses may be less when the item is already exhausted: see {@link ItemScore#note()}
 * @param zeroes whether the criterion zeroes the item (不得分)
 * @param reason the reason in the rubric's language, with the actual figures
 * @param evidence the facts it rests on
 */
public record Deduction(String rule, String item, BigDecimal points, boolean zeroes, String reason, List<Evidence> evidence) {
    /** Validates the fields. */
    public Deduction {
        text(rule, "rule");
        text(item, "item");
        notNegative(required(points, "points"), "points");
        text(reason, "reason");
        evidence = copy(evidence);
    }
}
