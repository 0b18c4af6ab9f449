package io.github.rubric.rules;

import io.github.rubric.model.result.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * One criterion (rule) as the engine checked it in one evaluation: how often it fired and which facts its
 * conditions examined. A criterion that did not fire is why an item kept its points ("why not?"): the rule's
 * name states the criterion, the examined facts show what it was checked against.
 *
 * <p>The examined facts are, for a pattern inside {@code not}, {@code exists}, {@code collect} or
 * {@code accumulate}, the facts of its type that pass its own single-fact tests (such as
 * {@code type == MeetingType.GENERAL_MEETING}): those counted, or whose presence met the criterion; for a
 * pattern standing on its own, every fact of its type (the rule fires on those that match, so when it did not
 * fire, none did). Tests that compare with other facts (a deadline from the period, say) are not applied, so a
 * rule may list more facts than it finally counted.
 *
 * @param rule the rule's name, which states the criterion
 * @param item the item the rule scores, or {@code null} for a bonus rule
 * @param line the rule's line in the rubric file, 0 when unknown
 * @param firings how many times the rule fired
 * @param examined the facts the rule's conditions examined, in file order
 */
public record Check(String rule, String item, int line, int firings, List<Evidence> examined) {
    /** Validates the fields. */
    public Check {
        Objects.requireNonNull(rule, "rule must not be null");
        if (firings < 0) {
            throw new IllegalArgumentException("firings must not be negative, was " + firings);
        }
        examined = List.copyOf(examined);
    }

    /** @return whether the rule fired at least once */
    public boolean fired() {
        return firings > 0;
    }
}
