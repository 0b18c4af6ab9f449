/**
 * The facts a rubric scores: what an organisation (or a person) did in the assessment period.
 *
 * <p>Every fact is an immutable record implementing {@link io.github.rubric.model.fact.Fact}; its {@code id}
 * is the reference a deduction cites as evidence. The facts of one subject for one period and round are
 * gathered in {@link io.github.rubric.model.fact.FactSet}. Rubric files may declare further fact kinds of
 * their own; those are not here but in the rubric.
 */
package io.github.rubric.model.fact;
