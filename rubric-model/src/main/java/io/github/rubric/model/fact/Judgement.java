package io.github.rubric.model.fact;

import java.math.BigDecimal;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.text;

/**
 * An assessor's judgement on one item: a grade (较好 / 一般) for a graded item, or points for a discretionary
 * item (酌情评分). The engine checks it against the item it names.
 *
 * @param id identifier
 * @param item the item's id in the rubric
 * @param grade the grade, for a graded item
 * @param points the points, for a discretionary item
 * @param note the assessor's reasons
 * @param assessor who judged, if recorded
 */
public record Judgement(String id, String item, String grade, BigDecimal points, String note, String assessor)
        implements Fact {

    /** Validates the fields. */
    public Judgement {
        text(id, "id");
        text(item, "item");
        notNegative(points, "points");
    }

    @Override
    public String describe() {
        // A judgement with neither grade nor points is a valid record: the engine rejects it against its item,
        // and describes every fact before it gets there.
        String judged = grade != null ? "：" + grade : points != null ? "：" + points.toPlainString() + "分" : "";
        return "评定第" + item + "项" + judged + (note == null ? "" : "（" + note + "）");
    }
}
