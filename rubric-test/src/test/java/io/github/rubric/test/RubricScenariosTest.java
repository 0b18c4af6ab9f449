package io.github.rubric.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rubric.rules.FactsException;
import io.github.rubric.rules.Rubric;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

class RubricScenariosTest {
    static final Rubric TINY = Rubric.fromClasspath("rubrics/tiny.drl");

    @TestFactory
    Stream<DynamicTest> the_tiny_rubric_scores_its_scenarios_as_expected() {
        return RubricScenarios.from(TINY, "scenarios/tiny");
    }

    @Test
    void makes_one_test_per_scenario_file_named_by_file_and_description() {
        // WHEN
        List<DynamicTest> tests = RubricScenarios.from(TINY, "scenarios/tiny").toList();

        // THEN subfolders (facts/) are not scenarios
        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly(
                "every-expectation — 每种期望各用一次",
                "full-marks — 四次党员大会、无投诉的支部得满分",
                "vetoed-and-exempt — 特殊支部免扣投诉，但重大事故一票否决");
        assertThat(tests.get(0).getTestSourceUri()).hasValueSatisfying(uri ->
                assertThat(uri.toString()).endsWith("scenarios/tiny/every-expectation.yaml"));
    }

    @Test
    void a_failing_scenario_shows_each_mismatch_with_its_line_and_expected_against_actual_per_item() {
        // GIVEN
        DynamicTest wrong = test("scenarios/tiny-failing", "wrong — 故意写错的期望");

        // WHEN
        Throwable failure = catchThrowable(() -> wrong.getExecutable().execute());

        // THEN
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage())
                .contains("scenario wrong — 故意写错的期望 (")
                .contains("against tiny 1: 5 mismatches")
                .contains("wrong.yaml:10: total: expected 9, was 6")
                .contains("wrong.yaml:11: grade: expected 好, was 差")
                .contains("wrong.yaml:13: expected a deduction {item: 1, points: 2, reason: ~党员大会}, found none;"
                        + " the deductions of item 1:\n      -3 全年召开党员大会1次，扣3分 [meetings[0]]  ← 1 全年召开党员大会不少于4次，每少1次扣1分")
                .contains("wrong.yaml:14: expected no deduction {reason: ~窗口推诿}, found 1:\n"
                        + "      -1 群众投诉经查实：窗口推诿，扣1分 [complaints[0]]  ← 2.1 群众投诉经查实的，有1件扣1分")
                .contains("wrong.yaml:15: expected a veto {kind: FAIL}, found none; the vetoes: none")
                .contains("expected against actual, per item (✗ differs):\n"
                        + "  ✗ 1 党员大会: expected 3, was 3 of 6\n"
                        + "      -3 全年召开党员大会1次，扣3分 [meetings[0]]  ← 1 全年召开党员大会不少于4次，每少1次扣1分\n"
                        + "    2 群众投诉: 3 of 4\n")
                .contains("    total 6, passed, grade 差");
        AssertionFailedError assertion = (AssertionFailedError) failure;
        assertThat(assertion.getExpected().getStringRepresentation()).contains("total: 9", "grade: 好");
        assertThat(assertion.getActual().getStringRepresentation()).contains("total: 6", "grade: 差");
    }

    @Test
    void facts_that_cannot_be_read_fail_the_scenario_at_the_scenario_file_line() {
        // GIVEN
        DynamicTest bad = test("scenarios/tiny-failing", "bad-facts");

        // WHEN
        Throwable failure = catchThrowable(() -> bad.getExecutable().execute());

        // THEN
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining(": ERROR")
                .hasMessageContaining("bad-facts.yaml:5: meetings[0].date: ");
        assertThat(failure.getCause()).isInstanceOf(FactsException.class);
    }

    @Test
    void a_folder_without_scenario_files_fails_at_once() {
        assertThatThrownBy(() -> RubricScenarios.from(TINY, "scenarios/empty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no scenario files (*.yaml) in classpath:scenarios/empty");
        assertThatThrownBy(() -> RubricScenarios.from(TINY, "scenarios/no-such-folder"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no folder 'scenarios/no-such-folder' on the classpath");
    }

    @Test
    void without_a_rubric_each_scenario_uses_the_one_it_names() {
        // WHEN
        List<ScenarioResult> results = ScenarioFolder.onClasspath("scenarios/tiny").run(null, null);

        // THEN
        assertThat(results).extracting(ScenarioResult::summary).containsExactly(
                "ERROR every-expectation — 每种期望各用一次: " + results.get(0).file()
                        + ": rubric: the scenario names no rubric and none was given; add 'rubric: classpath:<resource>'"
                        + " (or a path relative to the scenario)",
                "ERROR full-marks — 四次党员大会、无投诉的支部得满分: " + results.get(1).file()
                        + ": rubric: the scenario names no rubric and none was given; add 'rubric: classpath:<resource>'"
                        + " (or a path relative to the scenario)",
                "PASS vetoed-and-exempt — 特殊支部免扣投诉，但重大事故一票否决");
    }

    @Test
    void records_rule_coverage_while_running() {
        // GIVEN
        RuleCoverage coverage = new RuleCoverage();

        // WHEN
        RubricScenarios.from(TINY, "scenarios/tiny", coverage).forEach(t -> {
            try {
                t.getExecutable().execute();
            } catch (Throwable e) {
                throw new AssertionError(e);
            }
        });

        // THEN
        assertThat(coverage.neverFired(TINY)).isEmpty();
        assertThat(coverage.firedIn(TINY)).containsEntry("2.3 发生重大事故的一票否决", java.util.Set.of("vetoed-and-exempt"));
    }

    private static DynamicTest test(String folder, String name) {
        return RubricScenarios.from(TINY, folder).filter(t -> t.getDisplayName().equals(name)).findFirst().orElseThrow();
    }
}
