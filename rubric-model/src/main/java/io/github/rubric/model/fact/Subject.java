package io.github.rubric.model.fact;

/**
 * Who is assessed: an {@link Organization} or a {@link Person}. Inserted as a fact, so rules can depend on
 * the subject's type, size or name.
 */
public sealed interface Subject extends Fact permits Organization, Person {
    /** @return the subject's display name */
    String name();
}
