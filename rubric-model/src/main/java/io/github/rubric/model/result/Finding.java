package io.github.rubric.model.result;

import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.text;

/**
 * A compliance gap that carries no points: which requirement, which month or quarter, which evidence.
 *
 * @param rule the rule's name
 * @param item the item (requirement) it concerns
 * @param reason what is missing, in the rubric's language
 * @param evidence the facts examined
 */
public record Finding(String rule, String item, String reason, List<Evidence> evidence) {
    /** Validates the fields. */
    public Finding {
        text(rule, "rule");
        text(item, "item");
        text(reason, "reason");
        evidence = copy(evidence);
    }
}
