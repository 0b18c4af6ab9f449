/**
 * Many subjects at once: scoring a folder of facts files, or a file holding many subjects, in parallel, and
 * ranking the results.
 *
 * <p>Start at {@link io.github.rubric.rules.batch.Batch}:
 * <pre>{@code
 * BatchResult result = Batch.of(rubric).threads(4).score(List.of(Path.of("facts/2024")));
 * result.failures();                       // which subjects could not be scored, with file, line and field
 * Ranking ranking = Ranking.of(result);    // ranks with ties, pass/fail and grade counts, averages
 * }</pre>
 *
 * <p>A {@link io.github.rubric.rules.batch.BatchResult} lists one
 * {@link io.github.rubric.rules.batch.Outcome} per subject, in the order of the input, whatever the number of
 * threads. A {@link io.github.rubric.rules.batch.Ranking} orders subjects by total; its averages are rounded
 * with {@link io.github.rubric.model.Points#round(java.math.BigDecimal)}.
 */
package io.github.rubric.rules.batch;
