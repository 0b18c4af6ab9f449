package io.github.rubric.rules.batch;

import io.github.rubric.model.result.RubricRef;
import io.github.rubric.model.result.Scorecard;
import io.github.rubric.model.structure.RubricDefinition;
import java.util.List;

import static io.github.rubric.model.Checks.copy;
import static io.github.rubric.model.Checks.required;

/**
 * The outcome of scoring a batch: one {@link Outcome} per subject, in the order of the input (the inputs in the
 * order given, a folder's files by name, a many-subjects file's subjects in file order), whatever the number of
 * threads.
 *
 * @param definition the rubric's structure, for ranking and reports
 * @param rubric the rubric that scored every subject
 * @param outcomes what became of each subject, in input order
 */
public record BatchResult(RubricDefinition definition, RubricRef rubric, List<Outcome> outcomes) {
    /** Validates the fields and copies the list. */
    public BatchResult {
        required(definition, "definition");
        required(rubric, "rubric");
        outcomes = copy(outcomes);
    }

    /** @return the subjects that were scored, in input order */
    public List<Outcome.Scored> scored() {
        return outcomes.stream().filter(Outcome.Scored.class::isInstance).map(Outcome.Scored.class::cast).toList();
    }

    /** @return the scorecards, in input order */
    public List<Scorecard> scorecards() {
        return scored().stream().map(Outcome.Scored::scorecard).toList();
    }

    /** @return the subjects and inputs that could not be scored, in input order */
    public List<Outcome.Failed> failures() {
        return outcomes.stream().filter(Outcome.Failed.class::isInstance).map(Outcome.Failed.class::cast).toList();
    }

    /** @return whether every subject was scored */
    public boolean complete() {
        return outcomes.stream().allMatch(Outcome.Scored.class::isInstance);
    }
}
