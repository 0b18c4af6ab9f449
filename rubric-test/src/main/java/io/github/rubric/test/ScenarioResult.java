package io.github.rubric.test;

import io.github.rubric.model.Points;
import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.rules.Evaluation;
import io.github.rubric.test.Expectations.ItemExpectation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of running one scenario: passed, failed (with what differed), or an error (facts that could not
 * be read, a rule that failed). {@link #report()} is the message a failing test shows: each mismatch with its
 * line in the scenario file, then expected against actual per item, with the deductions behind each.
 */
public final class ScenarioResult {
    private final Path file;
    private final Scenario scenario;
    private final RubricRef rubric;
    private final Evaluation evaluation;
    private final ScenarioCheck.Outcome outcome;
    private final RuntimeException error;

    ScenarioResult(Scenario scenario, RubricRef rubric, Evaluation evaluation, ScenarioCheck.Outcome outcome,
                   RuntimeException error) {
        this(Objects.requireNonNull(scenario, "scenario must not be null").file(), scenario, rubric, evaluation, outcome,
                error);
    }

    private ScenarioResult(Path file, Scenario scenario, RubricRef rubric, Evaluation evaluation,
                           ScenarioCheck.Outcome outcome, RuntimeException error) {
        this.file = file;
        this.scenario = scenario;
        this.rubric = rubric;
        this.evaluation = evaluation;
        this.outcome = outcome;
        this.error = error;
    }

    /**
     * @param file a scenario file that could not be read
     * @param error why
     * @return an error result for it
     */
    static ScenarioResult unreadable(Path file, RuntimeException error) {
        return new ScenarioResult(file, null, null, null, ScenarioCheck.Outcome.NONE, error);
    }

    /** @return the scenario file */
    public Path file() {
        return file;
    }

    /** @return the scenario run, absent when its file could not be read */
    public Optional<Scenario> scenario() {
        return Optional.ofNullable(scenario);
    }

    /** @return the scenario's display name, or its file name when it could not be read */
    public String name() {
        return scenario == null ? file.getFileName().toString() : scenario.displayName();
    }

    /** @return the evaluation, absent when the facts could not be scored */
    public Optional<Evaluation> evaluation() {
        return Optional.ofNullable(evaluation);
    }

    /** @return the error that stopped the scenario, if any */
    public Optional<RuntimeException> error() {
        return Optional.ofNullable(error);
    }

    /** @return whether the scorecard met every expectation */
    public boolean passed() {
        return error == null && outcome.mismatches().isEmpty();
    }

    /** @return each mismatch as {@code file:line: what was expected, what was found} */
    public List<String> mismatches() {
        return outcome.mismatches().stream().map(m -> where(m.line()) + m.message()).toList();
    }

    String expectedText() {
        return outcome.expected();
    }

    String actualText() {
        return outcome.actual();
    }

    /** @return a one-line status: {@code PASS name}, {@code FAIL name (2 mismatches)} or {@code ERROR name: …} */
    public String summary() {
        if (error != null) {
            return "ERROR " + name() + ": " + firstLine(error.getMessage());
        }
        int n = outcome.mismatches().size();
        return (n == 0 ? "PASS " : "FAIL ") + name() + (n == 0 ? "" : " (" + n + (n == 1 ? " mismatch)" : " mismatches)"));
    }

    /** @return the full report: for a failure, every mismatch and expected against actual per item */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append("scenario ").append(name()).append(" (").append(file).append(')');
        if (rubric != null) {
            out.append(" against ").append(rubric.id()).append(' ').append(rubric.version());
        }
        if (error != null) {
            out.append(": ERROR\n  ").append(String.valueOf(error.getMessage()).replace("\n", "\n  ")).append('\n');
            return out.toString();
        }
        if (passed()) {
            out.append(": passed\n");
            return out.toString();
        }
        out.append(": ").append(outcome.mismatches().size()).append(outcome.mismatches().size() == 1 ? " mismatch" : " mismatches")
                .append('\n');
        for (String m : mismatches()) {
            out.append("  ").append(m).append('\n');
        }
        out.append(perItem(evaluation.scorecard()));
        return out.toString();
    }

    private String perItem(Scorecard card) {
        StringBuilder out = new StringBuilder("expected against actual, per item (✗ differs):\n");
        List<String> untouched = new ArrayList<>();
        for (SectionScore section : card.sections()) {
            for (ItemScore item : section.items()) {
                ItemExpectation expected = scenario.expectations().items().get(item.id());
                boolean mismatch = outcome.mismatches().stream().anyMatch(m -> item.id().equals(m.item()));
                List<String> entries = Describe.entries(item, "      ");
                if (expected == null && !mismatch && entries.isEmpty()) {
                    untouched.add(item.id());
                    continue;
                }
                out.append(mismatch ? "  ✗ " : "    ").append(item.id()).append(' ').append(item.title()).append(": ");
                if (expected != null && expected.score() != null) {
                    out.append("expected ").append(Points.format(expected.score().value())).append(", was ");
                }
                out.append(Points.format(item.score())).append(" of ").append(Points.format(item.maxPoints())).append('\n');
                entries.forEach(line -> out.append(line).append('\n'));
            }
        }
        if (!untouched.isEmpty()) {
            out.append("    full score, nothing recorded: ").append(String.join(", ", untouched)).append('\n');
        }
        out.append("    total ").append(Points.format(card.total()))
                .append(card.passed() == null ? "" : card.passed() ? ", passed" : ", not passed")
                .append(card.grade().isEmpty() ? "" : ", grade " + card.grade()).append('\n');
        return out.toString();
    }

    private String where(int line) {
        return file.getFileName() + (line > 0 ? ":" + line : "") + ": ";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl) + " …";
    }

    @Override
    public String toString() {
        return summary();
    }
}
