package io.github.rubric.model.fact;

import io.github.rubric.model.Required;

import static io.github.rubric.model.Checks.required;
import static io.github.rubric.model.Checks.text;

/**
 * A document, ledger or record book the organisation keeps, as found by the assessor.
 *
 * @param id identifier
 * @param kind kind of document
 * @param complete whether it is complete and in order (健全、完整、规范)
 * @param note what the assessor found wrong, if anything
 */
public record Document(String id, DocumentKind kind, @Required boolean complete, String note) implements Fact {
    /** Validates the fields. */
    public Document {
        text(id, "id");
        required(kind, "kind");
    }

    @Override
    public String describe() {
        return kind.label() + (complete ? "（齐全）" : "（不完整" + (note == null ? "" : "：" + note) + "）");
    }
}
