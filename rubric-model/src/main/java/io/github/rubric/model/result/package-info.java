/**
 * What scoring produces: a {@link io.github.rubric.model.result.Scorecard} with its sections, items and the
 * entries that explain every point ({@link io.github.rubric.model.result.Deduction},
 * {@link io.github.rubric.model.result.Bonus}, {@link io.github.rubric.model.result.Veto},
 * {@link io.github.rubric.model.result.Finding}, {@link io.github.rubric.model.result.Exemption}), each citing
 * its rule, its item and the {@link io.github.rubric.model.result.Evidence facts} it rests on. Scoring one
 * subject in several rounds (自查 and 复查, 专项督查 and 年终) gives a
 * {@link io.github.rubric.model.result.CombinedScorecard}: the rounds' scorecards
 * ({@link io.github.rubric.model.result.RoundScore}), the weighted total and the self-assessment set against
 * the review ({@link io.github.rubric.model.result.ItemComparison}).
 */
package io.github.rubric.model.result;
