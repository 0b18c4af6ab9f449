package io.github.rubric.bench;

import io.github.rubric.model.fact.FactSet;

/** Makes realistic subjects for one rubric, deterministically: the same seed, index and size give the same facts. */
public interface SubjectGenerator {
    /**
     * @param index which subject, from 0
     * @param facts how many facts the subject has, exactly (its declared records included, its subject not)
     * @return the subject's facts, in the order a facts file lists them
     */
    FactSet generate(int index, int facts);
}
