package io.github.rubric.model.fact;

import java.time.LocalDate;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * An incident: a safety accident, a group petition, a birth outside the plan.
 *
 * @param id identifier
 * @param date day it happened
 * @param kind kind of incident
 * @param severity severity
 * @param summary what happened
 */
public record Incident(String id, LocalDate date, IncidentKind kind, IncidentSeverity severity, String summary)
        implements Dated {

    /** Validates the fields. */
    public Incident {
        text(id, "id");
        required(date, "date");
        required(kind, "kind");
        required(severity, "severity");
    }

    @Override
    public String describe() {
        return date + " " + severity.label() + kind.label() + (summary == null ? "" : "：" + summary);
    }
}
