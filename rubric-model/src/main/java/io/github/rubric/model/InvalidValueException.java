package io.github.rubric.model;

/**
 * A value failed its validation while being built: a negative count, an unknown grade, a blank name.
 *
 * <p>{@link #field()} names the offending field relative to the value ({@code attended}); readers of files
 * prefix it with the path of the value ({@code meetings[3].attended}) so the error says where it is.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * Creates the exception.
     *
     * @param field the field that is wrong, relative to the value being built
     * @param message what was expected and what was found
     */
    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** @return the field that is wrong, relative to the value being built */
    public String field() {
        return field;
    }

    /** @return what was expected and what was found, without the field */
    public String problem() {
        return getMessage().substring(field.length() + 2);
    }
}
