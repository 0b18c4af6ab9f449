package io.github.rubric.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rubric.rules.Rubric;
import org.junit.jupiter.api.Test;

class RuleCoverageTest {
    private static final Rubric TINY = RubricScenariosTest.TINY;

    @Test
    void a_registered_rubric_without_scenarios_has_no_rule_fired() {
        // GIVEN
        RuleCoverage coverage = new RuleCoverage().register(TINY);

        // THEN
        assertThat(coverage.neverFired(TINY)).hasSize(5);
        assertThat(coverage.report()).startsWith("rule coverage of tiny 1 (classpath:rubrics/tiny.drl): 0 of 5 rules"
                + " fired (0 %) in 0 scenarios\n");
        assertThat(coverage.meets(0)).isTrue();
        assertThat(coverage.meets(1)).isFalse();
    }

    @Test
    void reports_which_rules_fired_in_which_scenarios_and_which_never_did() {
        // GIVEN
        RuleCoverage coverage = new RuleCoverage();

        // WHEN
        ScenarioFolder.onClasspath("scenarios/tiny").run(TINY, coverage);

        // THEN every rule fired somewhere
        assertThat(coverage.neverFired(TINY)).isEmpty();
        assertThat(coverage.firedIn(TINY).get("1 全年召开党员大会不少于4次，每少1次扣1分"))
                .containsExactlyInAnyOrder("every-expectation", "vetoed-and-exempt");
        assertThat(coverage.report(true)).contains("5 of 5 rules fired (100 %) in 3 scenarios")
                .contains("  fired:       2.2 未查实的投诉记为发现  ← every-expectation\n");
        coverage.requireAtLeast(100);
    }

    @Test
    void fails_under_the_threshold_naming_the_rules_that_never_fired() {
        // GIVEN only the full-marks scenario, in which no rule fires
        RuleCoverage coverage = new RuleCoverage();
        ScenarioFolder.onClasspath("scenarios/tiny").run(TINY, coverage);
        RuleCoverage thin = new RuleCoverage().register(TINY);
        thin.record(TINY, "full-marks", null);

        // WHEN / THEN
        assertThatThrownBy(() -> thin.requireAtLeast(80))
                .isInstanceOf(AssertionError.class)
                .hasMessage("rule coverage below 80 %:\n  tiny 1: 0 of 5 rules fired (0 %), below 80 %; never fired:\n"
                        + "    1 全年召开党员大会不少于4次，每少1次扣1分\n    2.1 群众投诉经查实的，有1件扣1分\n"
                        + "    2.2 未查实的投诉记为发现\n    2.3 发生重大事故的一票否决\n    奖励 获得表彰的加分");
        assertThat(coverage.meets(100)).isTrue();
    }
}
