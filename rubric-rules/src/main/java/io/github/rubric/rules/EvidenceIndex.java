package io.github.rubric.rules;

import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Turns the objects a rule matched or passed into {@link Evidence}, in the order of the facts file, so that
 * the same input explains itself the same way whatever order the engine matched in.
 *
 * <p>Most facts are never cited, so evidence is made only for those that are. When the facts were inserted
 * through {@link #insertFacts}, a cited fact's place in the file is read off its fact handle (the session already
 * keeps an identity map of its facts; handles are numbered in insertion order); the full identity index of
 * every fact is built only when something cannot be answered that way (a fact deleted by a rule, a fact the
 * {@link FactFilter} kept out, the same object listed twice), and then gives exactly what it always gave.
 */
final class EvidenceIndex {
    private record Entry(int order, Evidence evidence) {
    }

    private final FactSet facts;
    /** The full index: every fact by identity, with its order (the subject 0, then the facts in file order). */
    private Map<Object, Entry> entries;

    private final KieSession session;
    private long firstHandle;
    /** By handle id less {@link #firstHandle}: the fact's order, or -1 for what is not a fact (the period). */
    private int[] orderOfHandle;
    /** The classes of the facts, to tell at once that an object the session does not know is no fact either. */
    private final Set<Class<?>> factClasses = new HashSet<>();
    private Evidence[] byOrder;

    /** Indexes every fact at once; used when the facts are not inserted through {@link #insertFacts}. */
    EvidenceIndex(FactSet facts) {
        this.facts = facts;
        this.session = null;
        this.entries = fullIndex(facts);
    }

    private EvidenceIndex(FactSet facts, KieSession session) {
        this.facts = facts;
        this.session = session;
    }

    /**
     * An index for facts that will be inserted into a session through {@link #insertFacts}.
     *
     * @param facts the facts
     * @param session a session holding no facts yet
     * @return the index, empty until the facts are inserted
     */
    static EvidenceIndex forSession(FactSet facts, KieSession session) {
        return new EvidenceIndex(facts, session);
    }

    /**
     * Inserts the subject, the period and the facts into the session, in that order (the facts a rule can match
     * only, when a filter is given), and indexes them by their fact handles. Globals must be set first: the
     * constraints Drools tests on insertion may use them.
     *
     * @param filter which facts can reach a rule, or null to insert all
     */
    void insertFacts(FactFilter filter) {
        List<Object> list = facts.facts();
        long subject = id(session.insert(facts.subject()));
        long period = id(session.insert(facts.period()));
        int[] orders = new int[list.size() + 2];
        orders[1] = -1;
        boolean consecutive = period == subject + 1;
        int inserted = 0;
        factClasses.add(facts.subject().getClass());
        Class<?> last = null;
        FactFilter.Gate gate = filter == null ? null : filter.gate(session);
        for (int i = 0; i < list.size(); i++) {
            Object fact = list.get(i);
            if (fact.getClass() != last) {
                last = fact.getClass();
                factClasses.add(last);
            }
            if (gate != null && !gate.reaches(fact)) {
                continue;
            }
            long handle = id(session.insert(fact));
            consecutive &= handle == subject + 2 + inserted;
            orders[2 + inserted++] = i + 1;
        }
        Arrays.fill(orders, 2 + inserted, orders.length, -1);
        if (consecutive) {
            firstHandle = subject;
            orderOfHandle = orders;
        } else {
            // the same object twice (or the period among the facts): index as ever
            entries = fullIndex(facts);
        }
    }

    private static long id(FactHandle handle) {
        return ((InternalFactHandle) handle).getId();
    }

    private static Map<Object, Entry> fullIndex(FactSet facts) {
        Map<Object, Entry> entries = new IdentityHashMap<>();
        add(entries, facts.subject());
        Map<String, Integer> declaredCounts = new HashMap<>();
        for (Object fact : facts.facts()) {
            if (fact instanceof Fact) {
                add(entries, fact);
            } else {
                String type = fact.getClass().getSimpleName();
                int index = declaredCounts.merge(type, 1, Integer::sum) - 1;
                entries.put(fact, new Entry(entries.size(),
                        new Evidence("records." + type + "[" + index + "]", type, fact.toString())));
            }
        }
        return entries;
    }

    private static void add(Map<Object, Entry> entries, Object fact) {
        Fact f = (Fact) fact;
        entries.put(fact, new Entry(entries.size(), new Evidence(f.id(), fact.getClass().getSimpleName(), f.describe())));
    }

    /**
     * @param objects facts, collections of facts, or anything else (ignored: numbers, the period)
     * @return the evidence for the facts among them, without repeats, in file order
     */
    List<Evidence> of(Collection<?> objects) {
        if (orderOfHandle == null) {
            Set<Entry> found = new LinkedHashSet<>();
            collect(objects, found);
            List<Entry> ordered = new ArrayList<>(found);
            ordered.sort(Comparator.comparingInt(Entry::order));
            return ordered.stream().map(Entry::evidence).toList();
        }
        Orders found = new Orders();
        collect(objects, found);
        if (found.count == 0) {
            return List.of();
        }
        int[] orders = found.values;
        Arrays.sort(orders, 0, found.count);
        Evidence[] evidence = new Evidence[found.count];
        int distinct = 0;
        for (int i = 0; i < found.count; i++) {
            if (i == 0 || orders[i] != orders[i - 1]) {
                evidence[distinct++] = evidence(orders[i]);
            }
        }
        return List.of(distinct == evidence.length ? evidence : Arrays.copyOf(evidence, distinct));
    }

    /** A growable list of orders. */
    private static final class Orders {
        int[] values = new int[8];
        int count;

        void add(int order) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = order;
        }
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

    private void collect(Collection<?> objects, Orders found) {
        for (Object o : objects) {
            if (o instanceof Collection<?> nested) {
                collect(nested, found);
            } else if (o != null) {
                int order = orderOf(o);
                if (order >= 0) {
                    found.add(order);
                }
            }
        }
    }

    private int orderOf(Object o) {
        if (!factClasses.contains(o.getClass())) {
            return -1;
        }
        FactHandle handle = session.getFactHandle(o);
        if (handle != null) {
            long slot = id(handle) - firstHandle;
            if (slot == 1 && o == facts.period()) {
                return -1;
            }
            if (slot >= 0 && slot < orderOfHandle.length && slot != 1) {
                int order = orderOfHandle[(int) slot];
                if (order >= 0 && (order == 0 ? facts.subject() : facts.facts().get(order - 1)) == o) {
                    return order;
                }
            }
        }
        // a fact the session no longer holds (deleted by a rule): ask the full index
        if (entries == null) {
            entries = fullIndex(facts);
        }
        Entry entry = entries.get(o);
        return entry == null ? -1 : entry.order();
    }

    private Evidence evidence(int order) {
        if (byOrder == null) {
            byOrder = new Evidence[facts.facts().size() + 1];
        }
        Evidence evidence = byOrder[order];
        if (evidence == null) {
            evidence = entries != null ? findEntry(order) : make(order);
            byOrder[order] = evidence;
        }
        return evidence;
    }

    private Evidence findEntry(int order) {
        Object fact = order == 0 ? facts.subject() : facts.facts().get(order - 1);
        Entry entry = entries.get(fact);
        return entry != null && entry.order() == order ? entry.evidence() : make(order);
    }

    private Evidence make(int order) {
        Object fact = order == 0 ? facts.subject() : facts.facts().get(order - 1);
        if (fact instanceof Fact f) {
            return new Evidence(f.id(), fact.getClass().getSimpleName(), f.describe());
        }
        String type = fact.getClass().getSimpleName();
        int index = 0;
        for (int i = 0; i < order - 1; i++) {
            Object earlier = facts.facts().get(i);
            if (!(earlier instanceof Fact) && earlier.getClass().getSimpleName().equals(type)) {
                index++;
            }
        }
        return new Evidence("records." + type + "[" + index + "]", type, fact.toString());
    }
}
