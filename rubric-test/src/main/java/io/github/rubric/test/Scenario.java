package io.github.rubric.test;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.rules.Evaluation;
import io.github.rubric.rules.Rubric;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One scenario file: the facts of one subject, and what they must score. Read one with {@link #read(Path)}, run
 * it with {@link #run(Rubric)}; a folder of them with {@link ScenarioFolder} or, as JUnit tests,
 * {@link RubricScenarios}.
 *
 * <pre>{@code
 * description: 党建信息只报送1篇的支部
 * factsFile: facts/branch-with-shortfalls.yaml   # relative to this file, or classpath:<resource>; or inline facts:
 * expect:
 *   total: 72.5
 *   passed: true
 *   grade: 合格
 *   items:
 *     "18": { score: 1.5, deductions: [ { points: 4.5, reason: 党建信息1篇 } ] }
 *     "10": 5
 *   deductions:   [ { item: "3", points: 1, reason: 党员大会3次 } ]
 *   noDeductions: [ { item: "6" } ]
 *   noVetoes: true
 * }</pre>
 *
 * <p>See the README's "Scenario files" section for every field.
 */
public final class Scenario {
    /** The facts' text and the name its errors are reported under. */
    record Facts(String source, String text) {
    }

    private final String name;
    private final String description;
    private final Path file;
    private final String rubric;
    private final Facts facts;
    private final Expectations expect;

    Scenario(String name, String description, Path file, String rubric, Facts facts, Expectations expect) {
        this.name = Objects.requireNonNull(name, "name must not be null");
        this.description = description;
        this.file = file;
        this.rubric = rubric;
        this.facts = facts;
        this.expect = expect;
    }

    /**
     * Reads a scenario file.
     *
     * @param file a YAML scenario file
     * @return the scenario
     * @throws ScenarioException naming the file, line and field of any problem
     */
    public static Scenario read(Path file) {
        return ScenarioReader.read(file);
    }

    /** @return the scenario's name: its file name without {@code .yaml} */
    public String name() {
        return name;
    }

    /** @return the scenario's description, or empty */
    public String description() {
        return description;
    }

    /** @return the name and, if any, the description, as test reports show it */
    public String displayName() {
        return description.isEmpty() ? name : name + " — " + description;
    }

    /** @return the scenario file */
    public Path file() {
        return file;
    }

    /**
     * @return the rubric the scenario names itself ({@code rubric:}, a path relative to the scenario or
     *     {@code classpath:<resource>}), used when a runner is not given one
     */
    public Optional<String> rubric() {
        return Optional.ofNullable(rubric);
    }

    Expectations expectations() {
        return expect;
    }

    /**
     * Scores the scenario's facts against a rubric and compares the scorecard with what the scenario expects.
     * Facts that cannot be read, and rules that fail, make the result an error rather than a thrown exception.
     *
     * @param rubric the rubric
     * @return the result: passed, failed with its mismatches, or an error
     */
    public ScenarioResult run(Rubric rubric) {
        Objects.requireNonNull(rubric, "rubric must not be null");
        Evaluation evaluation;
        try {
            FactSet factSet = rubric.readFacts(facts.source(), facts.text());
            evaluation = rubric.evaluate(factSet);
        } catch (RuntimeException e) {
            return new ScenarioResult(this, rubric.ref(), null, ScenarioCheck.Outcome.NONE, e);
        }
        return new ScenarioResult(this, rubric.ref(), evaluation, ScenarioCheck.check(this, evaluation.scorecard()), null);
    }

    /**
     * Loads the rubric the scenario names.
     *
     * @return the rubric
     * @throws ScenarioException if the scenario names none
     */
    Rubric loadOwnRubric() {
        if (rubric == null) {
            throw new ScenarioException(file.toString(), 0, "rubric", "the scenario names no rubric and none was given;"
                    + " add 'rubric: classpath:<resource>' (or a path relative to the scenario)");
        }
        if (rubric.startsWith("classpath:")) {
            return Rubric.fromClasspath(rubric.substring("classpath:".length()));
        }
        return Rubric.fromFile(file.toAbsolutePath().getParent().resolve(rubric).normalize());
    }

    @Override
    public String toString() {
        return "Scenario[" + file + "]";
    }
}
