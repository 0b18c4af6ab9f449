package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * The score of one item and everything behind it.
 *
 * @param id the item's id
 * @param title the item's short name
 * @param maxPoints the item's maximum
 * @param basis the points the item started from: its maximum, the grade's points or the assessor's points
 * @param basisNote how the basis was set ("满分", "评定等次：较好", "酌情评分")
 * @param score the points scored, within {@code [0, maxPoints]}
 * @param deductions the deductions, in a stable order
 * @param findings the findings, in a stable order
 * @param exemptions the exemptions applied, in a stable order
 * @param note how the score follows from the entries when that is not plain subtraction (floor, zeroing,
 *     exhausted section); empty otherwise
 */
public record ItemScore(
        String id,
        String title,
        BigDecimal maxPoints,
        BigDecimal basis,
        String basisNote,
        BigDecimal score,
        List<Deduction> deductions,
        List<Finding> findings,
        List<Exemption> exemptions,
        String note) {

    /** Validates the fields. */
    public ItemScore {
        text(id, "id");
        text(title, "title");
        required(maxPoints, "maxPoints");
        required(basis, "basis");
        required(basisNote, "basisNote");
        required(score, "score");
        deductions = copy(deductions);
        findings = copy(findings);
        exemptions = copy(exemptions);
        note = note == null ? "" : note;
    }
}
