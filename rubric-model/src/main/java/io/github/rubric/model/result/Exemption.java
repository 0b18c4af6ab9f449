package io.github.rubric.model.result;

import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.text;

/**
 * A criterion that fired but did not count, because the rubric exempts this subject from it
 * ("嵯岗、罕达盖除外").
 *
 * @param rule the rule's name
 * @param item the item's id
 * @param reason the deduction or finding that would have applied
 * @param exemption why the subject is exempt
 * @param evidence the facts it rested on
 */
public record Exemption(String rule, String item, String reason, String exemption, List<Evidence> evidence) {
    /** Validates the fields. */
    public Exemption {
        text(rule, "rule");
        text(item, "item");
        text(reason, "reason");
        text(exemption, "exemption");
        evidence = copy(evidence);
    }
}
