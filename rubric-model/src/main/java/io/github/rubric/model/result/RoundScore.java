package io.github.rubric.model.result;

import io.github.rubric.model.InvalidValueException;
import java.math.BigDecimal;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * One round's part of a {@link CombinedScorecard}: its scorecards, its score and its weighted contribution.
 *
 * @param round the round ({@code SELF}, {@code REVIEW}, {@code INSPECTION}, {@code ANNUAL})
 * @param weight the round's weight, such as {@code 0.3}
 * @param scorecards the round's scorecards, in the order given: one, or several for a round whose deductions
 *     accumulate (several 专项督查 in a year)
 * @param deducted the points the round's assessments took from the rubric's total, added up
 * @param score the round's score: for one scorecard its total (before bonus when bonuses count on the combined
 *     total); for accumulated assessments the rubric's total minus {@code deducted}, floored at 0
 * @param weighted {@code weight × score}, exact; the combined total rounds their sum once
 * @param note how the score follows from the scorecards, in the rubric's language
 */
public record RoundScore(
        String round,
        BigDecimal weight,
        List<Scorecard> scorecards,
        BigDecimal deducted,
        BigDecimal score,
        BigDecimal weighted,
        String note) {

    /** Validates the fields. */
    public RoundScore {
        text(round, "round");
        notNegative(required(weight, "weight"), "weight");
        scorecards = copy(scorecards);
        if (scorecards.isEmpty()) {
            throw new InvalidValueException("scorecards", "a round needs at least one scorecard");
        }
        notNegative(required(deducted, "deducted"), "deducted");
        notNegative(required(score, "score"), "score");
        notNegative(required(weighted, "weighted"), "weighted");
        note = note == null ? "" : note;
    }
}
