package io.github.rubric.rules.batch;

import io.github.rubric.model.Points;
import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.structure.GradeBand;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static io.github.rubric.model.Checks.text;

/**
 * The results of a batch as a committee publishes them (排名, 公示): subjects ranked by total, pass and fail
 * counts, grade band counts, the distribution of totals, and average scores per section and per item.
 *
 * <p>Each subject (by id and period) is ranked once, on its committee round: {@code ANNUAL}, else
 * {@code REVIEW}, else {@code INSPECTION}, else {@code SELF}; its other rounds stay beside it in its
 * {@link Standing}. Equal totals share a rank and are listed by subject id. Every count and average is over the
 * ranked scorecards. Points stay exact; averages are rounded once with {@link Points#round(BigDecimal)}.
 */
public final class Ranking {
    /** The width of a bin of the distribution of totals. */
    public static final BigDecimal BIN_WIDTH = BigDecimal.TEN;

    /** Rounds from the committee's final word down to the subject's own. */
    private static final List<Round> PRECEDENCE = List.of(Round.ANNUAL, Round.REVIEW, Round.INSPECTION, Round.SELF);

    /**
     * How many ranked subjects fell in a band of grades.
     *
     * @param name the band's name
     * @param min the band's lowest total
     * @param count how many ranked subjects have that grade
     */
    public record GradeCount(String name, BigDecimal min, int count) {
        /** Validates the fields. */
        public GradeCount {
            text(name, "name");
            Objects.requireNonNull(min, "min must not be null");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
        }
    }

    /**
     * A bin of the distribution of totals: totals from {@code from} up to {@code to}, excluding {@code to}
     * except in the last bin.
     *
     * @param from the lowest total in the bin
     * @param to the bin's upper bound
     * @param closed whether {@code to} itself falls in the bin (the last bin)
     * @param count how many ranked totals fall in it
     */
    public record Bin(BigDecimal from, BigDecimal to, boolean closed, int count) {
        /** Validates the fields. */
        public Bin {
            Objects.requireNonNull(from, "from must not be null");
            Objects.requireNonNull(to, "to must not be null");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, was " + count);
            }
        }

        /** @return the bin as a reader expects it: {@code 80–90} or, for the last, {@code 90–100} */
        public String label() {
            return Points.format(from) + "–" + Points.format(to);
        }
    }

    /**
     * The average score of a section or an item over the ranked subjects.
     *
     * @param id the section's or item's id
     * @param title its title
     * @param maxPoints its maximum
     * @param average the average score, rounded by {@link Points#round(BigDecimal)}
     */
    public record Average(String id, String title, BigDecimal maxPoints, BigDecimal average) {
        /** Validates the fields. */
        public Average {
            text(id, "id");
            text(title, "title");
            Objects.requireNonNull(maxPoints, "maxPoints must not be null");
            Objects.requireNonNull(average, "average must not be null");
        }
    }

    private final RubricDefinition definition;
    private final RubricRef rubric;
    private final List<Standing> standings;

    private Ranking(RubricDefinition definition, RubricRef rubric, List<Standing> standings) {
        this.definition = definition;
        this.rubric = rubric;
        this.standings = List.copyOf(standings);
    }

    /**
     * @param result a batch's result
     * @return its scorecards ranked
     */
    public static Ranking of(BatchResult result) {
        return of(result.definition(), result.rubric(), result.scorecards());
    }

    /**
     * Ranks scorecards of one rubric.
     *
     * @param definition the rubric's structure
     * @param rubric the rubric
     * @param scorecards the scorecards, any order; several rounds of one subject and period are grouped
     * @return the ranking
     * @throws IllegalArgumentException if a scorecard is of another rubric, or one subject, period and round
     *     appears twice
     */
    public static Ranking of(RubricDefinition definition, RubricRef rubric, List<Scorecard> scorecards) {
        Objects.requireNonNull(definition, "definition must not be null");
        Objects.requireNonNull(rubric, "rubric must not be null");
        Map<String, List<Scorecard>> bySubject = new LinkedHashMap<>();
        for (Scorecard card : scorecards) {
            if (!card.rubric().equals(rubric)) {
                throw new IllegalArgumentException("scorecard of " + card.source() + " was scored against "
                        + card.rubric().id() + " " + card.rubric().version() + ", not " + rubric.id() + " "
                        + rubric.version());
            }
            String key = card.subject().id() + "|" + card.periodStart() + "|" + card.periodEnd();
            List<Scorecard> rounds = bySubject.computeIfAbsent(key, k -> new ArrayList<>());
            for (Scorecard other : rounds) {
                if (other.round().equals(card.round())) {
                    throw new IllegalArgumentException("subject " + card.subject().id() + " has two " + card.round()
                            + " scorecards for the same period: " + other.source() + " and " + card.source());
                }
            }
            rounds.add(card);
        }
        List<Standing> unranked = new ArrayList<>();
        for (List<Scorecard> rounds : bySubject.values()) {
            rounds.sort(Comparator.comparingInt(card -> roundOrder(card.round())));
            Scorecard ranked = rounds.stream().min(Comparator.comparingInt(card -> precedence(card.round())))
                    .orElseThrow();
            unranked.add(new Standing(1, ranked, rounds));
        }
        unranked.sort(Comparator.comparing(Standing::total, Comparator.reverseOrder())
                .thenComparing(s -> s.subject().id())
                .thenComparing(s -> s.scorecard().periodStart()));
        List<Standing> standings = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Standing standing = unranked.get(i);
            int rank = i > 0 && standing.total().compareTo(unranked.get(i - 1).total()) == 0
                    ? standings.get(i - 1).rank() : i + 1;
            standings.add(new Standing(rank, standing.scorecard(), standing.rounds()));
        }
        return new Ranking(definition, rubric, standings);
    }

    private static int precedence(String round) {
        for (int i = 0; i < PRECEDENCE.size(); i++) {
            if (PRECEDENCE.get(i).name().equals(round)) {
                return i;
            }
        }
        return PRECEDENCE.size();
    }

    private static int roundOrder(String round) {
        for (Round r : Round.values()) {
            if (r.name().equals(round)) {
                return r.ordinal();
            }
        }
        return Round.values().length;
    }

    /** @return the rubric's structure */
    public RubricDefinition definition() {
        return definition;
    }

    /** @return the rubric */
    public RubricRef rubric() {
        return rubric;
    }

    /** @return the subjects, highest total first; equal totals by subject id */
    public List<Standing> standings() {
        return standings;
    }

    /** @return the ranked scorecards, in ranking order */
    public List<Scorecard> scorecards() {
        return standings.stream().map(Standing::scorecard).toList();
    }

    /** @return the rubric's pass line (合格线), if it has one */
    public Optional<BigDecimal> passLine() {
        return Optional.ofNullable(definition.passLine());
    }

    /** @return how many ranked subjects passed; 0 when the rubric has no pass line */
    public int passedCount() {
        return (int) standings.stream().filter(s -> Boolean.TRUE.equals(s.scorecard().passed())).count();
    }

    /** @return how many ranked subjects did not pass (below the pass line, or failed by a veto) */
    public int failedCount() {
        return (int) standings.stream().filter(s -> Boolean.FALSE.equals(s.scorecard().passed())).count();
    }

    /** @return how many ranked subjects fell in each grade band, in the rubric's order (highest first) */
    public List<GradeCount> grades() {
        List<GradeCount> counts = new ArrayList<>();
        for (GradeBand band : definition.gradeBands()) {
            int count = (int) standings.stream().filter(s -> s.scorecard().grade().equals(band.name())).count();
            counts.add(new GradeCount(band.name(), band.min(), count));
        }
        return counts;
    }

    /**
     * The distribution of the ranked totals in bins of {@link #BIN_WIDTH} points, from 0 up to the rubric's
     * total points (or the highest total, when bonuses take it higher): {@code [0, 10)}, {@code [10, 20)} …
     * {@code [90, 100]}, the last bin closed.
     *
     * @return the bins, lowest first, including empty ones
     */
    public List<Bin> distribution() {
        BigDecimal top = definition.totalPoints();
        for (Standing standing : standings) {
            top = top.max(standing.total());
        }
        int bins = Math.max(1, top.divide(BIN_WIDTH, 0, RoundingMode.CEILING).intValueExact());
        int[] counts = new int[bins];
        for (Standing standing : standings) {
            int bin = standing.total().divide(BIN_WIDTH, 0, RoundingMode.FLOOR).intValueExact();
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        List<Bin> distribution = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            distribution.add(new Bin(BIN_WIDTH.multiply(BigDecimal.valueOf(i)),
                    BIN_WIDTH.multiply(BigDecimal.valueOf(i + 1L)), i == bins - 1, counts[i]));
        }
        return distribution;
    }

    /** @return the average ranked total, rounded by {@link Points#round(BigDecimal)}; empty when none was ranked */
    public Optional<BigDecimal> averageTotal() {
        if (standings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(average(standings.stream().map(Standing::total).toList()));
    }

    /** @return the average score of each section, in the rubric's order; empty when none was ranked */
    public List<Average> sectionAverages() {
        if (standings.isEmpty()) {
            return List.of();
        }
        List<Average> averages = new ArrayList<>();
        for (Section section : definition.sections()) {
            List<BigDecimal> scores = standings.stream()
                    .map(s -> s.scorecard().section(section.id()).map(SectionScore::score).orElseThrow(
                            () -> new IllegalStateException("scorecard " + s.scorecard().source() + " has no section "
                                    + section.id())))
                    .toList();
            averages.add(new Average(section.id(), section.title(), section.maxPoints(), average(scores)));
        }
        return averages;
    }

    /** @return the average score of each item, in the rubric's order; empty when none was ranked */
    public List<Average> itemAverages() {
        if (standings.isEmpty()) {
            return List.of();
        }
        List<Average> averages = new ArrayList<>();
        for (Item item : definition.items().toList()) {
            List<BigDecimal> scores = standings.stream()
                    .map(s -> s.scorecard().item(item.id()).map(ItemScore::score).orElseThrow(
                            () -> new IllegalStateException("scorecard " + s.scorecard().source() + " has no item "
                                    + item.id())))
                    .toList();
            averages.add(new Average(item.id(), item.title(), item.maxPoints(), average(scores)));
        }
        return averages;
    }

    /**
     * The exact mean, rounded once: the quotient is cut (not rounded) well past {@link Points#SCALE} places, which
     * cannot change how it rounds half up to {@link Points#SCALE} places.
     */
    static BigDecimal average(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Points.round(sum.divide(BigDecimal.valueOf(values.size()), Points.SCALE + 18, RoundingMode.DOWN));
    }
}
