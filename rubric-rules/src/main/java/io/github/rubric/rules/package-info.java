/**
 * Loading rubric files and scoring facts against them.
 *
 * <p>Start at {@link io.github.rubric.rules.Rubric}: {@code Rubric.fromClasspath(...)},
 * {@code Rubric.fromFile(...)} or {@code Rubric.fromString(...)} compile a one-file rubric, and
 * {@link io.github.rubric.rules.Rubric#loader()} does so with chosen trust (safe mode for untrusted files) and
 * limits;
 * {@link io.github.rubric.rules.Rubric#score(java.nio.file.Path)} scores a facts file and returns a
 * {@link io.github.rubric.model.result.Scorecard}; {@link io.github.rubric.rules.Scorecards} writes it as JSON
 * or as a table. Rule consequences report through {@link io.github.rubric.rules.Scoring}, the global
 * {@code score} of every rubric file. Errors are {@link io.github.rubric.rules.RubricException} (a rubric
 * file, with lines), {@link io.github.rubric.rules.FactsException} (a facts file, with field paths) and
 * {@link io.github.rubric.rules.EvaluationException} (a rule that failed while scoring).
 *
 * <p>For rubric authors: {@link io.github.rubric.rules.Rubric#evaluate(io.github.rubric.model.fact.FactSet)} keeps
 * which rules fired and which criteria were checked against which facts ({@link io.github.rubric.rules.Evaluation},
 * {@link io.github.rubric.rules.Check}; {@code Scorecards.toText(evaluation)} explains a full score as well as a
 * deduction); {@link io.github.rubric.rules.RubricLint} warns of likely mistakes; {@link io.github.rubric.rules.RubricDiff}
 * scores the same facts with two versions of a rubric; {@link io.github.rubric.rules.RubricFolder} keeps a folder
 * of rubric files in service while they are edited.
 */
package io.github.rubric.rules;
