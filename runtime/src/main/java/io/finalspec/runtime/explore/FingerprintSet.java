package io.finalspec.runtime.explore;

/**
 * A concurrent open-addressing set of 64-bit fingerprints that also remembers each one's parent
 * fingerprint (for counterexample reconstruction). Striped into segments, each a pair of
 * {@code long[]} tables guarded by its own lock, so it holds tens of millions of states at about
 * 21 bytes each. Fingerprint 0 is reserved for empty slots and stands for "no parent"; a real
 * fingerprint 0 is remapped.
 */
public final class FingerprintSet {
    private static final int SEGMENT_BITS = 6;
    private static final long ZERO_SUBSTITUTE = 0x5bd1e9955bd1e995L;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];

    /** {@code expected}: the number of states expected (sizes the tables; they grow anyway). */
    public FingerprintSet(long expected) {
        int perSegment = (int) Math.min(1 << 28, Math.max(16, expected / segments.length * 4 / 3 + 1));
        int cap = Integer.highestOneBit(perSegment - 1) << 1;
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment(Math.max(16, cap));
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
        return segment(fp).put(fp, parent);
    }

    public boolean contains(long fp) {
        fp = normalize(fp);
        return segment(fp).find(fp) >= 0;
    }

    /**
     * The parent recorded for {@code fp}: 0 for an initial state. Fingerprints use all 64 bits, so
     * absence is reported as 0 too: test {@link #contains} first.
     */
    public long parent(long fp) {
        fp = normalize(fp);
        return segment(fp).parentOf(fp);
    }

    public long size() {
        long n = 0;
        for (Segment s : segments) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private static final class Segment {
        long[] keys;
        long[] parents;
        int size;

        Segment(int cap) {
            keys = new long[cap];
            parents = new long[cap];
        }

        private static int slot(long fp, int mask) {
            long h = fp * 0x9e3779b97f4a7c15L;
            return (int) (h ^ (h >>> 29)) & mask;
        }

        synchronized boolean put(long fp, long parent) {
            int mask = keys.length - 1;
            int i = slot(fp, mask);
            while (true) {
                long k = keys[i];
                if (k == 0) {
                    keys[i] = fp;
                    parents[i] = parent;
                    if (++size * 4L > keys.length * 3L) {
                        grow();
                    }
                    return true;
                }
                if (k == fp) {
                    return false;
                }
                i = (i + 1) & mask;
            }
        }

        synchronized int find(long fp) {
            int mask = keys.length - 1;
            int i = slot(fp, mask);
            while (true) {
                long k = keys[i];
                if (k == 0) {
                    return -1;
                }
                if (k == fp) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }

        synchronized long parentOf(long fp) {
            int i = find(fp);
            return i < 0 ? 0 : parents[i];
        }

        private void grow() {
            long[] oldK = keys;
            long[] oldP = parents;
            keys = new long[oldK.length * 2];
            parents = new long[oldK.length * 2];
            int mask = keys.length - 1;
            for (int j = 0; j < oldK.length; j++) {
                long k = oldK[j];
                if (k != 0) {
                    int i = slot(k, mask);
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = k;
                    parents[i] = oldP[j];
                }
            }
        }
    }
}
