package io.github.rubric.model.result;

import static io.github.rubric.model.Checks.text;

/**
 * The exact rubric that produced a scorecard.
 *
 * @param id the rubric's id
 * @param title the rubric's title
 * @param version the rubric's version
 * @param sha256 the SHA-256 of the rubric file's bytes, in hex
 */
public record RubricRef(String id, String title, String version, String sha256) {
    /** Validates the fields. */
    public RubricRef {
        text(id, "id");
        text(title, "title");
        text(version, "version");
        text(sha256, "sha256");
    }
}
