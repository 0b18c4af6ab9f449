package io.github.rubric.model.fact;

/** An enumerated kind with the Chinese term the rubrics use for it. */
public interface Labelled {
    /** @return the term used in the rubrics, e.g. 党员大会 */
    String label();
}
