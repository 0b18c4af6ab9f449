package io.github.rubric.model.fact;

import java.time.LocalDate;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A commendation received. Several awards for the same {@code achievement} count once, at the highest
 * (就高不就低), when the rubric says so.
 *
 * @param id identifier
 * @param level level of the awarding body
 * @param achievement what was achieved; awards with the same achievement are one event
 * @param title name of the award
 * @param date day awarded
 */
public record Award(String id, AwardLevel level, String achievement, String title, LocalDate date) implements Dated {
    /** Validates the fields. */
    public Award {
        text(id, "id");
        required(level, "level");
        text(achievement, "achievement");
        text(title, "title");
        required(date, "date");
    }

    @Override
    public String describe() {
        return date + " " + level.label() + "级「" + title + "」";
    }
}
