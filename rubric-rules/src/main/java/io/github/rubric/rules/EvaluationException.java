package io.github.rubric.rules;

/**
 * A rule failed while scoring: a consequence threw, or asked for something the rubric does not allow.
 * The message names the rubric, the rule and the facts source.
 */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    EvaluationException(String message) {
        super(message);
    }
}
