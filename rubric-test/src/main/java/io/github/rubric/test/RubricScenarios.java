package io.github.rubric.test;

import io.github.rubric.rules.Rubric;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Turns a folder of scenario files into JUnit 5 tests, one per scenario:
 *
 * <pre>{@code
 * class MyRubricTest {
 *     static final Rubric RUBRIC = Rubric.fromClasspath("rubrics/my-rubric.drl");
 *
 *     @TestFactory
 *     Stream<DynamicTest> scenarios() {
 *         return RubricScenarios.from(RUBRIC, "scenarios/my-rubric");
 *     }
 * }
 * }</pre>
 *
 * <p>A failing scenario's message lists each mismatch with its line in the scenario file, then expected against
 * actual per item with the deductions behind each; IDEs also get the expected and actual values for their
 * diff view. A folder with no scenario files fails at once, so a misspelt folder cannot pass silently.
 */
public final class RubricScenarios {
    private RubricScenarios() {
    }

    /**
     * Tests for a classpath folder whose scenarios each name their rubric ({@code rubric: classpath:…}).
     *
     * @param classpathFolder the folder's resource name, such as {@code scenarios/my-rubric}
     * @return one test per scenario file
     */
    public static Stream<DynamicTest> from(String classpathFolder) {
        return tests(ScenarioFolder.onClasspath(classpathFolder), null, null);
    }

    /**
     * Tests for a classpath folder of scenarios, against a rubric.
     *
     * @param rubric the rubric
     * @param classpathFolder the folder's resource name, such as {@code scenarios/my-rubric}
     * @return one test per scenario file
     */
    public static Stream<DynamicTest> from(Rubric rubric, String classpathFolder) {
        return from(rubric, classpathFolder, null);
    }

    /**
     * Tests for a classpath folder of scenarios, against a rubric, recording rule coverage.
     *
     * @param rubric the rubric
     * @param classpathFolder the folder's resource name
     * @param coverage where each scenario records the rules that fired
     * @return one test per scenario file
     */
    public static Stream<DynamicTest> from(Rubric rubric, String classpathFolder, RuleCoverage coverage) {
        Objects.requireNonNull(rubric, "rubric must not be null");
        return tests(ScenarioFolder.onClasspath(classpathFolder), rubric, coverage);
    }

    /**
     * Tests for a folder of scenarios on the file system, against a rubric.
     *
     * @param rubric the rubric
     * @param folder the folder
     * @return one test per scenario file
     */
    public static Stream<DynamicTest> from(Rubric rubric, Path folder) {
        Objects.requireNonNull(rubric, "rubric must not be null");
        return tests(ScenarioFolder.of(folder), rubric, null);
    }

    private static Stream<DynamicTest> tests(ScenarioFolder folder, Rubric rubric, RuleCoverage coverage) {
        if (folder.files().isEmpty()) {
            throw new IllegalArgumentException("no scenario files (*.yaml) in " + folder.name());
        }
        if (coverage != null && rubric != null) {
            coverage.register(rubric);
        }
        Map<String, Rubric> loaded = new ConcurrentHashMap<>();
        return folder.files().stream().map(file -> DynamicTest.dynamicTest(displayName(file), file.toUri(), () -> {
            ScenarioResult result = ScenarioFolder.run(file, rubric, coverage, loaded);
            if (result.error().isPresent()) {
                throw new AssertionFailedError(result.report(), result.error().get());
            }
            if (!result.passed()) {
                throw new AssertionFailedError(result.report(), result.expectedText(), result.actualText());
            }
        }));
    }

    private static String displayName(Path file) {
        try {
            return Scenario.read(file).displayName();
        } catch (RuntimeException e) {
            return file.getFileName().toString();
        }
    }
}
