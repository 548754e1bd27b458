package io.finalspec.runtime.value;

/**
 * A TLA+ function. Tuples/sequences ({@link TupleValue}, domain {@code 1..n}), records ({@link
 * RecordValue}, domain a set of strings), functions on other integer intervals ({@link IntFcnValue})
 * and all other functions ({@link GenericFcnValue}) share this view: {@code size()} domain elements
 * in canonical (TLC) order with their values. Construction always picks the one canonical
 * representation for a given function, and equality and fingerprints work on this view, so equal
 * functions are equal whatever produced them.
 */
public abstract sealed class FcnValue extends Value
        permits TupleValue, RecordValue, IntFcnValue, GenericFcnValue {
    /**
     * The sum over (key, value) pairs that {@link Fp#finishFcn} turns into the fingerprint, once
     * known; 0 while unknown (a function whose sum is 0 computes it at every call: correct, and as
     * rare as a fingerprint collision). Volatile, so that a reader sees the whole long; it is only
     * ever written with the same value, by whichever thread computes it first or by the EXCEPT
     * that made the function. A plain volatile field rather than a flag published with release
     * and acquire through a VarHandle: the interpreter and C1 run VarHandle calls slowly, and a
     * cold search spends most of its time there.
     */
    private volatile long rawSum;

    /** Number of elements in the domain. */
    public abstract int size();

    /** The {@code i}-th domain element in canonical order. */
    public abstract Value keyAt(int i);

    /** The value at the {@code i}-th domain element. */
    public abstract Value valueAt(int i);

    /** The position of {@code key} in the domain, or -1; never throws. */
    public abstract int indexOf(Value key);

    /** The domain as a set. */
    public abstract SetValue domain();

    /** A copy with the value at position {@code i} replaced. */
    abstract FcnValue withValueAt(int i, Value v);

    /** f[key], or null when {@code key} is not in the domain. */
    public Value get(Value key) {
        int i = indexOf(key);
        return i < 0 ? null : valueAt(i);
    }

    @Override
    public final long fingerprint() {
        long sum = rawSum;
        if (sum == 0) {
            int n = size();
            for (int i = 0; i < n; i++) {
                sum += Fp.pair(keyAt(i).fingerprint(), valueAt(i).fingerprint());
            }
            rawSum = sum;
        }
        return Fp.finishFcn(sum, size());
    }

    /**
     * The function with the value at position {@code i} replaced (EXCEPT). When this function's
     * fingerprint is known, the copy's is derived in O(1): the fingerprint is a sum over pairs, so
     * one pair is subtracted and one added.
     */
    final FcnValue replaced(int i, Value v) {
        FcnValue out = withValueAt(i, v);
        long sum = rawSum;
        if (sum != 0) {
            long k = keyAt(i).fingerprint();
            out.rawSum = sum - Fp.pair(k, valueAt(i).fingerprint()) + Fp.pair(k, v.fingerprint());
        }
        return out;
    }

    @Override
    public final Kind kind() {
        return Kind.FUNCTION;
    }
}
