/**
 * The structure of a rubric as its header declares it: {@link io.github.rubric.model.structure.RubricDefinition},
 * its {@link io.github.rubric.model.structure.Section sections} and
 * {@link io.github.rubric.model.structure.Item items}, grade bands, bonus policy and, for rubrics scored in
 * several rounds, the {@link io.github.rubric.model.structure.RoundPolicy}. Rules live beside it in the
 * same rubric file; this package holds only what a reader of the rubric's table would see.
 */
package io.github.rubric.model.structure;
