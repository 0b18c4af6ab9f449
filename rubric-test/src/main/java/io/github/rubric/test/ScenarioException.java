package io.github.rubric.test;

/**
 * A scenario file is malformed: not YAML, an unknown field, a value of the wrong kind, a facts file that is
 * missing. The message names the file, the line and the field's path ({@code expect.items.3.score}).
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String path;

    ScenarioException(String file, int line, String path, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
        this.file = file;
        this.line = line;
        this.path = path;
    }

    ScenarioException(String file, int line, String path, String problem, Throwable cause) {
        this(file, line, path, problem);
        initCause(cause);
    }

    /** @return the scenario file */
    public String file() {
        return file;
    }

    /** @return the 1-based line, or 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the path of the offending field, or empty for the whole file */
    public String path() {
        return path;
    }
}
