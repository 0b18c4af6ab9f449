package io.github.rubric.rules.batch;

import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SubjectRef;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * One subject's place in a {@link Ranking}.
 *
 * @param rank the subject's rank: 1 plus the number of subjects with a higher total, so ties share a rank
 *     (1, 2, 2, 4)
 * @param scorecard the scorecard that is ranked: of the subject's rounds, the committee's final word
 *     ({@code ANNUAL}, else {@code REVIEW}, else {@code INSPECTION}, else {@code SELF})
 * @param rounds every scorecard of the subject for the period, one per round, in {@link Round} order
 */
public record Standing(int rank, Scorecard scorecard, List<Scorecard> rounds) {
    /** Validates the fields and copies the list. */
    public Standing {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, was " + rank);
        }
        required(scorecard, "scorecard");
        rounds = copy(rounds);
        if (!rounds.contains(scorecard)) {
            throw new IllegalArgumentException("rounds must contain the ranked scorecard");
        }
    }

    /** @return who is ranked */
    public SubjectRef subject() {
        return scorecard.subject();
    }

    /** @return the ranked total */
    public BigDecimal total() {
        return scorecard.total();
    }

    /**
     * @param round a round
     * @return the subject's scorecard for that round, if it was scored
     */
    public Optional<Scorecard> round(Round round) {
        return rounds.stream().filter(card -> card.round().equals(round.name())).findFirst();
    }
}
