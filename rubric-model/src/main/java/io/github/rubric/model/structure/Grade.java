package io.github.rubric.model.structure;

import java.math.BigDecimal;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A quality level an assessor may record for a graded item, with the points it earns (较好 5 分, 一般 2 分).
 *
 * @param name the grade as the rubric writes it
 * @param points points earned
 */
public record Grade(String name, BigDecimal points) {
    /** Validates the fields. */
    public Grade {
        text(name, "name");
        notNegative(required(points, "points"), "points");
    }
}
