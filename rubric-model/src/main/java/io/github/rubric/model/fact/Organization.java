package io.github.rubric.model.fact;

import static io.github.rubric.model.Checks.notNegative;
import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * An assessed party organisation.
 *
 * @param id identifier, stable across years (e.g. the organisation code)
 * @param name display name, also used by exemptions that name organisations
 * @param type kind of unit (branch, township, village…)
 * @param members number of party members, if known
 */
public record Organization(String id, String name, OrganizationType type, Integer members) implements Subject {
    /** Validates the fields. */
    public Organization {
        text(id, "id");
        text(name, "name");
        required(type, "type");
        notNegative(members, "members");
    }

    @Override
    public String describe() {
        return name + "（" + type.label() + "）";
    }
}
