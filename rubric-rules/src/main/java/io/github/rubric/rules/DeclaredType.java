package io.github.rubric.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * A fact type a rubric declares itself (Drools {@code declare}), as a facts file gives it under
 * {@code records}: its fields, their bounds, and whether the rubric requires a record of it.
 *
 * @param name the type's simple name, the key under {@code records}
 * @param required whether the type is marked {@code @required}: every facts file must give at least one
 * @param fields the fields, in declaration order; every field must be given, none may be null
 */
public record DeclaredType(String name, boolean required, List<Field> fields) {
    /**
     * One field of a declared type.
     *
     * @param name the field's name
     * @param type the field's Java type
     * @param min the lower bound declared with {@code @min(…)}, or null (numbers are then not negative)
     * @param max the upper bound declared with {@code @max(…)}, or null
     */
    public record Field(String name, Class<?> type, BigDecimal min, BigDecimal max) {
    }

    /** Copies the list. */
    public DeclaredType {
        fields = List.copyOf(fields);
    }
}
