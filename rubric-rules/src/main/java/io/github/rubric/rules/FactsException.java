package io.github.rubric.rules;

/**
 * Facts could not be read or do not fit the rubric: a malformed file, an unknown field or value, a date
 * outside the period, a negative count, a judgement for an item the rubric does not have. The message names
 * the file, the line where known, the path of the field ({@code meetings[3].date}) and what was expected.
 */
public final class FactsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String path;
    private final int line;
    private final String problem;

    FactsException(String source, int line, String path, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.source = source;
        this.path = path;
        this.line = line;
        this.problem = problem;
    }

    /** @return the facts file (or other source name) */
    public String source() {
        return source;
    }

    /** @return the path of the offending field, such as {@code meetings[3].date}; empty for the whole file */
    public String path() {
        return path;
    }

    /** @return the 1-based line in the file, or 0 when unknown */
    public int line() {
        return line;
    }

    /** @return what is wrong, without the file, line and path ({@code is required}) */
    public String problem() {
        return problem;
    }
}
