package io.finalspec.runtime.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A concurrent set of 64-bit fingerprints that also remembers each one's parent fingerprint (for
 * counterexample reconstruction by replay, {@link Paths}): the explorer's only per-state storage.
 *
 * <p>Layout: 256 segments (chosen by the fingerprint's top bits), each one open-addressing table in
 * a single {@code long[]} with the key and its parent side by side, so a probe touches one cache
 * line. Insertion is lock-free within a table: a compare-and-set claims an empty key slot, then the
 * parent is written by the thread that claimed it. A fingerprint already there (most successors)
 * is found without writing anything shared: keys are never removed and a resize copies them all,
 * so a key seen in any version of a table is in the set.
 *
 * <p>What several workers write is kept apart from what they read, on cache lines of its own: the
 * tables' references (read by every lookup, written only by a resize) are in one array, and each
 * segment's state word (its number of keys, the inserters inside its table, a resize in progress)
 * is alone on its line. Sharing a line with a counter another worker increments made every lookup a
 * transfer between the cores (two workers spent seven times the time of one in lookups). An
 * inserter enters its segment with one compare-and-set on that word and leaves with one atomic add;
 * a resize waits for the inserters inside to leave and stops new ones for that segment alone (1/256
 * of the set) for the time of one copy, never the whole search. At 3/4 load the tables hold a
 * state in 21 to 43 bytes (the segments grow by doubling), so 10^8 states fit in about 2 to 4 GB.
 *
 * <p>Fingerprint 0 is reserved for empty slots and stands for "no parent"; a real fingerprint 0 is
 * remapped. When a table cannot grow, the {@link OutOfMemoryError} says how many fingerprints the
 * set held, and the set is left as it was.
 */
public final class FingerprintSet {
    private static final int SEGMENT_BITS = 8;
    private static final int SEGMENTS = 1 << SEGMENT_BITS;
    private static final long ZERO_SUBSTITUTE = 0x5bd1e9955bd1e995L;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle TABLES = MethodHandles.arrayElementVarHandle(long[][].class);
    /** The largest table: 2^29 slots of two longs, the longest Java array that is a power of two. */
    private static final int MAX_SLOTS = 1 << 29;

    /** Longs between two segments' state words: 128 bytes, two cache lines (the adjacent-line prefetch). */
    private static final int STRIDE = 16;
    /** A state word's low 32 bits: the keys in the segment's table. */
    private static final long SIZE_MASK = 0xffff_ffffL;
    /** One inserter inside the segment's table (bits 32 to 62 count them). */
    private static final long INSERTER = 1L << 32;
    private static final long INSERTERS_MASK = 0x7fff_ffffL << 32;
    /** The sign bit: a resize holds the segment. */
    private static final long RESIZING = Long.MIN_VALUE;

    /** Segment i's table: written only by its resize. */
    private final long[][] tables = new long[SEGMENTS][];
    /** Segment i's state word at {@code STRIDE * i}. */
    private final long[] states = new long[SEGMENTS * STRIDE];

    /** {@code expected}: the number of states expected (sizes the tables; they grow anyway). */
    public FingerprintSet(long expected) {
        long perSegment = Math.max(16, expected / SEGMENTS * 4 / 3 + 1);
        int slots = (int) Math.min(MAX_SLOTS, Long.highestOneBit(perSegment - 1) << 1);
        for (int i = 0; i < SEGMENTS; i++) {
            tables[i] = new long[2 * Math.max(16, slots)];
        }
    }

    static long normalize(long fp) {
        return fp == 0 ? ZERO_SUBSTITUTE : fp;
    }

    private static int segment(long fp) {
        return (int) (fp >>> (64 - SEGMENT_BITS));
    }

    private long[] table(int segment) {
        return (long[]) TABLES.getAcquire(tables, segment);
    }

    private long state(int segment) {
        return (long) SLOTS.getVolatile(states, segment * STRIDE);
    }

    /** Adds {@code fp} with its parent (0 for none); true when it was not there before. */
    public boolean put(long fp, long parent) {
        fp = normalize(fp);
        int s = segment(fp);
        // Most successors were seen before: found in any table the segment has had, fp is final.
        if (find(table(s), fp) >= 0) {
            return false;
        }
        enter(s);
        boolean added = false;
        long keys;
        int slots;
        try {
            long[] t = table(s); // no resize starts while this thread is inside
            slots = t.length >>> 1;
            added = insert(t, fp, parent);
        } finally {
            keys = ((long) SLOTS.getAndAdd(states, s * STRIDE, -INSERTER + (added ? 1 : 0)) & SIZE_MASK) + (added ? 1 : 0);
        }
        if (added && keys * 4 > slots * 3L) {
            if (slots >= MAX_SLOTS) {
                // A full table cannot double again; refuse before probing becomes endless.
                throw new OutOfMemoryError("fingerprint set full at " + size() + " states");
            }
            grow(s);
        }
        return added;
    }

    /**
     * Reads the word where the lookup of {@code fp} starts and returns it: a caller that touches
     * the fingerprints of several states one after the other, before looking them up, lets the
     * processor wait for their cache misses together instead of one after the other (the tables
     * of a large search are far larger than the caches). A hint: it changes nothing.
     */
    public long touch(long fp) {
        fp = normalize(fp);
        long[] t = table(segment(fp));
        return t[2 * slot(fp, (t.length >>> 1) - 1)];
    }

    public boolean contains(long fp) {
        fp = normalize(fp);
        return find(table(segment(fp)), fp) >= 0;
    }

    /**
     * The parent recorded for {@code fp}: 0 for an initial state. Fingerprints use all 64 bits, so
     * absence is reported as 0 too: test {@link #contains} first. Exact once the insertions of
     * {@code fp} happened-before this call (the explorer asks after its workers finished a level).
     */
    public long parent(long fp) {
        fp = normalize(fp);
        long[] t = table(segment(fp));
        int i = find(t, fp);
        return i < 0 ? 0 : (long) SLOTS.getAcquire(t, 2 * i + 1);
    }

    public long size() {
        long n = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            n += state(s) & SIZE_MASK;
        }
        return n;
    }

    /** Bytes held by the tables (the set's share of the heap: 16 bytes per slot). */
    public long bytes() {
        long n = 0;
        for (int s = 0; s < SEGMENTS; s++) {
            n += (long) table(s).length * Long.BYTES;
        }
        return n;
    }

    private static int slot(long fp, int mask) {
        long h = fp * 0x9e3779b97f4a7c15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    private static int find(long[] t, long fp) {
        int mask = (t.length >>> 1) - 1;
        for (int i = slot(fp, mask); ; i = (i + 1) & mask) {
            long k = (long) SLOTS.getVolatile(t, 2 * i);
            if (k == 0) {
                return -1;
            }
            if (k == fp) {
                return i;
            }
        }
    }

    /** Claims a slot of {@code t} for {@code fp}: false when another thread put it there first. */
    private static boolean insert(long[] t, long fp, long parent) {
        int mask = (t.length >>> 1) - 1;
        for (int i = slot(fp, mask); ; i = (i + 1) & mask) {
            long k = (long) SLOTS.getVolatile(t, 2 * i);
            if (k == 0) {
                if (SLOTS.compareAndSet(t, 2 * i, 0L, fp)) {
                    SLOTS.setRelease(t, 2 * i + 1, parent);
                    return true;
                }
                k = (long) SLOTS.getVolatile(t, 2 * i);
            }
            if (k == fp) {
                return false;
            }
        }
    }

    /** Counts this thread in as an inserter of segment {@code s}, waiting while a resize holds it. */
    private void enter(int s) {
        while (true) {
            long st = state(s);
            if (st >= 0 && SLOTS.compareAndSet(states, s * STRIDE, st, st + INSERTER)) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    /** Doubles segment {@code s}'s table, unless another thread did it first. */
    private void grow(int s) {
        while (true) {
            long st = state(s);
            if (st >= 0 && SLOTS.compareAndSet(states, s * STRIDE, st, st | RESIZING)) {
                break;
            }
            Thread.onSpinWait();
        }
        try {
            while ((state(s) & INSERTERS_MASK) != 0) {
                Thread.onSpinWait(); // those inside finish their insertion into the old table
            }
            long[] old = table(s);
            int oldSlots = old.length >>> 1;
            if ((state(s) & SIZE_MASK) * 4 <= oldSlots * 3L) {
                return; // another thread grew it first
            }
            long[] bigger;
            try {
                bigger = new long[4 * oldSlots];
            } catch (OutOfMemoryError e) {
                throw new OutOfMemoryError("fingerprint set: no memory to grow past " + size() + " states");
            }
            int mask = 2 * oldSlots - 1;
            for (int j = 0; j < oldSlots; j++) {
                long k = old[2 * j];
                if (k != 0) {
                    int i = slot(k, mask);
                    while (bigger[2 * i] != 0) {
                        i = (i + 1) & mask;
                    }
                    bigger[2 * i] = k;
                    bigger[2 * i + 1] = old[2 * j + 1];
                }
            }
            TABLES.setRelease(tables, s, bigger);
        } finally {
            SLOTS.getAndBitwiseAnd(states, s * STRIDE, ~RESIZING);
        }
    }
}
