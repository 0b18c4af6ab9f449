package io.github.rubric.model.result;

import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.Person;
import io.github.rubric.model.fact.Subject;

import static io.github.rubric.model.Checks.text;

/**
 * Who was assessed, as the scorecard records it.
 *
 * @param kind {@code organization} or {@code person}
 * @param id the subject's id
 * @param name the subject's name
 * @param type the organisation's type or the person's role
 */
public record SubjectRef(String kind, String id, String name, String type) {
    /** Validates the fields. */
    public SubjectRef {
        text(kind, "kind");
        text(id, "id");
        text(name, "name");
        text(type, "type");
    }

    /**
     * @param subject a subject
     * @return its reference
     */
    public static SubjectRef of(Subject subject) {
        if (subject instanceof Organization o) {
            return new SubjectRef("organization", o.id(), o.name(), o.type().name());
        }
        Person p = (Person) subject;
        return new SubjectRef("person", p.id(), p.name(), p.role().name());
    }
}
