package io.finalspec.runtime.explore.liveness;

import java.util.Arrays;

/**
 * Fingerprint to node id, open addressing over two arrays (a long and an int per slot): the
 * liveness graph's only per-state map, sized to the graph. A small one, cleared for each state, is
 * also a recording slice's map from a state's successors to its edges, and (its keys) the set of a
 * fairness condition's steps from that state.
 */
final class FingerprintIndex {
    private static final int EMPTY = -1;

    private long[] keys;
    private int[] ids;
    private int size;

    FingerprintIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new long[cap];
        ids = new int[cap];
        Arrays.fill(ids, EMPTY);
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(ids, EMPTY);
            size = 0;
        }
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Adds {@code fp} as a key (with id 0); false if it was one. */
    boolean add(long fp) {
        if (get(fp) >= 0) {
            return false;
        }
        put(fp, 0);
        return true;
    }

    boolean contains(long fp) {
        return get(fp) >= 0;
    }

    /** The id of {@code fp}, or -1. */
    int get(long fp) {
        int mask = ids.length - 1;
        for (int i = slot(fp, mask); ; i = (i + 1) & mask) {
            if (ids[i] == EMPTY) {
                return -1;
            }
            if (keys[i] == fp) {
                return ids[i];
            }
        }
    }

    /** Maps {@code fp} to {@code id}; the caller ensures {@code fp} is absent. */
    void put(long fp, int id) {
        if ((size + 1) * 2 > ids.length) {
            grow();
        }
        insert(fp, id);
        size++;
    }

    private void insert(long fp, int id) {
        int mask = ids.length - 1;
        int i = slot(fp, mask);
        while (ids[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = fp;
        ids[i] = id;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldIds = ids;
        keys = new long[oldKeys.length * 2];
        ids = new int[oldIds.length * 2];
        Arrays.fill(ids, EMPTY);
        for (int i = 0; i < oldIds.length; i++) {
            if (oldIds[i] != EMPTY) {
                insert(oldKeys[i], oldIds[i]);
            }
        }
    }

    private static int slot(long fp, int mask) {
        long h = fp * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
