/**
 * What scoring produces: a {@link io.github.rubric.model.result.Scorecard} with its sections, items and the
 * entries that explain every point ({@link io.github.rubric.model.result.Deduction},
 * {@link io.github.rubric.model.result.Bonus}, {@link io.github.rubric.model.result.Veto},
 * {@link io.github.rubric.model.result.Finding}, {@link io.github.rubric.model.result.Exemption}), each citing
 * its rule, its item and the {@link io.github.rubric.model.result.Evidence facts} it rests on.
 */
package io.github.rubric.model.result;
