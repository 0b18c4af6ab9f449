package io.github.rubric.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written scorers the benchmark compares the engine with must give exactly the engine's scorecards; a
 * divergence would make the benchmark's ratio meaningless, so it fails the build.
 */
class PlainScorerMatchesEngineTest {
    static Stream<Arguments> rubricsAndSizes() {
        return BenchRubric.all().stream().flatMap(r -> Stream.of(
                Arguments.of(r.name(), 50, 150), Arguments.of(r.name(), 200, 150), Arguments.of(r.name(), 1000, 20),
                Arguments.of(r.name(), 5000, 3)));
    }

    @ParameterizedTest(name = "{0}, {1} facts per subject, {2} subjects")
    @MethodSource("rubricsAndSizes")
    void theHandWrittenScorerGivesTheEnginesScorecardOnEveryGeneratedSubject(String name, int facts, int subjects) {
        // GIVEN
        BenchRubric bench = BenchRubric.named(name);
        Rubric rubric = Rubric.fromClasspath(bench.resource());
        SubjectGenerator generator = bench.generator(rubric, 7);
        PlainScorer plain = bench.plainScorer(rubric);

        for (int i = 0; i < subjects; i++) {
            FactSet subject = generator.generate(i, facts);
            // WHEN
            Scorecard engine = rubric.score(subject);
            Scorecard byHand = plain.score(subject);
            // THEN
            assertThat(subject.facts()).hasSize(facts);
            assertThat(Scorecards.toJson(byHand)).as("subject %d of %d facts", i, facts).isEqualTo(Scorecards.toJson(engine));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyRuleOfTheRubricFiresOnSomeGeneratedSubjects(String name) {
        // GIVEN
        BenchRubric bench = BenchRubric.named(name);
        Rubric rubric = Rubric.fromClasspath(bench.resource());
        SubjectGenerator generator = bench.generator(rubric, 7);
        Set<String> unfired = new TreeSet<>(rubric.ruleNames());

        // WHEN
        for (int i = 0; i < 200 && !unfired.isEmpty(); i++) {
            unfired.removeAll(rubric.evaluate(generator.generate(i, 200)).fired());
        }

        // THEN
        assertThat(unfired).as("rules of %s that no generated subject fired (of %d rules)", name, rubric.ruleNames().size())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theSameSeedGivesTheSameSubjects(String name) {
        // GIVEN
        BenchRubric bench = BenchRubric.named(name);
        Rubric rubric = Rubric.fromClasspath(bench.resource());
        // WHEN
        FactSet first = bench.generator(rubric, 42).generate(3, 200);
        FactSet second = bench.generator(rubric, 42).generate(3, 200);
        // THEN
        assertThat(Scorecards.toJson(rubric.score(first))).isEqualTo(Scorecards.toJson(rubric.score(second)));
        assertThat(first.facts().stream().map(Object::toString).toList())
                .isEqualTo(second.facts().stream().map(Object::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void oneRubricScoringOnManyThreadsAtOnceGivesEachSubjectItsOwnScorecard(String name) throws Exception {
        // GIVEN
        BenchRubric bench = BenchRubric.named(name);
        Rubric rubric = Rubric.fromClasspath(bench.resource());
        PlainScorer plain = bench.plainScorer(rubric);
        List<FactSet> subjects = new ArrayList<>();
        SubjectGenerator generator = bench.generator(rubric, 11);
        for (int i = 0; i < 120; i++) {
            subjects.add(generator.generate(i, i % 3 == 0 ? 50 : 200));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // WHEN
            List<Future<String>> engine = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (FactSet subject : subjects) {
                    engine.add(pool.submit(() -> Scorecards.toJson(rubric.score(subject))));
                }
            }
            // THEN
            for (int i = 0; i < engine.size(); i++) {
                FactSet subject = subjects.get(i % subjects.size());
                assertThat(engine.get(i).get()).as(subject.source()).isEqualTo(Scorecards.toJson(plain.score(subject)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<String> names() {
        return BenchRubric.all().stream().map(BenchRubric::name);
    }
}
