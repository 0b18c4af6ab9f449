package io.github.rubric.model.structure;

import io.github.rubric.model.InvalidValueException;
import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * How the rounds of an assessment (自查, 复查, 专项督查, 年终综合考评) combine into one result, as a rubric's
 * header declares it:
 *
 * <pre>{@code
 * rounds: { combine: weighted, weights: { INSPECTION: 0.3, ANNUAL: 0.7 }, accumulate: [INSPECTION], bonusRound: ANNUAL }
 * }</pre>
 *
 * <p>Each round is scored with the same rubric. A round listed in {@code accumulate} may be held several times
 * (专项督查 during the year): the points every one of its assessments deducted add up against the rubric's
 * total, floored at 0, and that is the round's score. Any other round is given exactly once, and its score is
 * its scorecard's. The combined total is the sum of weight × round score, rounded once by {@link Points#round}.
 *
 * <p>When {@code bonusRound} is set, rounds are combined on their totals before bonus, and the bonuses claimed
 * in that round count once, on the combined total, under the rubric's {@link BonusPolicy} (its threshold then
 * applies to the combined total). When it is absent, each round's own total (bonus included) is weighted.
 *
 * @param combine how rounds combine; {@value #WEIGHTED} is the only combination
 * @param weights each round's weight, in the order of {@link Round}; each above 0 and together exactly 1
 * @param accumulate the rounds that may be held several times, their deductions adding up; may be empty
 * @param bonusRound the round whose bonuses count on the combined total, or absent to weight each round's own
 *     total
 */
public record RoundPolicy(String combine, Map<Round, BigDecimal> weights, List<Round> accumulate, Round bonusRound) {
    /** The weighted combination: the sum of each round's weight times its score. */
    public static final String WEIGHTED = "weighted";

    /** Validates the fields: a known combination, weights above 0 that add up to 1, rounds that are weighted. */
    public RoundPolicy {
        required(combine, "combine");
        if (!WEIGHTED.equals(combine)) {
            throw new InvalidValueException("combine", "unknown combination '" + combine + "'; expected " + WEIGHTED);
        }
        required(weights, "weights");
        if (weights.isEmpty()) {
            throw new InvalidValueException("weights", "must give at least one round's weight, such as { SELF: 0.3, REVIEW: 0.7 }");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Round, BigDecimal> weight : weights.entrySet()) {
            required(weight.getKey(), "weights");
            BigDecimal w = required(weight.getValue(), "weights." + weight.getKey());
            if (w.signum() <= 0 || w.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidValueException("weights." + weight.getKey(),
                        "must be above 0 and at most 1, was " + w.toPlainString());
            }
            sum = sum.add(w);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new InvalidValueException("weights", "must add up to 1, but add up to " + Points.format(sum));
        }
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        accumulate = copy(accumulate);
        List<Round> seen = new ArrayList<>();
        for (Round round : accumulate) {
            required(round, "accumulate");
            if (seen.contains(round)) {
                throw new InvalidValueException("accumulate", "lists " + round + " twice");
            }
            seen.add(round);
            if (!weights.containsKey(round)) {
                throw new InvalidValueException("accumulate", "lists " + round + ", which has no weight; weighted rounds: "
                        + weights.keySet());
            }
        }
        if (bonusRound != null) {
            if (!weights.containsKey(bonusRound)) {
                throw new InvalidValueException("bonusRound", bonusRound + " has no weight; weighted rounds: "
                        + weights.keySet());
            }
            if (accumulate.contains(bonusRound)) {
                throw new InvalidValueException("bonusRound", bonusRound
                        + " is accumulated; bonuses count from a round that is held once");
            }
        }
    }

    /**
     * @param round a round
     * @return whether the rubric combines that round
     */
    public boolean declares(Round round) {
        return weights.containsKey(round);
    }

    /**
     * @param round a round
     * @return whether that round may be held several times, its deductions adding up
     */
    public boolean accumulates(Round round) {
        return accumulate.contains(round);
    }

    /**
     * @param round a weighted round
     * @return its weight
     * @throws IllegalArgumentException if the round has no weight
     */
    public BigDecimal weight(Round round) {
        BigDecimal weight = weights.get(round);
        if (weight == null) {
            throw new IllegalArgumentException("round " + round + " has no weight; weighted rounds: " + weights.keySet());
        }
        return weight;
    }
}
