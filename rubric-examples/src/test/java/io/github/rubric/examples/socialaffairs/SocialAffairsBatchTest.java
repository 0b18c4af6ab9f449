package io.github.rubric.examples.socialaffairs;

import io.github.rubric.model.fact.Round;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.batch.Batch;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.batch.Ranking;
import io.github.rubric.rules.batch.Standing;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The bundled batch of branches for seed 000, as the README shows it. */
class SocialAffairsBatchTest {
    private static final String BASE = "io/github/rubric/examples/socialaffairs/";

    private static Rubric rubric;

    @BeforeAll
    static void load() {
        rubric = Rubric.fromClasspath(BASE + "social-affairs-bureau.drl");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(SocialAffairsBatchTest.class.getClassLoader().getResource(BASE + name).toURI());
    }

    @Test
    void ranksTheBundledBranchesWithATieAndOneBelowThePassLine() throws URISyntaxException {
        // GIVEN
        Path folder = resource("facts/batch");

        // WHEN
        BatchResult result = Batch.of(rubric).score(folder);
        Ranking ranking = Ranking.of(result);

        // THEN
        assertThat(result.complete()).isTrue();
        assertThat(result.outcomes()).hasSize(9);
        assertThat(ranking.standings())
                .extracting(Standing::rank, s -> s.subject().name(), s -> s.total().toPlainString(), s -> s.scorecard().grade())
                .containsExactly(
                        tuple(1, "办公室党支部", "100", "优秀"),
                        tuple(2, "教育科党支部", "95.5", "优秀"),
                        tuple(3, "民政科党支部", "92", "优秀"),
                        tuple(3, "人社科党支部", "92", "优秀"),
                        tuple(5, "体育科党支部", "86.5", "良好"),
                        tuple(6, "统计科党支部", "78", "合格"),
                        tuple(7, "规划科党支部", "67.5", "合格"),
                        tuple(8, "机关后勤党支部", "53.5", "不合格"));
        assertThat(ranking.passedCount()).isEqualTo(7);
        assertThat(ranking.failedCount()).isEqualTo(1);
        assertThat(ranking.standings().get(1).round(Round.SELF))
                .hasValueSatisfying(self -> assertThat(self.total()).isEqualByComparingTo("98.5"));
        assertThat(ranking.averageTotal()).hasValueSatisfying(avg -> assertThat(avg).isEqualByComparingTo("83.13"));
    }

    @Test
    void scoresEverySubjectOfTheBundledManySubjectsFile() throws URISyntaxException {
        // GIVEN
        Path file = resource("facts/more-branches.yaml");

        // WHEN
        BatchResult result = Batch.of(rubric).score(file);

        // THEN
        assertThat(result.failures()).isEmpty();
        assertThat(result.scorecards()).extracting(c -> c.subject().name(), c -> c.total().toPlainString())
                .containsExactly(tuple("卫生监督所党支部", "100"), tuple("疾控中心党支部", "86.5"));
        assertThat(result.scorecards()).extracting(c -> c.source())
                .containsExactly(file + "#subjects[0]", file + "#subjects[1]");
    }
}
