package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.test.RuleCoverage;
import io.github.rubric.test.ScenarioFolder;
import io.github.rubric.test.ScenarioResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule of every bundled rubric must fire in at least one of its scenarios: a criterion no scenario
 * exercises is a criterion nobody has seen work. Prints each rubric's coverage during the build.
 */
class BundledRubricsCoverageTest {

    @ParameterizedTest
    @EnumSource(BundledRubrics.class)
    void every_rule_fires_in_some_scenario(BundledRubrics bundled) {
        // GIVEN
        RuleCoverage coverage = new RuleCoverage().register(bundled.rubric());

        // WHEN
        List<ScenarioResult> results = ScenarioFolder.onClasspath(bundled.scenarios()).run(bundled.rubric(), coverage);
        System.out.print(coverage.report());

        // THEN
        assertThat(results).as("scenarios of %s", bundled).isNotEmpty()
                .allSatisfy(r -> assertThat(r.error()).as(r.summary()).isEmpty());
        coverage.requireAtLeast(100);
    }
}
