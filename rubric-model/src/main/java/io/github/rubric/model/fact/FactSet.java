package io.github.rubric.model.fact;

import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * Everything recorded about one subject for one period and round: the input of one evaluation.
 *
 * @param source where the facts came from (a file name), for error messages and the scorecard
 * @param subject who is assessed
 * @param period the period assessed
 * @param round the round of assessment
 * @param facts the facts, in file order; may include instances of the rubric's own declared types
 */
public record FactSet(String source, Subject subject, AssessmentPeriod period, Round round, List<Object> facts) {
    /** Validates the fields and copies the list. */
    public FactSet {
        required(source, "source");
        required(subject, "subject");
        required(period, "period");
        required(round, "round");
        facts = copy(required(facts, "facts"), "facts");
    }
}
