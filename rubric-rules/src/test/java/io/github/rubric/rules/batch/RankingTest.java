package io.github.rubric.rules.batch;

import io.github.rubric.model.fact.Round;
import io.github.rubric.model.result.Scorecard;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.rubric.rules.batch.Branches.rubric;
import static io.github.rubric.rules.batch.Branches.write;
import static io.github.rubric.rules.batch.Branches.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RankingTest {
    @TempDir
    Path dir;

    private BatchResult score(String... branches) {
        // Each branch: id, general meetings, committee meetings, complaints, round.
        for (String branch : branches) {
            String[] f = branch.split(" ");
            write(dir, f[0] + "-" + f[4] + ".yaml", yaml(f[0], f[0] + "支部", Integer.parseInt(f[1]),
                    Integer.parseInt(f[2]), Integer.parseInt(f[3]), f[4]));
        }
        BatchResult result = Batch.of(rubric()).threads(2).score(dir);
        assertThat(result.failures()).isEmpty();
        return result;
    }

    @Test
    void ranksByTotalWithTiesSharingARankAndListedById() {
        // GIVEN totals d 100, b 90, c 90, a 80
        BatchResult result = score("a 4 4 2 REVIEW", "b 4 4 1 REVIEW", "c 4 4 1 REVIEW", "d 4 4 0 REVIEW");

        // WHEN
        Ranking ranking = Ranking.of(result);

        // THEN
        assertThat(ranking.standings()).extracting(s -> s.subject().id()).containsExactly("d", "b", "c", "a");
        assertThat(ranking.standings()).extracting(Standing::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranking.standings()).extracting(s -> s.total().toPlainString()).containsExactly("100", "90", "90", "80");
    }

    @Test
    void countsPassesFailuresAndGradeBandsAgainstTheRubric() {
        // GIVEN totals 100 (优秀), 90 (优秀), 60 (合格), 59 (不合格), 20 (不合格)
        BatchResult result = score("a 4 4 0 REVIEW", "b 4 4 1 REVIEW", "c 4 4 4 REVIEW", "d 4 3 4 REVIEW",
                "e 4 4 8 REVIEW");

        // WHEN
        Ranking ranking = Ranking.of(result);

        // THEN
        assertThat(ranking.passLine()).hasValueSatisfying(line -> assertThat(line).isEqualByComparingTo("60"));
        assertThat(ranking.passedCount()).isEqualTo(3);
        assertThat(ranking.failedCount()).isEqualTo(2);
        assertThat(ranking.grades()).extracting(Ranking.GradeCount::name, Ranking.GradeCount::count)
                .containsExactly(tuple("优秀", 2), tuple("合格", 1),
                        tuple("不合格", 2));
    }

    @Test
    void binsTotalsByTenPointsWithTheLastBinClosed() {
        // GIVEN totals 100, 90, 59, 57.5
        BatchResult result = score("a 4 4 0 REVIEW", "b 4 4 1 REVIEW", "c 4 3 4 REVIEW", "d 3 4 4 REVIEW");

        // WHEN
        List<Ranking.Bin> bins = Ranking.of(result).distribution();

        // THEN
        assertThat(bins).hasSize(10);
        assertThat(bins).extracting(Ranking.Bin::count).containsExactly(0, 0, 0, 0, 0, 2, 0, 0, 0, 2);
        assertThat(bins.get(9).label()).isEqualTo("90–100");
        assertThat(bins.get(9).closed()).isTrue();
        assertThat(bins.get(5).closed()).isFalse();
    }

    @Test
    void averagesSectionsItemsAndTotalsRoundedOnceHalfUp() {
        // GIVEN item 1 scores 10, 7.5, 7.5 (mean 8.333…); item 2 scores 10, 10, 9 (mean 9.666…)
        BatchResult result = score("a 4 4 0 REVIEW", "b 3 4 0 REVIEW", "c 3 3 1 REVIEW");

        // WHEN
        Ranking ranking = Ranking.of(result);

        // THEN
        assertThat(ranking.itemAverages()).extracting(a -> a.id() + "=" + a.average().toPlainString())
                .containsExactly("1=8.33", "2=9.67", "3=76.67");
        assertThat(ranking.sectionAverages()).extracting(a -> a.id() + "=" + a.average().toPlainString())
                .containsExactly("org=18", "work=76.67");
        assertThat(ranking.averageTotal()).hasValueSatisfying(avg -> assertThat(avg.toPlainString()).isEqualTo("94.67"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10 7.5 7.5 | 8.33",
        "0.01 0.02  | 0.02",
        "0.005      | 0.01",
        "1 0 0      | 0.33",
        "2 0 0      | 0.67",
        "0.5 0.5    | 0.5"})
    void roundsAnAverageOnceHalfUpToTwoPlaces(String values, String expected) {
        // GIVEN
        List<BigDecimal> points = java.util.Arrays.stream(values.trim().split(" +")).map(BigDecimal::new).toList();

        // WHEN
        BigDecimal average = Ranking.average(points);

        // THEN
        assertThat(average.toPlainString()).isEqualTo(expected);
    }

    @Test
    void ranksTheReviewRoundAndKeepsTheSelfAssessmentBesideIt() {
        // GIVEN a: self 100, review 90; b: self only, 97.5
        BatchResult result = score("a 4 4 0 SELF", "a 4 4 1 REVIEW", "b 3 4 0 SELF");

        // WHEN
        Ranking ranking = Ranking.of(result);

        // THEN
        assertThat(ranking.standings()).extracting(s -> s.subject().id(), s -> s.scorecard().round(), Standing::rank)
                .containsExactly(tuple("b", "SELF", 1),
                        tuple("a", "REVIEW", 2));
        Standing a = ranking.standings().get(1);
        assertThat(a.round(Round.SELF)).map(Scorecard::total).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("100"));
        assertThat(a.rounds()).extracting(Scorecard::round).containsExactly("SELF", "REVIEW");
        assertThat(ranking.standings().get(0).round(Round.REVIEW)).isEmpty();
    }

    @Test
    void refusesTwoScorecardsOfOneSubjectPeriodAndRound() {
        // GIVEN
        BatchResult result = score("a 4 4 0 REVIEW");
        Scorecard card = result.scorecards().get(0);

        // WHEN / THEN
        assertThatThrownBy(() -> Ranking.of(result.definition(), result.rubric(), List.of(card, card)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subject a has two REVIEW scorecards for the same period");
    }

    @Test
    void ranksNothingWithoutScorecardsAndSaysSo() {
        // GIVEN
        List<Scorecard> none = List.of();

        // WHEN
        Ranking ranking = Ranking.of(rubric().definition(), rubric().ref(), none);

        // THEN
        assertThat(ranking.standings()).isEmpty();
        assertThat(ranking.averageTotal()).isEmpty();
        assertThat(ranking.sectionAverages()).isEmpty();
        assertThat(ranking.distribution()).extracting(Ranking.Bin::count).containsOnly(0);
    }
}
