package io.github.rubric.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rubric.test.RuleCoverage;
import io.github.rubric.test.ScenarioFolder;
import io.github.rubric.test.ScenarioResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule of every bundled rubric must fire in at least one of its scenarios: a criterion no scenario
 * exercises is a criterion nobody has seen work. Prints each rubric's coverage during the build. Every rubric
 * file the module ships must be listed in {@link BundledRubrics}, so that none can be added without scenarios.
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

    @Test
    void every_rubric_file_the_module_ships_is_listed_with_its_scenarios() {
        // GIVEN every .drl file under io/github/rubric/examples in the module's main resources (not test data)
        List<String> shipped = ExampleFiles.bundled();

        // WHEN
        List<String> listed = Arrays.stream(BundledRubrics.values()).map(BundledRubrics::resource).toList();

        // THEN
        assertThat(shipped).as("rubric files under %s in the main resources", ExampleFiles.ROOT).isNotEmpty()
                .doesNotContain("io/github/rubric/examples/socialaffairs/social-affairs-bureau-2025.drl");
        assertThat(listed).as("BundledRubrics must list every rubric file the module ships, each with a folder of"
                + " scenarios covering all its rules").containsExactlyInAnyOrderElementsOf(shipped);
    }
}
