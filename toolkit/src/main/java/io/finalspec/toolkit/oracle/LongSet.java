package io.finalspec.toolkit.oracle;

/** An open-addressing set of fingerprints (longs), for the explorer's seen-set. */
final class LongSet {

    private long[] slots;
    private boolean hasZero;
    private int size;

    LongSet() {
        slots = new long[1 << 12];
    }

    /** Adds {@code v}; false if it was already there. */
    boolean add(long v) {
        if (v == 0) {
            if (hasZero) {
                return false;
            }
            hasZero = true;
            size++;
            return true;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        if (!insert(slots, v)) {
            return false;
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long v) {
        int mask = table.length - 1;
        int i = (int) mix(v) & mask;
        while (table[i] != 0) {
            if (table[i] == v) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != 0) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }

    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        return v ^ (v >>> 33);
    }
}
