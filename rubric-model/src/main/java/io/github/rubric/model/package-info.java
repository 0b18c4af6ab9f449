/**
 * Plain Java types of Rubric, free of any rule engine: the facts a rubric scores
 * ({@link io.github.rubric.model.fact}), the structure of a rubric
 * ({@link io.github.rubric.model.structure}) and the scorecard it produces
 * ({@link io.github.rubric.model.result}).
 *
 * <p>Every type here is immutable and validates itself when built; points are {@link java.math.BigDecimal}
 * (see {@link io.github.rubric.model.Points} for the rounding policy).
 */
package io.github.rubric.model;
