/**
 * The rubric author's test kit: prove a rubric file right before it scores anyone.
 *
 * <ul>
 *   <li>{@link io.github.rubric.test.RubricScenarios}: a folder of scenario files (facts and what they must
 *   score) as JUnit 5 dynamic tests, one per scenario: {@code return RubricScenarios.from(rubric, "scenarios/x");}
 *   in a {@code @TestFactory}. {@link io.github.rubric.test.ScenarioFolder} runs the same files without JUnit
 *   (the {@code rubric test} command does).</li>
 *   <li>{@link io.github.rubric.test.RubricAssertions}: AssertJ assertions for scorecards,
 *   {@code assertThat(card).hasTotal("87").item("3").hasScore("5")}.</li>
 *   <li>{@link io.github.rubric.test.RuleCoverage}: which rules fired in which scenarios, which never did, and a
 *   threshold to enforce.</li>
 * </ul>
 *
 * <p>Depend on {@code io.github.rubric:rubric-test} with scope {@code test}; it brings JUnit Jupiter and AssertJ.
 */
package io.github.rubric.test;
