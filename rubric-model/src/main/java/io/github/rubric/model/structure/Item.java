package io.github.rubric.model.structure;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * One scored item (项目 / 指标) of a rubric.
 *
 * <p>An item is scored in one of three ways: by its rules (the default: the item starts at {@code maxPoints}
 * and rules deduct); by an assessor's grade, when {@code grades} is not empty (the item starts at the grade's
 * points); or by an assessor's points, when {@code discretionary} (酌情评分). Rules may deduct in all three.
 *
 * @param id the item's number as the rubric prints it ("3", "2.4")
 * @param title a short name
 * @param maxPoints the item's maximum (分值)
 * @param requirement what the item requires (内容与要求)
 * @param criteria the deduction criteria text (考核标准)
 * @param evidenceMethod how evidence is checked (考核方式), if stated
 * @param discretionary whether an assessor enters the points
 * @param grades the grades an assessor may record, highest first; empty for an item scored otherwise
 * @param assumption what this encoding assumed where the source is garbled or silent, if anything
 */
public record Item(
        String id,
        String title,
        BigDecimal maxPoints,
        String requirement,
        String criteria,
        String evidenceMethod,
        boolean discretionary,
        List<Grade> grades,
        String assumption) {

    /** Validates the fields. */
    public Item {
        text(id, "id");
        text(title, "title");
        notNegative(required(maxPoints, "maxPoints"), "maxPoints");
        grades = copy(grades);
        var names = new HashSet<String>();
        for (Grade grade : grades) {
            if (!names.add(grade.name())) {
                throw new InvalidValueException("grades", "grade " + grade.name() + " is declared twice");
            }
            if (grade.points().compareTo(maxPoints) > 0) {
                throw new InvalidValueException("grades", "grade " + grade.name() + " earns "
                        + grade.points().toPlainString() + " points, more than the item's " + maxPoints.toPlainString());
            }
        }
        if (discretionary && !grades.isEmpty()) {
            throw new InvalidValueException("grades", "an item is either discretionary or graded, not both");
        }
    }

    /** @return whether an assessor's grade sets the item's starting points */
    public boolean graded() {
        return !grades.isEmpty();
    }

    /** @return whether the item needs an assessor's judgement to be scored */
    public boolean needsJudgement() {
        return discretionary || graded();
    }

    /**
     * @param name a grade's name
     * @return the grade, if the item declares it
     */
    public Optional<Grade> grade(String name) {
        for (Grade grade : grades) {
            if (grade.name().equals(name)) {
                return Optional.of(grade);
            }
        }
        return Optional.empty();
    }
}
