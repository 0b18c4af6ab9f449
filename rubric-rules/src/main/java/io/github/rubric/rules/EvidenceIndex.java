package io.github.rubric.rules;

import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Evidence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the objects a rule matched or passed into {@link Evidence}, in the order of the facts file, so that
 * the same input explains itself the same way whatever order the engine matched in.
 */
final class EvidenceIndex {
    private record Entry(int order, Evidence evidence) {
    }

    private final Map<Object, Entry> entries = new IdentityHashMap<>();

    EvidenceIndex(FactSet facts) {
        add(facts.subject());
        Map<String, Integer> declaredCounts = new HashMap<>();
        for (Object fact : facts.facts()) {
            if (fact instanceof Fact) {
                add(fact);
            } else {
                String type = fact.getClass().getSimpleName();
                int index = declaredCounts.merge(type, 1, Integer::sum) - 1;
                entries.put(fact, new Entry(entries.size(),
                        new Evidence("records." + type + "[" + index + "]", type, fact.toString())));
            }
        }
    }

    private void add(Object fact) {
        Fact f = (Fact) fact;
        entries.put(fact, new Entry(entries.size(), new Evidence(f.id(), fact.getClass().getSimpleName(), f.describe())));
    }

    /**
     * @param objects facts, collections of facts, or anything else (ignored: numbers, the period)
     * @return the evidence for the facts among them, without repeats, in file order
     */
    List<Evidence> of(Collection<?> objects) {
        Set<Entry> found = new LinkedHashSet<>();
        collect(objects, found);
        List<Entry> ordered = new ArrayList<>(found);
        ordered.sort(Comparator.comparingInt(Entry::order));
        return ordered.stream().map(Entry::evidence).toList();
    }

    private void collect(Collection<?> objects, Set<Entry> found) {
        for (Object o : objects) {
            if (o instanceof Collection<?> nested) {
                collect(nested, found);
            } else if (o != null) {
                Entry entry = entries.get(o);
                if (entry != null) {
                    found.add(entry);
                }
            }
        }
    }
}
