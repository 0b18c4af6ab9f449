package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One compiled rubric, shared by many threads, scores exactly as it does on one. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConcurrentScoringTest {
    private static final int SUBJECTS = 2_000;
    private static final int THREADS = 8;

    @Test
    void givesByteIdenticalScorecardsOnManyThreads() throws Exception {
        // GIVEN one compiled rubric and thousands of generated subjects, scored one after another
        String resource = "io/github/rubric/examples/socialaffairs/social-affairs-bureau.drl";
        Rubric rubric = Rubric.fromClasspath(resource);
        RandomFacts generator = new RandomFacts(rubric, 7L);
        List<FactSet> subjects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            subjects.add(rubric.readFacts("subject-" + i + ".json", generator.next()));
        }
        List<String> sequential = subjects.stream().map(f -> Scorecards.toJson(rubric.score(f))).toList();

        // WHEN the same subjects are scored on many threads, in a shuffled order
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(11L));
        String[] concurrent = new String[SUBJECTS];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i : order) {
                done.add(pool.submit(() -> concurrent[i] = Scorecards.toJson(rubric.score(subjects.get(i)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        // THEN
        assertThat(List.of(concurrent)).isEqualTo(sequential);
        assertThat(sequential.stream().distinct().count()).as("the subjects differ").isGreaterThan(SUBJECTS / 2);
    }
}
