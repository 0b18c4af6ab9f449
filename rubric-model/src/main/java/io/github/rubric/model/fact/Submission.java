package io.github.rubric.model.fact;

import java.time.LocalDate;

import io.github.rubric.model.Required;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A written piece handed to the higher-level committee: information report, research article, news piece.
 *
 * @param id identifier
 * @param kind kind of piece
 * @param date day submitted
 * @param title title, if recorded
 * @param accepted whether the receiver accepted it by the rubric's test (e.g. forwarded or published); a piece
 *     rejected does not count
 */
public record Submission(String id, SubmissionKind kind, LocalDate date, String title, @Required boolean accepted)
        implements Dated {

    /** Validates the fields. */
    public Submission {
        text(id, "id");
        required(kind, "kind");
        required(date, "date");
    }

    @Override
    public String describe() {
        return date + " " + kind.label() + (title == null ? "" : "《" + title + "》") + (accepted ? "" : "（未采用）");
    }
}
