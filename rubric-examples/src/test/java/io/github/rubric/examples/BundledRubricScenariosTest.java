package io.github.rubric.examples;

import io.github.rubric.test.RubricScenarios;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Runs the scenario files of every bundled rubric: one test per scenario, grouped by rubric. */
class BundledRubricScenariosTest {

    @TestFactory
    Stream<DynamicContainer> every_scenario_of_every_bundled_rubric_scores_as_expected() {
        return Arrays.stream(BundledRubrics.values()).map(bundled -> DynamicContainer.dynamicContainer(
                bundled.name() + " (" + bundled.scenarios() + ")",
                RubricScenarios.from(bundled.rubric(), bundled.scenarios())));
    }
}
