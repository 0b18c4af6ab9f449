package io.github.rubric.rules;

import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rubric's items by id, and those an assessor must judge: made once per compiled rubric, so that checking a
 * subject's judgements does not walk every section's items for each one.
 *
 * @param definition the rubric
 * @param byId every item by its id
 * @param judged the discretionary and graded items, in the rubric's order
 */
record ItemIndex(RubricDefinition definition, Map<String, Item> byId, List<Item> judged) {
    static ItemIndex of(RubricDefinition definition) {
        Map<String, Item> byId = new LinkedHashMap<>();
        definition.items().forEach(item -> byId.put(item.id(), item));
        return new ItemIndex(definition, Map.copyOf(byId), definition.items().filter(Item::needsJudgement).toList());
    }

    Optional<Item> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
