package io.github.rubric.rules;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Bonus;
import io.github.rubric.model.result.CombinedScorecard;
import io.github.rubric.model.result.Deduction;
import io.github.rubric.model.result.ItemComparison;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RoundScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SubjectRef;
import io.github.rubric.model.result.Veto;
import io.github.rubric.model.result.VetoKind;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RoundPolicy;
import io.github.rubric.model.structure.RubricDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Combines the scorecards of one subject's rounds as the rubric's {@link RoundPolicy} declares: checks that the
 * facts belong together, weights the rounds, accumulates the deductions of repeated rounds, counts bonuses on the
 * combined total and sets the self-assessment against the review.
 */
final class RoundCombiner {
    private RoundCombiner() {
    }

    /**
     * Checks that the facts are one subject's rounds of this rubric: the rubric declares rounds, every facts set
     * is for a round it combines, all are for the same subject and period, a round held once is given once,
     * and every round is given.
     */
    static void check(RubricDefinition rubric, List<FactSet> facts) {
        if (facts.isEmpty()) {
            throw new IllegalArgumentException("no facts given: give one facts set per round");
        }
        RoundPolicy policy = rubric.rounds();
        if (policy == null) {
            throw new FactsException(sources(facts), 0, "round", "rubric " + rubric.id()
                    + " declares no rounds (its header has no 'rounds:'), so it scores one facts file at a time");
        }
        FactSet first = facts.get(0);
        SubjectRef subject = SubjectRef.of(first.subject());
        Map<Round, FactSet> once = new EnumMap<>(Round.class);
        for (FactSet set : facts) {
            if (!policy.declares(set.round())) {
                throw new FactsException(set.source(), 0, "round", "round " + set.round() + " ("
                        + set.round().label() + ") is not one this rubric combines; expected one of: " + describe(policy));
            }
            SubjectRef other = SubjectRef.of(set.subject());
            if (!other.equals(subject)) {
                throw new FactsException(set.source(), 0, "subject", "is " + name(other) + ", but " + first.source()
                        + " is for " + name(subject) + "; every round must be for the same subject");
            }
            if (!set.period().equals(first.period())) {
                throw new FactsException(set.source(), 0, "period", "is " + set.period().start() + " to "
                        + set.period().end() + ", but " + first.source() + " is for " + first.period().start() + " to "
                        + first.period().end() + "; every round must be for the same period");
            }
            if (!policy.accumulates(set.round())) {
                FactSet earlier = once.putIfAbsent(set.round(), set);
                if (earlier != null) {
                    throw new FactsException(set.source(), 0, "round", "round " + set.round() + " ("
                            + set.round().label() + ") is also given by " + earlier.source() + "; this rubric takes one "
                            + set.round() + " assessment" + (policy.accumulate().isEmpty() ? ""
                            : " (only " + policy.accumulate() + " may be given several times)"));
                }
            }
        }
        for (Round round : policy.weights().keySet()) {
            if (facts.stream().noneMatch(f -> f.round() == round)) {
                throw new FactsException(sources(facts), 0, "round", "no facts for round " + round + " ("
                        + round.label() + "); the rubric combines " + describe(policy));
            }
        }
    }

    /** Combines scorecards made from facts that passed {@link #check}, in the same order. */
    static CombinedScorecard combine(RubricDefinition rubric, RubricRef ref, List<FactSet> facts, List<Scorecard> cards) {
        RoundPolicy policy = rubric.rounds();
        boolean bonusOnCombined = policy.bonusRound() != null;
        List<RoundScore> rounds = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<Round, BigDecimal> entry : policy.weights().entrySet()) {
            Round round = entry.getKey();
            List<Scorecard> ofRound = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                if (facts.get(i).round() == round) {
                    ofRound.add(cards.get(i));
                }
            }
            RoundScore score = policy.accumulates(round)
                    ? accumulated(rubric, round, entry.getValue(), ofRound)
                    : single(rubric, round, entry.getValue(), ofRound.get(0), bonusOnCombined);
            rounds.add(score);
            sum = sum.add(score.weighted());
        }
        BigDecimal weightedTotal = Points.round(sum);

        List<Bonus> bonuses = List.of();
        if (bonusOnCombined) {
            Scorecard bonusCard = rounds.stream().filter(r -> r.round().equals(policy.bonusRound().name()))
                    .findFirst().orElseThrow().scorecards().get(0);
            bonuses = ScorecardBuilder.bonuses(rubric.bonus(), bonusCard.bonuses(), weightedTotal);
        }
        BigDecimal bonusTotal = Points.normalize(bonuses.stream().map(Bonus::counted).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal total = Points.normalize(weightedTotal.add(bonusTotal));

        List<Veto> vetoes = rounds.stream().flatMap(r -> r.scorecards().stream()).flatMap(c -> c.vetoes().stream()).toList();
        boolean failed = vetoes.stream().anyMatch(v -> v.kind() == VetoKind.FAIL);
        Boolean passed = rubric.passLine() == null ? null : !failed && total.compareTo(rubric.passLine()) >= 0;
        String grade = ScorecardBuilder.grade(rubric.gradeBands(), total, vetoes, failed);

        List<ItemComparison> comparison = List.of();
        if (policy.declares(Round.SELF) && policy.declares(Round.REVIEW)) {
            comparison = compare(rubric, only(rounds, Round.SELF), only(rounds, Round.REVIEW));
        }
        FactSet first = facts.get(0);
        return new CombinedScorecard(ref, SubjectRef.of(first.subject()), first.period().start(), first.period().end(),
                rounds, weightedTotal, bonusTotal, total, passed, grade, bonuses, vetoes, comparison);
    }

    private static RoundScore single(RubricDefinition rubric, Round round, BigDecimal weight, Scorecard card,
                                     boolean bonusOnCombined) {
        BigDecimal score = bonusOnCombined ? card.sectionTotal() : card.total();
        BigDecimal deducted = Points.normalize(rubric.totalPoints().subtract(card.sectionTotal()).max(BigDecimal.ZERO));
        String note = "";
        if (bonusOnCombined && card.bonusTotal().signum() > 0) {
            note = "本轮加分" + Points.format(card.bonusTotal()) + "分不计入本轮得分，在加权合计后按规定计入";
        }
        return new RoundScore(round.name(), weight, List.of(card), deducted, Points.normalize(score),
                Points.normalize(weight.multiply(score)), note);
    }

    private static RoundScore accumulated(RubricDefinition rubric, Round round, BigDecimal weight, List<Scorecard> cards) {
        BigDecimal totalPoints = rubric.totalPoints();
        BigDecimal deducted = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        for (Scorecard card : cards) {
            BigDecimal lost = totalPoints.subtract(card.sectionTotal()).max(BigDecimal.ZERO);
            deducted = deducted.add(lost);
            parts.add(card.source() + "扣" + Points.format(lost) + "分");
        }
        BigDecimal raw = totalPoints.subtract(deducted);
        BigDecimal score = raw.max(BigDecimal.ZERO);
        String note = cards.size() + "次" + round.label() + "共扣" + Points.format(deducted) + "分（"
                + String.join("，", parts) + "），" + Points.format(totalPoints) + "−" + Points.format(deducted) + "="
                + (raw.signum() < 0 ? Points.format(raw) + "，扣完为止，得0分" : Points.format(score) + "分");
        return new RoundScore(round.name(), weight, cards, Points.normalize(deducted), Points.normalize(score),
                Points.normalize(weight.multiply(score)), note);
    }

    private static Scorecard only(List<RoundScore> rounds, Round round) {
        return rounds.stream().filter(r -> r.round().equals(round.name())).findFirst().orElseThrow().scorecards().get(0);
    }

    private static List<ItemComparison> compare(RubricDefinition rubric, Scorecard self, Scorecard review) {
        List<ItemComparison> comparison = new ArrayList<>();
        for (Item item : rubric.items().toList()) {
            ItemScore s = self.item(item.id()).orElseThrow();
            ItemScore r = review.item(item.id()).orElseThrow();
            String note = "";
            if (s.basis().compareTo(r.basis()) != 0 || !s.basisNote().equals(r.basisNote())) {
                note = "自查" + s.basisNote() + "；复查" + r.basisNote();
            }
            comparison.add(new ItemComparison(item.id(), item.title(), item.maxPoints(), s.score(), r.score(),
                    Points.normalize(r.score().subtract(s.score())), missingFrom(s.deductions(), r.deductions()),
                    missingFrom(r.deductions(), s.deductions()), note));
        }
        return comparison;
    }

    /** The deductions of {@code side} that the other side does not make, each counted as often as it occurs. */
    private static List<Deduction> missingFrom(List<Deduction> side, List<Deduction> other) {
        List<String> unmatched = other.stream().map(RoundCombiner::key).collect(Collectors.toCollection(ArrayList::new));
        List<Deduction> only = new ArrayList<>();
        for (Deduction d : side) {
            if (!unmatched.remove(key(d))) {
                only.add(d);
            }
        }
        return only;
    }

    private static String key(Deduction d) {
        return d.rule() + "\u0000" + Points.format(d.points()) + "\u0000" + d.zeroes() + "\u0000" + d.reason();
    }

    private static String describe(RoundPolicy policy) {
        return policy.weights().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getKey().label() + ") "
                        + Points.format(e.getValue().movePointRight(2)) + "%")
                .collect(Collectors.joining(", "));
    }

    private static String name(SubjectRef subject) {
        return subject.name() + " (" + subject.kind() + " " + subject.id() + ")";
    }

    private static String sources(List<FactSet> facts) {
        return facts.stream().map(FactSet::source).collect(Collectors.joining(", "));
    }
}
