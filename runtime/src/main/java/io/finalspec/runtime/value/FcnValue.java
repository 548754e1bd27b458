package io.finalspec.runtime.value;

/**
 * A TLA+ function. Tuples/sequences ({@link TupleValue}, domain {@code 1..n}), records ({@link
 * RecordValue}, domain a set of strings), functions on other integer intervals ({@link IntFcnValue})
 * and all other functions ({@link GenericFcnValue}) share this view: {@code size()} domain elements
 * in canonical (TLC) order with their values. Construction always picks the one canonical
 * representation for a given function, and equality and fingerprints work on this view, so equal
 * functions are equal whatever produced them.
 */
public abstract sealed class FcnValue extends AbstractValue
        permits TupleValue, RecordValue, IntFcnValue, GenericFcnValue {
    /**
     * Whether {@link #fp} and {@link #rawSum} are known. Written with release and read with acquire
     * semantics, so a thread that sees it set sees both; unlike a volatile write, a release costs no
     * fence on x86, and the fingerprint is cached once for every function built (EXCEPT included).
     */
    private static final java.lang.invoke.VarHandle FP_DONE = fpDoneHandle(java.lang.invoke.MethodHandles.lookup());

    private long fp;
    private boolean fpDone;

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

    private long rawSum;

    /** The handle of the {@code boolean fpDone} field of {@code lookup}'s class. */
    static java.lang.invoke.VarHandle fpDoneHandle(java.lang.invoke.MethodHandles.Lookup lookup) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), "fpDone", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private boolean fingerprintKnown() {
        return (boolean) FP_DONE.getAcquire(this);
    }

    @Override
    public final long fingerprint() {
        if (!fingerprintKnown()) {
            long sum = 0;
            int n = size();
            for (int i = 0; i < n; i++) {
                sum += Fp.pair(keyAt(i).fingerprint(), valueAt(i).fingerprint());
            }
            rawSum = sum;
            fp = Fp.finishFcn(sum, n);
            FP_DONE.setRelease(this, true);
        }
        return fp;
    }

    /**
     * The function with the value at position {@code i} replaced (EXCEPT). When this function's
     * fingerprint is known, the copy's is derived in O(1): the fingerprint is a sum over pairs, so
     * one pair is subtracted and one added.
     */
    final FcnValue replaced(int i, Value v) {
        FcnValue out = withValueAt(i, v);
        if (fingerprintKnown()) {
            long k = keyAt(i).fingerprint();
            long sum = rawSum - Fp.pair(k, valueAt(i).fingerprint()) + Fp.pair(k, v.fingerprint());
            out.rawSum = sum;
            out.fp = Fp.finishFcn(sum, size());
            FP_DONE.setRelease(out, true);
        }
        return out;
    }

    @Override
    public final Kind kind() {
        return Kind.FUNCTION;
    }
}
