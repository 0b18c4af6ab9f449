package io.github.rubric.rules;

import io.github.rubric.model.result.ItemScore;
import io.github.rubric.model.result.SectionScore;
import io.github.rubric.model.structure.Item;
import io.github.rubric.model.structure.RubricDefinition;
import io.github.rubric.model.structure.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rubric's items by id, those an assessor must judge, and the scores of the sections and items no rule reported
 * on: made once per compiled rubric, so that checking a subject's judgements does not walk every section's items
 * for each one, and a scorecard does not build again, for every subject, the item that scored full marks.
 *
 * @param definition the rubric
 * @param byId every item by its id
 * @param judged the discretionary and graded items, in the rubric's order
 * @param untouched for each section, in the rubric's order, its scores when no rule reported on it
 */
record ItemIndex(RubricDefinition definition, Map<String, Item> byId, List<Item> judged, List<Untouched> untouched) {
    static ItemIndex of(RubricDefinition definition) {
        Map<String, Item> byId = new LinkedHashMap<>();
        definition.items().forEach(item -> byId.put(item.id(), item));
        List<Untouched> untouched = new ArrayList<>();
        for (Section section : definition.sections()) {
            untouched.add(Untouched.of(section));
        }
        return new ItemIndex(definition, Map.copyOf(byId), definition.items().filter(Item::needsJudgement).toList(),
                List.copyOf(untouched));
    }

    Optional<Item> item(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * A section's scores when no rule reported a deduction, finding or exemption on it and no veto was raised,
     * built by {@link ScorecardBuilder} as it builds any other, once. Scorecards share these immutable values.
     */
    static final class Untouched {
        private final ItemScore[] items;
        private final SectionScore section;

        private Untouched(ItemScore[] items, SectionScore section) {
            this.items = items;
            this.section = section;
        }

        private static Untouched of(Section section) {
            List<Item> items = section.items();
            ItemScore[] scores = new ItemScore[items.size()];
            boolean judged = false;
            for (int i = 0; i < scores.length; i++) {
                Item item = items.get(i);
                if (item.needsJudgement()) {
                    judged = true;
                } else {
                    scores[i] = ScorecardBuilder.item(item, null, null, null);
                }
            }
            SectionScore score = judged ? null : ScorecardBuilder.section(section, Arrays.asList(scores), List.of());
            return new Untouched(scores, score);
        }

        /**
         * @param position the item's position in its section
         * @return its score when no rule reported on it: full marks; null for an item an assessor judges
         */
        ItemScore item(int position) {
            return items[position];
        }

        /** @return the section's score when no rule reported on any of its items; null if it has a judged item */
        SectionScore section() {
            return section;
        }
    }
}
