package io.github.rubric.bench;

import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Scorecard;

/**
 * A hand-written scorer for one rubric: the rubric's criteria and semantics in plain Java, producing the same
 * scorecard as the rule engine. It is the practical limit the engine is measured against.
 */
public interface PlainScorer {
    /**
     * @param facts one subject's facts
     * @return its scorecard, equal to the engine's
     */
    Scorecard score(FactSet facts);
}
