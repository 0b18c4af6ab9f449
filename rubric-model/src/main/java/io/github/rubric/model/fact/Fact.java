package io.github.rubric.model.fact;

/**
 * A recorded fact about the subject of an assessment; the evidence a deduction rests on.
 */
public interface Fact {
    /**
     * @return the fact's identifier, unique within its facts file; readers use the field path
     *     ({@code meetings[2]}) when the file gives none
     */
    String id();

    /** @return a short description in the rubric's language, for explanations ("2024-03-12 党员大会") */
    String describe();
}
