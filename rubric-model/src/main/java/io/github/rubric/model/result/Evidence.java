package io.github.rubric.model.result;

import io.github.rubric.model.Checks;

/**
 * A reference to a fact that an entry rests on.
 *
 * @param id the fact's id in its facts file ({@code meetings[2]} when the file gave none)
 * @param type the fact's type ({@code Meeting}, or a type the rubric declares)
 * @param text what the fact says, in the rubric's language
 */
public record Evidence(String id, String type, String text) {
    /** Validates the fields. */
    public Evidence {
        Checks.text(id, "id");
        Checks.text(type, "type");
        Checks.text(text, "text");
    }
}
