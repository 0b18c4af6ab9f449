package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * One item of the self-assessment (自查) set against the review (复查 / 考评): the score on each side, the
 * difference, and the deductions that explain it.
 *
 * <p>A deduction is the same on both sides when its rule, points and reason are the same (the facts it cites
 * may come from different files). Those that are not on both sides are listed: {@code selfOnly} are deductions
 * the self-assessment made and the review did not, {@code reviewOnly} the other way round.
 *
 * @param item the item's id
 * @param title the item's short name
 * @param maxPoints the item's maximum
 * @param selfScore the item's score in the self-assessment
 * @param reviewScore the item's score in the review
 * @param difference {@code reviewScore − selfScore}: negative when the review found more to deduct
 * @param selfOnly deductions only the self-assessment made
 * @param reviewOnly deductions only the review made
 * @param note what else differs: the assessor's grade or points of a graded or discretionary item; empty
 *     otherwise
 */
public record ItemComparison(
        String item,
        String title,
        BigDecimal maxPoints,
        BigDecimal selfScore,
        BigDecimal reviewScore,
        BigDecimal difference,
        List<Deduction> selfOnly,
        List<Deduction> reviewOnly,
        String note) {

    /** Validates the fields. */
    public ItemComparison {
        text(item, "item");
        text(title, "title");
        required(maxPoints, "maxPoints");
        required(selfScore, "selfScore");
        required(reviewScore, "reviewScore");
        required(difference, "difference");
        selfOnly = copy(selfOnly);
        reviewOnly = copy(reviewOnly);
        note = note == null ? "" : note;
    }

    /** @return whether the two sides differ in score, in deductions or in the assessor's judgement */
    public boolean differs() {
        return difference.signum() != 0 || !selfOnly.isEmpty() || !reviewOnly.isEmpty() || !note.isEmpty();
    }
}
