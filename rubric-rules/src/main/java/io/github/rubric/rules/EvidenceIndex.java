package io.github.rubric.rules;

import io.github.rubric.model.fact.Fact;
import io.github.rubric.model.fact.FactSet;
import io.github.rubric.model.result.Evidence;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drools.base.InitialFact;

/**
 * Turns the objects a rule matched or passed into {@link Evidence}, in a fixed order: by kind of fact, in the
 * order of a facts file's lists (the subject first, the rubric's declared records last, by type name), then by
 * id, numbers in ids compared as numbers ({@code meetings[9]} before {@code meetings[10]}). Evidence thus
 * depends neither on the order the engine matched in nor on the order the facts were listed.
 */
final class EvidenceIndex {
    /**
     * A fact's place in the order, and its evidence, made when first cited: most facts are never cited, and
     * describing every fact of every subject up front cost more than the rest of the index.
     */
    private static final class Entry {
        final int rank;
        final String type;
        final String id;
        final Object fact;
        private Evidence evidence;
        /** The call of {@link #of} that last found this entry: repeats are dropped without hashing entries. */
        private int foundBy;

        Entry(int rank, String type, String id, Object fact) {
            this.rank = rank;
            this.type = type;
            this.id = id;
            this.fact = fact;
        }

        int rank() {
            return rank;
        }

        String type() {
            return type;
        }

        String id() {
            return id;
        }

        Evidence evidence() {
            if (evidence == null) {
                String text = fact instanceof Fact f ? f.describe() : fact.toString();
                evidence = new Evidence(id, type, text);
            }
            return evidence;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::rank).thenComparing(Entry::type)
            .thenComparing(Entry::id, EvidenceIndex::compareNatural)
            .thenComparing(Entry::id);

    private static final Map<Class<?>, Integer> RANKS = ranks();
    /**
     * Facts' type names, read once per class: {@link Class#getSimpleName()} rebuilt the class's reflection data
     * on some calls (a few per cent of an evaluation of a rubric with many declared records).
     */
    private static final ClassValue<String> SIMPLE_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    private final FactSet facts;
    /** Every fact by identity; built only when the session cannot answer (see {@link #attach}). */
    private Map<Object, Entry> entries;
    /** The entries of the facts cited so far, by identity. */
    private final Map<Object, Entry> cited = new IdentityHashMap<>();
    /** Whether an object is one of the facts in the session, once attached. */
    private Predicate<Object> held;
    /** How many times {@link #of} has been called; an entry remembers the call that last found it. */
    private int calls;
    /** The index of each declared record among the records of its type, built when one is first cited. */
    private Map<Object, Integer> declaredIndex;

    EvidenceIndex(FactSet facts) {
        this.facts = facts;
    }

    /**
     * Lets the index ask the session which objects are facts of this evaluation, instead of indexing every fact
     * up front: most facts are never cited, and the session already keeps its facts by identity.
     *
     * @param held tells whether an object is one of the facts in the session (all, or those a rule can match); null
     *     when the session is given back, after which the index looks through the facts themselves
     */
    void attach(Predicate<Object> held) {
        this.held = held;
    }

    private static Map<Class<?>, Integer> ranks() {
        Map<Class<?>, Integer> ranks = new HashMap<>();
        for (Class<?> kind : FactsReader.KINDS.values()) {
            ranks.put(kind, ranks.size());
        }
        return Map.copyOf(ranks);
    }

    /** @return the entry of an object that is a fact of this evaluation, or null for anything else */
    private Entry entryOf(Object o) {
        Entry entry = cited.get(o);
        if (entry != null) {
            return entry;
        }
        if (o == facts.subject()) {
            entry = subject(o);
        } else if (o == facts.period() || o == facts.round() || o instanceof Number || o instanceof CharSequence
                || o instanceof Enum<?> || o instanceof Temporal || o instanceof InitialFact || o instanceof RuleGate) {
            // what rules match besides facts, told apart without looking through the facts (Drools' initial fact is
            // matched by every rule that starts with `not`, `exists`, `from` or `collect`; a gate, by a gated rule)
            return null;
        } else if (held != null && held.test(o)) {
            // one of the facts in the session: a library fact, or a declared record (numbered among its type's)
            entry = o instanceof Fact ? fact(o) : declaredInSession(o);
        } else if (!(o instanceof Fact) && !declaredIndex().containsKey(o)) {
            return null; // a number, a list's result, the period: not a fact
        } else {
            // no session, or a fact the session does not hold (one the filter kept out): the full index decides
            entry = fullIndex().get(o);
        }
        if (entry != null) {
            cited.put(o, entry);
        }
        return entry;
    }

    /** The subject sorts before every other fact. */
    private static Entry subject(Object o) {
        return new Entry(-1, SIMPLE_NAMES.get(o.getClass()), ((Fact) o).id(), o);
    }

    private static Entry fact(Object o) {
        return new Entry(RANKS.getOrDefault(o.getClass(), RANKS.size()), SIMPLE_NAMES.get(o.getClass()), ((Fact) o).id(), o);
    }

    private static Entry declared(Object o, int index) {
        String type = SIMPLE_NAMES.get(o.getClass());
        return new Entry(RANKS.size() + 1, type, "records." + type + "[" + index + "]", o);
    }

    /**
     * A declared record the session holds, numbered by counting the records of its type before it: a rule cites few
     * records, so this is cheaper than indexing every record of the facts.
     */
    private Entry declaredInSession(Object record) {
        if (declaredIndex != null) {
            return declared(record, declaredIndex.get(record));
        }
        // as the full index numbers them: an object listed twice takes the number of its last place
        int index = 0;
        int found = -1;
        for (Object fact : facts.facts()) {
            if (fact == record) {
                found = index;
            }
            if (fact.getClass() == record.getClass()) {
                index++;
            }
        }
        return found < 0 ? fullIndex().get(record) : declared(record, found);
    }

    private Map<Object, Integer> declaredIndex() {
        if (declaredIndex == null) {
            declaredIndex = new IdentityHashMap<>();
            // by class: one rubric's declared record types are one package's, so a class is a simple name
            Map<Class<?>, Integer> counts = new HashMap<>();
            for (Object fact : facts.facts()) {
                if (!(fact instanceof Fact)) {
                    declaredIndex.put(fact, counts.merge(fact.getClass(), 1, Integer::sum) - 1);
                }
            }
        }
        return declaredIndex;
    }

    private Map<Object, Entry> fullIndex() {
        if (entries == null) {
            entries = new IdentityHashMap<>();
            entries.put(facts.subject(), subject(facts.subject()));
            for (Object fact : facts.facts()) {
                entries.put(fact, fact instanceof Fact ? fact(fact) : declared(fact, declaredIndex().get(fact)));
            }
        }
        return entries;
    }

    /**
     * @param objects facts, collections of facts, or anything else (ignored: numbers, the period)
     * @return the evidence for the facts among them, without repeats, in the fixed order
     */
    List<Evidence> of(Collection<?> objects) {
        List<Entry> found = new ArrayList<>();
        calls++;
        collect(objects, found);
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(ORDER);
        List<Evidence> evidence = new ArrayList<>(found.size());
        for (Entry entry : found) {
            evidence.add(entry.evidence());
        }
        return evidence;
    }

    private void collect(Collection<?> objects, List<Entry> found) {
        for (Object o : objects) {
            if (o instanceof Collection<?> nested) {
                collect(nested, found);
            } else if (o != null) {
                Entry entry = entryOf(o);
                if (entry != null && entry.foundBy != calls) {
                    entry.foundBy = calls;
                    found.add(entry);
                }
            }
        }
    }

    /**
     * Compares texts with their runs of digits taken as numbers: {@code meetings[9]} before {@code meetings[10]}.
     *
     * @param a a text
     * @param b another text
     * @return negative, zero or positive as {@code a} sorts before, with or after {@code b}
     */
    static int compareNatural(String a, String b) {
        if (a == b) {
            return 0;
        }
        // Texts compared here mostly share a long start (one rule's reasons, one kind's ids): skip it, back to the
        // start of the run of digits it may end in, from where both texts are read as numbers and letters alike.
        int shorter = Math.min(a.length(), b.length());
        int same = 0;
        while (same < shorter && a.charAt(same) == b.charAt(same)) {
            same++;
        }
        while (same > 0 && Character.isDigit(a.charAt(same - 1))) {
            same--;
        }
        int i = same;
        int j = same;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                // skip leading zeros (keeping the run's last digit), then the longer run is the larger number
                while (i + 1 < a.length() && a.charAt(i) == '0' && Character.isDigit(a.charAt(i + 1))) {
                    i++;
                }
                while (j + 1 < b.length() && b.charAt(j) == '0' && Character.isDigit(b.charAt(j + 1))) {
                    j++;
                }
                int endA = i;
                int endB = j;
                while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
                    endA++;
                }
                while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
                    endB++;
                }
                int c = Integer.compare(endA - i, endB - j);
                for (int k = 0; c == 0 && k < endA - i; k++) {
                    c = Character.compare(a.charAt(i + k), b.charAt(j + k));
                }
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
