package io.github.rubric.model.structure;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A section (栏目) grouping items.
 *
 * <p>In an ordinary section the items' maxima add up to the section's. In a <em>pooled</em> section every
 * criterion may take points from the whole section ("未完成生产经营任务扣20分" in a 20-point section): the items'
 * deductions are summed against the section's points and the section never goes below zero (直至扣完).
 *
 * @param id the section's id
 * @param title the section's name
 * @param maxPoints the section's points
 * @param pooled whether the items share the section's points
 * @param items the items, in the rubric's order
 */
public record Section(String id, String title, BigDecimal maxPoints, boolean pooled, List<Item> items) {
    /** Validates the fields. */
    public Section {
        text(id, "id");
        text(title, "title");
        notNegative(required(maxPoints, "maxPoints"), "maxPoints");
        items = copy(items);
    }
}
