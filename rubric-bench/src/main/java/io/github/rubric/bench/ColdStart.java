package io.github.rubric.bench;

import io.github.rubric.model.result.Scorecard;
import io.github.rubric.rules.Rubric;
import io.github.rubric.rules.Scorecards;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link Bench}: compiles a rubric cold, scores one facts file, and prints
 * {@code jvm_ms=… compile_ms=… first_score_ms=…} (JVM start to {@code main}; the rubric's compilation; the first
 * scorecard, reading the facts file included).
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * @param args the rubric on the classpath, and a facts file
     */
    public static void main(String[] args) {
        long jvm = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        Rubric rubric = Rubric.fromClasspath(args[0]);
        long t1 = System.nanoTime();
        Scorecard card = rubric.score(Path.of(args[1]));
        String json = Scorecards.toJson(card);
        long t2 = System.nanoTime();
        System.out.println("jvm_ms=" + jvm + " compile_ms=" + (t1 - t0) / 1_000_000 + " first_score_ms="
                + (t2 - t1) / 1_000_000 + " total=" + card.total() + " json_chars=" + json.length());
    }
}
