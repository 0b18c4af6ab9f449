package io.github.rubric.model.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * The result of scoring one subject in several rounds of the same rubric (自查 and 复查, or 专项督查 and 年终综合考评)
 * and combining them as the rubric's header declares.
 *
 * @param rubric the rubric that produced it
 * @param subject who was assessed
 * @param periodStart first day of the period
 * @param periodEnd last day of the period
 * @param rounds each round's scorecards, score, weight and weighted part, in the order of the rounds
 * @param weightedTotal the sum of the rounds' weighted parts, rounded once to 2 places, half up
 * @param bonusTotal the bonus points that count on the combined total; 0 unless the rubric names a bonus round
 * @param total {@code weightedTotal} plus {@code bonusTotal}
 * @param passed whether the total reaches the pass line and no round's veto failed it; absent when the rubric has
 *     no pass line
 * @param grade the grade band of the total, or empty when the rubric declares none
 * @param bonuses the bonuses of the bonus round, as they count on the combined total
 * @param vetoes the vetoes of every round
 * @param comparison the self-assessment set against the review, item by item, in the rubric's order; empty unless
 *     the rubric combines {@code SELF} and {@code REVIEW}
 */
public record CombinedScorecard(
        RubricRef rubric,
        SubjectRef subject,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<RoundScore> rounds,
        BigDecimal weightedTotal,
        BigDecimal bonusTotal,
        BigDecimal total,
        Boolean passed,
        String grade,
        List<Bonus> bonuses,
        List<Veto> vetoes,
        List<ItemComparison> comparison) {

    /** Validates the fields. */
    public CombinedScorecard {
        required(rubric, "rubric");
        required(subject, "subject");
        required(periodStart, "periodStart");
        required(periodEnd, "periodEnd");
        rounds = copy(rounds);
        required(weightedTotal, "weightedTotal");
        required(bonusTotal, "bonusTotal");
        required(total, "total");
        grade = grade == null ? "" : grade;
        bonuses = copy(bonuses);
        vetoes = copy(vetoes);
        comparison = copy(comparison);
    }

    /**
     * @param round a round's name, such as {@code REVIEW}
     * @return that round's part, if the rubric combines it
     */
    public Optional<RoundScore> round(String round) {
        return rounds.stream().filter(r -> r.round().equals(round)).findFirst();
    }

    /**
     * @param itemId an item's id
     * @return the item's self-assessment against review, if compared
     */
    public Optional<ItemComparison> compared(String itemId) {
        return comparison.stream().filter(c -> c.item().equals(itemId)).findFirst();
    }
}
