package io.finalspec.runtime.explore;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.StampedLock;

/**
 * A concurrent set of 64-bit fingerprints that also remembers each one's parent fingerprint (for
 * counterexample reconstruction by replay, {@link Paths}): the explorer's only per-state storage.
 *
 * <p>Layout: 256 segments (chosen by the fingerprint's top bits), each one open-addressing table in
 * a single {@code long[]} with the key and its parent side by side, so a probe touches one cache
 * line. Insertion is lock-free within a table: a compare-and-set claims an empty key slot, then the
 * parent is written by the thread that claimed it. Inserters hold their segment's read lock (a
 * {@link StampedLock}: one compare-and-set on the segment's word, no per-thread bookkeeping as a
 * ReentrantReadWriteLock keeps for each reader), which only a resize takes exclusively: a growing
 * segment stops inserters into that segment alone (1/256 of the set) for the time of one copy,
 * never the whole search. A fingerprint already there is found without the lock: keys are never
 * removed and a resize copies them all, so a key seen in any version of a table is in the set. At 3/4 load the tables hold a state
 * in 21 to 43 bytes (the segments grow by doubling), so 10^8 states fit in about 2 to 4 GB.
 *
 * <p>Fingerprint 0 is reserved for empty slots and stands for "no parent"; a real fingerprint 0 is
 * remapped. When a table cannot grow, the {@link OutOfMemoryError} says how many fingerprints the
 * set held, and the set is left as it was.
 */
public final class FingerprintSet {
    private static final int SEGMENT_BITS = 8;
    private static final long ZERO_SUBSTITUTE = 0x5bd1e9955bd1e995L;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);
    /** The largest table: 2^29 slots of two longs, the longest Java array that is a power of two. */
    private static final int MAX_SLOTS = 1 << 29;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

    /** {@code expected}: the number of states expected (sizes the tables; they grow anyway). */
    public FingerprintSet(long expected) {
        long perSegment = Math.max(16, expected / segments.length * 4 / 3 + 1);
        int slots = (int) Math.min(MAX_SLOTS, Long.highestOneBit(perSegment - 1) << 1);
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(Math.max(16, slots));
        }
    }

    static long normalize(long fp) {
        return fp == 0 ? ZERO_SUBSTITUTE : fp;
    }

    private Segment segment(long fp) {
        return segments[(int) (fp >>> (64 - SEGMENT_BITS))];
    }

    /** Adds {@code fp} with its parent (0 for none); true when it was not there before. */
    public boolean put(long fp, long parent) {
        fp = normalize(fp);
        return segment(fp).put(fp, parent, this);
    }

    public boolean contains(long fp) {
        fp = normalize(fp);
        return segment(fp).find(fp) >= 0;
    }

    /**
     * The parent recorded for {@code fp}: 0 for an initial state. Fingerprints use all 64 bits, so
     * absence is reported as 0 too: test {@link #contains} first. Exact once the insertions of
     * {@code fp} happened-before this call (the explorer asks after its workers finished a level).
     */
    public long parent(long fp) {
        fp = normalize(fp);
        return segment(fp).parentOf(fp);
    }

    public long size() {
        long n = 0;
        for (Segment s : segments) {
            n += s.size.get();
        }
        return n;
    }

    /** Bytes held by the tables (the set's share of the heap: 16 bytes per slot). */
    public long bytes() {
        long n = 0;
        for (Segment s : segments) {
            n += (long) s.table.length * Long.BYTES;
        }
        return n;
    }

    private static final class Segment {
        /** Slot i is {@code table[2i]} (the key, 0 when empty) and {@code table[2i+1]} (its parent). */
        volatile long[] table;
        final AtomicInteger size = new AtomicInteger();
        final StampedLock resize = new StampedLock();

        Segment(int slots) {
            table = new long[2 * slots];
        }

        private static int slot(long fp, int mask) {
            long h = fp * 0x9e3779b97f4a7c15L;
            return (int) (h ^ (h >>> 29)) & mask;
        }

        boolean put(long fp, long parent, FingerprintSet set) {
            // Most successors were seen before. Keys are never removed and a resize copies every
            // key, so finding fp in any table this segment has had is final: no lock for that.
            if (find(fp) >= 0) {
                return false;
            }
            boolean added;
            int n;
            long stamp = resize.readLock();
            try {
                long[] t = table;
                int mask = (t.length >>> 1) - 1;
                int i = slot(fp, mask);
                while (true) {
                    long k = (long) SLOTS.getVolatile(t, 2 * i);
                    if (k == 0) {
                        if (SLOTS.compareAndSet(t, 2 * i, 0L, fp)) {
                            SLOTS.setRelease(t, 2 * i + 1, parent);
                            added = true;
                            break;
                        }
                        k = (long) SLOTS.getVolatile(t, 2 * i);
                    }
                    if (k == fp) {
                        added = false;
                        break;
                    }
                    i = (i + 1) & mask;
                }
                n = added ? size.incrementAndGet() : 0;
                if (added && n * 4L > (t.length >>> 1) * 3L && (t.length >>> 1) >= MAX_SLOTS) {
                    // A full table cannot double again; refuse before probing becomes endless.
                    throw new OutOfMemoryError("fingerprint set full at " + set.size() + " states");
                }
            } finally {
                resize.unlockRead(stamp);
            }
            if (added && n * 4L > (table.length >>> 1) * 3L) {
                grow(set);
            }
            return added;
        }

        int find(long fp) {
            long[] t = table;
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

        long parentOf(long fp) {
            long stamp = resize.readLock();
            try {
                int i = find(fp);
                return i < 0 ? 0 : (long) SLOTS.getAcquire(table, 2 * i + 1);
            } finally {
                resize.unlockRead(stamp);
            }
        }

        private void grow(FingerprintSet set) {
            long stamp = resize.writeLock();
            try {
                long[] old = table;
                int oldSlots = old.length >>> 1;
                if (size.get() * 4L <= oldSlots * 3L) {
                    return; // another thread grew it first
                }
                long[] bigger;
                try {
                    bigger = new long[4 * oldSlots];
                } catch (OutOfMemoryError e) {
                    throw new OutOfMemoryError("fingerprint set: no memory to grow past " + set.size() + " states");
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
                table = bigger;
            } finally {
                resize.unlockWrite(stamp);
            }
        }
    }
}
