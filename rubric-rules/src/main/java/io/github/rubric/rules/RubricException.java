package io.github.rubric.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rubric file could not be loaded. Each {@link Problem} names the file and the line, so an author can go
 * straight to it; all problems found are reported at once, not only the first.
 */
public final class RubricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem in a rubric file.
     *
     * @param source the rubric file
     * @param line the 1-based line, or 0 when the problem concerns the whole file
     * @param message what is wrong and what was expected
     */
    public record Problem(String source, int line, String message) {
        @Override
        public String toString() {
            return line > 0 ? source + ":" + line + ": " + message : source + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    RubricException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<Problem> problems) {
        String head = problems.size() == 1 ? "rubric file has an error" : "rubric file has " + problems.size() + " errors";
        return head + ":\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }

    /** @return every problem found, in file order */
    public List<Problem> problems() {
        return problems;
    }
}
