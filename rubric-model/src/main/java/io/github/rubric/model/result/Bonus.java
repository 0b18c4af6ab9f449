package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * Bonus points (加分) claimed by one rule for one achievement.
 *
 * @param rule the rule's name
 * @param achievement the achievement; of several bonuses for one achievement only the highest counts
 * @param points the points the criterion awards
 * @param counted the points that count after 就高不就低, the pool's cap and its threshold
 * @param reason the reason in the rubric's language
 * @param note why fewer points count than were awarded, or empty
 * @param evidence the facts it rests on
 */
public record Bonus(
        String rule, String achievement, BigDecimal points, BigDecimal counted, String reason, String note,
        List<Evidence> evidence) {
    /** Validates the fields. */
    public Bonus {
        text(rule, "rule");
        text(achievement, "achievement");
        notNegative(required(points, "points"), "points");
        notNegative(required(counted, "counted"), "counted");
        text(reason, "reason");
        note = note == null ? "" : note;
        evidence = copy(evidence);
    }
}
