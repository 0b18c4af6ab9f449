package io.github.rubric.model.fact;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * An assessed person, for rubrics that score staff (岗位目标责任制).
 *
 * @param id identifier (staff number)
 * @param name name
 * @param role role in the organisation
 * @param department department or office, if any
 */
public record Person(String id, String name, Role role, String department) implements Subject {
    /** Validates the fields. */
    public Person {
        text(id, "id");
        text(name, "name");
        required(role, "role");
    }

    @Override
    public String describe() {
        return name + (department == null ? "" : "（" + department + "）");
    }
}
