package io.finalspec.runtime.codec;

/**
 * Reads or writes consecutive bit fields of one packed state, {@code words} longs from {@code at}
 * in an array. A field may straddle two words. Not thread-safe: one cursor per call.
 */
final class BitCursor {
    private final long[] words;
    private final int at;
    private long position;

    BitCursor(long[] words, int at) {
        this.words = words;
        this.at = at;
    }

    /** Appends the low {@code n} bits of {@code value} (0 &lt;= n &lt;= 64). */
    void put(long value, int n) {
        if (n == 0) {
            return;
        }
        long v = n == 64 ? value : value & ((1L << n) - 1);
        int word = at + (int) (position >>> 6);
        int offset = (int) (position & 63);
        words[word] |= v << offset;
        if (offset + n > 64) {
            words[word + 1] |= v >>> (64 - offset);
        }
        position += n;
    }

    /**
     * Appends the {@code n} bits found at this cursor's position in another packed state of the
     * same layout ({@code from}, from word {@code fromAt}): a field copied instead of encoded.
     */
    void copy(long[] from, int fromAt, int n) {
        while (n > 0) {
            int k = Math.min(n, 64);
            int word = fromAt + (int) (position >>> 6);
            int offset = (int) (position & 63);
            long v = from[word] >>> offset;
            if (offset + k > 64) {
                v |= from[word + 1] << (64 - offset);
            }
            put(v, k);
            n -= k;
        }
    }

    /**
     * Whether the next {@code n} bits are those at this cursor's position in another packed state
     * of the same layout ({@code other}, from word {@code otherAt}); the cursor does not move.
     */
    boolean sameAs(long[] other, int otherAt, int n) {
        long end = position + n;
        for (long p = position; p < end;) {
            int word = (int) (p >>> 6);
            int offset = (int) (p & 63);
            int k = (int) Math.min(64 - offset, end - p);
            long mask = (k == 64 ? -1L : (1L << k) - 1) << offset;
            if (((words[at + word] ^ other[otherAt + word]) & mask) != 0) {
                return false;
            }
            p += k;
        }
        return true;
    }

    /** Moves past {@code n} bits (left zero when writing). */
    void skip(int n) {
        position += n;
    }

    /** The next {@code n} bits (0 &lt;= n &lt;= 64), as written by {@link #put}. */
    long take(int n) {
        if (n == 0) {
            return 0;
        }
        int word = at + (int) (position >>> 6);
        int offset = (int) (position & 63);
        long v = words[word] >>> offset;
        if (offset + n > 64) {
            v |= words[word + 1] << (64 - offset);
        }
        position += n;
        return n == 64 ? v : v & ((1L << n) - 1);
    }
}
