package io.github.rubric.rules.batch;

import io.github.rubric.model.result.Scorecard;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * What became of one subject of a batch: its scorecard, or why it has none.
 */
public sealed interface Outcome permits Outcome.Scored, Outcome.Failed {

    /**
     * @return where the subject came from: a facts file, or {@code file#subjects[2]} for the third subject of
     *     a many-subjects file
     */
    String source();

    /**
     * A subject that was scored.
     *
     * @param source where the subject came from
     * @param scorecard its scorecard
     */
    record Scored(String source, Scorecard scorecard) implements Outcome {
        /** Validates the fields. */
        public Scored {
            text(source, "source");
            required(scorecard, "scorecard");
        }
    }

    /**
     * A subject, or an input, that could not be scored.
     *
     * @param source where the subject came from, or the input that could not be read
     * @param file the file to look at
     * @param line the 1-based line in {@code file}, or 0 when unknown
     * @param path the field at fault ({@code meetings[3].date}, {@code subjects[1].period}), or empty
     * @param message the whole message, naming file, line and field: {@code file:12: meetings[3].date: ...}
     */
    record Failed(String source, String file, int line, String path, String message) implements Outcome {
        /** Validates the fields. */
        public Failed {
            text(source, "source");
            text(file, "file");
            if (line < 0) {
                throw new IllegalArgumentException("line must not be negative, was " + line);
            }
            required(path, "path");
            text(message, "message");
        }
    }
}
