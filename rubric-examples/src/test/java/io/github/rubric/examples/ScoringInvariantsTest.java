package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.batch.Batch;
import io.github.rubric.rules.batch.BatchResult;
import io.github.rubric.rules.Scorecards;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test over generated facts, for every bundled rubric (see {@link BundledRubrics}): item and section
 * scores stay within their maxima, totals add up, every lost point is explained by a deduction, the JSON
 * round trip is exact, the same facts give the same scorecard, and explaining a score gives the same scorecard. The generator is seeded: a failure names
 * the seed and case, and the same run reproduces it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ScoringInvariantsTest {
    /** Change to explore other inputs; failures print the seed they ran with. */
    private static final long SEED = 20_240_000L;
    private static final int CASES = 150;

    static List<String> rubrics() {
        return ExampleFiles.all();
    }

    @Test
    void findsTheBundledRubrics() {
        // GIVEN / WHEN / THEN
        assertThat(rubrics()).contains("io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rubrics")
    void holdsForGeneratedFacts(String resource) {
        // GIVEN
        Rubric rubric = Rubric.fromClasspath(resource);
        long seed = SEED + resource.hashCode();
        RandomFacts generator = new RandomFacts(rubric, seed);

        for (int i = 0; i < CASES; i++) {
            String json = generator.next();
            String context = resource + " with seed " + seed + ", case " + i + ": " + json;
            FactSet facts = rubric.readFacts("random-" + i + ".json", json);

            // WHEN
            Scorecard card = rubric.score(facts);

            // THEN
            ScorecardInvariants.check(rubric.definition(), card, context);
            assertThat(Scorecards.toJson(rubric.score(facts))).as(context + ": scoring again").isEqualTo(Scorecards.toJson(card));
            // scoring leaves out facts no rule can match and skips the session's object store; explaining inserts
            // every fact the plain way: both must come to the same scorecard
            assertThat(Scorecards.toJson(rubric.evaluate(facts).scorecard())).as(context + ": explained")
                    .isEqualTo(Scorecards.toJson(card));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rubrics")
    void holdsForTheExampleFacts(String resource) {
        // GIVEN
        Rubric rubric = Rubric.fromClasspath(resource);

        for (Path file : ExampleFiles.exampleFacts(resource)) {
            // WHEN scored as a batch, which reads facts files and many-subjects files alike
            BatchResult result = Batch.of(rubric).threads(1).score(List.of(file));

            // THEN
            assertThat(result.failures()).as(resource + " with " + file.getFileName()).isEmpty();
            for (Scorecard card : result.scorecards()) {
                ScorecardInvariants.check(rubric.definition(), card, resource + " with " + file.getFileName());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rubrics")
    void passesSafeMode(String resource) throws Exception {
        // GIVEN a bundled rubric, read as text as if an outside author had sent it
        String text;
        try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        // WHEN
        Rubric untrusted = Rubric.fromString(resource, text);

        // THEN
        assertThat(untrusted.ruleNames()).isEqualTo(Rubric.fromClasspath(resource).ruleNames());
    }
}
