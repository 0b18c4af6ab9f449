package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * The score of one section.
 *
 * @param id the section's id
 * @param title the section's name
 * @param maxPoints the section's points
 * @param score the points scored, within {@code [0, maxPoints]}
 * @param items the items' scores, in the rubric's order
 * @param note how the score follows from the items when that is not their sum (pooled section, veto); empty
 *     otherwise
 */
public record SectionScore(
        String id, String title, BigDecimal maxPoints, BigDecimal score, List<ItemScore> items, String note) {
    /** Validates the fields. */
    public SectionScore {
        text(id, "id");
        text(title, "title");
        required(maxPoints, "maxPoints");
        required(score, "score");
        items = copy(items);
        note = note == null ? "" : note;
    }
}
