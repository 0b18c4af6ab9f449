package io.github.rubric.rules;

/**
 * A set of objects by identity, emptied and used again. Its main use is the facts of one evaluation: an object listed
 * twice is one fact, as Drools itself treats a second insert of the same object. One set goes with each pooled
 * session and is emptied when the session is given back, so that an evaluation neither allocates nor zeroes a table
 * of its own; emptying touches only the slots it filled. A session's reset uses another for the segments it meets
 * ({@link SessionMemories}). Not thread-safe: a session is used by one evaluation at a time.
 */
final class IdentitySet {
    private static final int SMALLEST = 16;
    /**
     * The largest table kept for the next evaluation (4,096 slots: 16 KB, and 8 KB of slots filled): enough for
     * 2,047 facts; a subject with more makes its table anew, as every evaluation did before the set was kept.
     */
    private static final int KEPT = 1 << 12;

    private Object[] table = new Object[SMALLEST];
    /** 32 less the number of bits of a slot's index: the table's length is a power of two. */
    private int shift = 32 - Integer.numberOfTrailingZeros(SMALLEST);
    /** The slots in use, in the order they were filled, so that {@link #clear} needs no sweep of the table. */
    private int[] filled = new int[SMALLEST / 2];
    private int size;

    /**
     * @param o an object, not null
     * @return true if it was not in the set and now is; false if this very object was already there
     */
    boolean add(Object o) {
        int mask = table.length - 1;
        int i = slot(o);
        for (Object there = table[i]; there != null; there = table[i]) {
            if (there == o) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = o;
        filled[size++] = i;
        if (size * 2 >= table.length) {
            grow();
        }
        return true;
    }

    /**
     * @param o any object
     * @return whether this very object is in the set
     */
    boolean contains(Object o) {
        if (o == null) {
            return false;
        }
        int mask = table.length - 1;
        for (int i = slot(o); table[i] != null; i = (i + 1) & mask) {
            if (table[i] == o) {
                return true;
            }
        }
        return false;
    }

    /** @return how many objects are in the set */
    int size() {
        return size;
    }

    /**
     * Empties the set, keeping its table for the next evaluation unless it is larger than {@link #KEPT}: an idle
     * session should not hold on to the table of its largest subject.
     */
    void clear() {
        if (table.length > KEPT) {
            table = new Object[SMALLEST];
            shift = 32 - Integer.numberOfTrailingZeros(SMALLEST);
            filled = new int[SMALLEST / 2];
        } else {
            for (int i = 0; i < size; i++) {
                table[filled[i]] = null;
            }
        }
        size = 0;
    }

    /** Fibonacci hashing: the top bits of the identity hash times 2^32 / φ. */
    private int slot(Object o) {
        return System.identityHashCode(o) * 0x9E3779B9 >>> shift;
    }

    private void grow() {
        Object[] old = table;
        int[] order = filled;
        int count = size;
        table = new Object[old.length * 2];
        shift--;
        filled = new int[table.length / 2];
        size = 0;
        int mask = table.length - 1;
        for (int k = 0; k < count; k++) {
            Object o = old[order[k]];
            int i = slot(o);
            while (table[i] != null) {
                i = (i + 1) & mask;
            }
            table[i] = o;
            filled[size++] = i;
        }
    }
}
