package io.github.rubric.model.fact;

import java.time.LocalDate;

import io.github.rubric.model.Required;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A complaint or report by the public (群众投诉 / 举报).
 *
 * @param id identifier
 * @param date day received
 * @param summary what was complained of
 * @param verified whether the investigation found it true (经查实)
 */
public record Complaint(String id, LocalDate date, String summary, @Required boolean verified) implements Dated {
    /** Validates the fields. */
    public Complaint {
        text(id, "id");
        required(date, "date");
        text(summary, "summary");
    }

    @Override
    public String describe() {
        return date + " 群众投诉：" + summary + (verified ? "（经查实）" : "（未查实）");
    }
}
