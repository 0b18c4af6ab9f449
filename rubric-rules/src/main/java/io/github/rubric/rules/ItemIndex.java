package io.github.rubric.rules;

import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rubric's items by id, those an assessor must judge, and the scores of items and sections that nothing touched:
 * made once per compiled rubric, so that checking a subject's judgements does not walk every section's items for
 * each one, and a scorecard does not build again, for every subject, the many item scores that are the same for
 * all (full points, no deduction, finding or exemption).
 *
 * @param definition the rubric
 * @param byId every item by its id
 * @param judged the discretionary and graded items, in the rubric's order
 * @param untouchedItems the score of each item scored by its rules when no rule reported anything on it, by id
 * @param untouchedSections the score of each section whose items are all untouched and that no veto zeroes, by id;
 *     only sections without judged items
 */
record ItemIndex(RubricDefinition definition, Map<String, Item> byId, List<Item> judged,
                 Map<String, ItemScore> untouchedItems, Map<String, SectionScore> untouchedSections) {
    static ItemIndex of(RubricDefinition definition) {
        Map<String, Item> byId = new LinkedHashMap<>();
        definition.items().forEach(item -> byId.put(item.id(), item));
        Map<String, ItemScore> untouchedItems = new HashMap<>();
        Map<String, SectionScore> untouchedSections = new HashMap<>();
        Tally nothing = new Tally();
        for (Section section : definition.sections()) {
            List<ItemScore> items = new ArrayList<>();
            for (Item item : section.items()) {
                if (!item.needsJudgement()) {
                    ItemScore score = ScorecardBuilder.item(item, null, nothing);
                    untouchedItems.put(item.id(), score);
                    items.add(score);
                }
            }
            if (items.size() == section.items().size()) {
                untouchedSections.put(section.id(), ScorecardBuilder.section(section, items, List.of()));
            }
        }
        return new ItemIndex(definition, Map.copyOf(byId), definition.items().filter(Item::needsJudgement).toList(),
                Map.copyOf(untouchedItems), Map.copyOf(untouchedSections));
    }

    Optional<Item> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
