package io.github.rubric.model.structure;

import java.math.BigDecimal;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A band of totals with a name (优秀 90 分以上): a total at or above {@code min} and below the next band up
 * falls in it.
 *
 * @param name the band's name
 * @param min the lowest total in the band, inclusive
 */
public record GradeBand(String name, BigDecimal min) {
    /** Validates the fields. */
    public GradeBand {
        text(name, "name");
        required(min, "min");
    }
}
