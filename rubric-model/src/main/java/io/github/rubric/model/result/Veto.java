package io.github.rubric.model.result;

import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A veto (一票否决): one fact that zeroes a section, caps the grade or fails the assessment.
 *
 * @param rule the rule's name
 * @param item the item whose rule vetoed
 * @param kind what the veto does
 * @param target the section zeroed or the grade band capped at; empty for a failure
 * @param reason the reason in the rubric's language
 * @param evidence the facts it rests on
 */
public record Veto(String rule, String item, VetoKind kind, String target, String reason, List<Evidence> evidence) {
    /** Validates the fields. */
    public Veto {
        text(rule, "rule");
        text(item, "item");
        required(kind, "kind");
        target = target == null ? "" : target;
        text(reason, "reason");
        evidence = copy(evidence);
    }
}
