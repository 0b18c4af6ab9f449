package io.github.rubric.model.fact;

import java.time.LocalDate;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * An activity the organisation held or was called to.
 *
 * @param id identifier
 * @param kind kind of activity
 * @param date day held
 * @param title title, if recorded
 * @param absent whether the organisation failed to take part in an activity it was called to
 * @param participants number who took part, if recorded
 * @param expected number who should have taken part, if recorded
 */
public record Activity(
        String id, ActivityKind kind, LocalDate date, String title, boolean absent, Integer participants, Integer expected)
        implements Dated {

    /** Validates the fields. */
    public Activity {
        text(id, "id");
        required(kind, "kind");
        required(date, "date");
        notNegative(participants, "participants");
        notNegative(expected, "expected");
    }

    @Override
    public String describe() {
        return date + " " + kind.label() + (title == null ? "" : "「" + title + "」") + (absent ? "（未参加）" : "");
    }
}
