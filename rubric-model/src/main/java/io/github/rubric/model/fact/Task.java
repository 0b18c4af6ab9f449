package io.github.rubric.model.fact;

import java.time.LocalDate;

import io.github.rubric.model.Required;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A task assigned by the higher-level committee.
 *
 * @param id identifier
 * @param date day assigned
 * @param title what was asked
 * @param completed whether it was completed as asked
 */
public record Task(String id, LocalDate date, String title, @Required boolean completed) implements Dated {
    /** Validates the fields. */
    public Task {
        text(id, "id");
        required(date, "date");
        text(title, "title");
    }

    @Override
    public String describe() {
        return date + " 交办任务「" + title + "」" + (completed ? "（已完成）" : "（未完成）");
    }
}
