package io.github.rubric.model;

import java.math.BigDecimal;
import java.util.List;

/** Argument checks shared by the value types; each failure names the field. */
public final class Checks {
    private Checks() {
    }

    /**
     * @param value the value
     * @param field the field name, for the message
     * @param <T> the type
     * @return the value, if present
     * @throws InvalidValueException if the value is null
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /**
     * @param value the value
     * @param field the field name
     * @return the value, if neither null nor blank
     * @throws InvalidValueException otherwise
     */
    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return value;
    }

    /**
     * @param value a count, possibly absent
     * @param field the field name
     * @return the value if absent or not negative
     * @throws InvalidValueException if negative
     */
    public static Integer notNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw new InvalidValueException(field, "must not be negative, was " + value);
        }
        return value;
    }

    /**
     * @param value points or money, possibly absent
     * @param field the field name
     * @return the value if absent or not negative
     * @throws InvalidValueException if negative
     */
    public static BigDecimal notNegative(BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw new InvalidValueException(field, "must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    /**
     * @param values a list, possibly absent
     * @param <T> element type
     * @return an immutable copy, empty when absent
     */
    public static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * @param values a list, possibly absent, whose entries must all be given
     * @param name the list's field name, for the message
     * @param <T> element type
     * @return an immutable copy, empty when absent
     * @throws InvalidValueException naming the entry ({@code absentees[1]}) if an entry is null
     */
    public static <T> List<T> copy(List<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidValueException(name + "[" + i + "]", "is empty; expected a value");
            }
        }
        return List.copyOf(values);
    }
}
