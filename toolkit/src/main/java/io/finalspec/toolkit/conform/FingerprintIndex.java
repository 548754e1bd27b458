package io.finalspec.toolkit.conform;

import java.util.Arrays;

/**
 * Numbers fingerprints (longs) densely in the order they are added: an open-addressing table of
 * primitives, so that a graph of a million states costs a few arrays, not a million objects.
 */
final class FingerprintIndex {

    private static final int ABSENT = -1;

    private long[] keys;
    private int[] slots;
    private int size;

    FingerprintIndex() {
        keys = new long[1 << 12];
        slots = new int[1 << 12];
        Arrays.fill(slots, ABSENT);
    }

    /** The number of {@code fp}, or -1 when it was never added. */
    int get(long fp) {
        int mask = keys.length - 1;
        for (int i = hash(fp) & mask; slots[i] != ABSENT; i = (i + 1) & mask) {
            if (keys[i] == fp) {
                return slots[i];
            }
        }
        return ABSENT;
    }

    /** Adds {@code fp} with the next number and returns it; -1 when it was already there. */
    int add(long fp) {
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        return insert(keys, slots, fp, size) ? size++ : ABSENT;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] keys, int[] slots, long fp, int slot) {
        int mask = keys.length - 1;
        int i = hash(fp) & mask;
        while (slots[i] != ABSENT) {
            if (keys[i] == fp) {
                return false;
            }
            i = (i + 1) & mask;
        }
        keys[i] = fp;
        slots[i] = slot;
        return true;
    }

    private void grow() {
        long[] biggerKeys = new long[keys.length * 2];
        int[] biggerSlots = new int[keys.length * 2];
        Arrays.fill(biggerSlots, ABSENT);
        for (int i = 0; i < keys.length; i++) {
            if (slots[i] != ABSENT) {
                insert(biggerKeys, biggerSlots, keys[i], slots[i]);
            }
        }
        keys = biggerKeys;
        slots = biggerSlots;
    }

    private static int hash(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        return (int) (v ^ (v >>> 33));
    }
}
