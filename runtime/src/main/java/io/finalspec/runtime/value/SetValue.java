package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Iterator;

/**
 * A TLA+ set. Finite sets iterate in TLC's normalized order (the order {@code CHOOSE} and printing
 * use); lazy sets ({@code a..b}, {@code SUBSET S}, {@code [S -> T]}, {@code [a : S]}, {@code S \X T})
 * answer membership without enumerating and enumerate in the same canonical order; infinite sets
 * ({@code Nat}, {@code Int}, {@code STRING}, {@code Seq(S)}) answer membership only.
 */
public abstract sealed class SetValue extends AbstractValue implements Iterable<Value>
        permits EnumSetValue, IntervalValue, SubsetValue, FunSetValue, ProductLikeSetValue,
        InfiniteSetValue, CombinedSetValue {
    private volatile long fp;
    private volatile boolean fpDone;

    /** Whether the set is finite (and so enumerable). */
    public abstract boolean isFinite();

    /** The number of elements; throws for infinite sets or when the count overflows an int. */
    public abstract int size();

    /** Membership with TLC's errors (comparing incomparable values throws). */
    public abstract boolean contains(Value v);

    /** The elements in canonical order; throws for infinite sets. */
    @Override
    public abstract Iterator<Value> iterator();

    /** The same set, enumerated into its normalized array form. */
    public EnumSetValue toEnum() {
        requireFinite("enumerate");
        ArrayList<Value> out = new ArrayList<>();
        for (Value v : this) {
            out.add(v);
        }
        return EnumSetValue.ofSorted(out.toArray(new Value[0]));
    }

    void requireFinite(String what) {
        if (!isFinite()) {
            String text = lazyText();
            throw new TlaEvalException("Attempted to " + what + " the infinite set " + (text != null ? text : getClass().getSimpleName()) + ".");
        }
    }

    @Override
    public final long fingerprint() {
        if (!fpDone) {
            fp = computeFingerprint();
            fpDone = true;
        }
        return fp;
    }

    long computeFingerprint() {
        if (!isFinite()) {
            // Never enumerate (hashing must not throw): an infinite lazy set hashes by its definition.
            return infiniteFingerprint();
        }
        long sum = 0;
        int n = 0;
        for (Value v : this) {
            sum += Fp.element(v.fingerprint());
            n++;
        }
        return Fp.finishSet(sum, n);
    }

    /** The fingerprint of an infinite set, from its definition (components' fingerprints). */
    long infiniteFingerprint() {
        return Fp.ofString(Fp.SET, String.valueOf(lazyText()));
    }

    @Override
    public final Kind kind() {
        return Kind.SET;
    }

    /** Human form for printing lazily defined sets; null prints the enumeration. */
    String lazyText() {
        return null;
    }
}
