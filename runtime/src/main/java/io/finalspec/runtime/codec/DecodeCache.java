package io.finalspec.runtime.codec;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;

import io.finalspec.runtime.value.Value;

/**
 * The values a field decoded last, by code: a direct-mapped table of at most {@link #MAX_SLOTS}
 * entries (one per code when the field has no more values). A state's variables take few distinct
 * values, so most decodings find the value already built: no allocation, and the value's
 * fingerprint (computed once per value object) is reused by every state holding it. Thread-safe:
 * entries are immutable and replaced whole; a lost race only costs a second decoding.
 */
final class DecodeCache {
    static final int MAX_SLOTS = 1 << 12;

    private record Entry(long code, Value value) {
    }

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;
    /** Builds the value of a code the cache does not hold (a field's method, bound once). */
    private final LongFunction<Value> decode;

    /** A cache for a field of {@code cardinality} values (at least 1) that {@code decode} builds. */
    DecodeCache(long cardinality, LongFunction<Value> decode) {
        this.decode = decode;
        int n = (int) Math.min(MAX_SLOTS, Long.highestOneBit(Math.max(1, cardinality - 1)) << 1);
        slots = new AtomicReferenceArray<>(n);
        mask = n - 1;
    }

    Value get(long code) {
        int i = (int) (code ^ (code >>> 29) ^ (code >>> 47)) & mask;
        Entry e = slots.getAcquire(i);
        if (e != null && e.code() == code) {
            return e.value();
        }
        Value v = decode.apply(code);
        slots.setRelease(i, new Entry(code, v));
        return v;
    }
}
