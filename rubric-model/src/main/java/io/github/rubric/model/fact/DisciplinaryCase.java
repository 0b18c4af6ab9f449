package io.github.rubric.model.fact;

import java.time.LocalDate;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A case of breach of discipline or law by a person of the organisation.
 *
 * @param id identifier
 * @param date day decided
 * @param person the person's name
 * @param role the person's role (班子成员, 一般干部…)
 * @param severity how the case ended
 * @param concealed whether the organisation knew of the breach and did not report it (知情不报)
 * @param summary what happened
 */
public record DisciplinaryCase(
        String id, LocalDate date, String person, Role role, CaseSeverity severity, boolean concealed, String summary)
        implements Dated {

    /** Validates the fields. */
    public DisciplinaryCase {
        text(id, "id");
        required(date, "date");
        text(person, "person");
        required(role, "role");
        required(severity, "severity");
    }

    @Override
    public String describe() {
        return date + " " + role.label() + person + " " + severity.label()
                + (summary == null ? "" : "：" + summary) + (concealed ? "（知情不报）" : "");
    }
}
