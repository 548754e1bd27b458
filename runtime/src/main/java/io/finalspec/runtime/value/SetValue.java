package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Iterator;

/**
 * A TLA+ set. Finite sets iterate in TLC's normalized order (the order {@code CHOOSE} and printing
 * use); lazy sets ({@code a..b}, {@code SUBSET S}, {@code [S -> T]}, {@code [a : S]}, {@code S \X T})
 * answer membership without enumerating and enumerate in the same canonical order; infinite sets
 * ({@code Nat}, {@code Int}, {@code STRING}, {@code Seq(S)}) answer membership only.
 */
public abstract sealed class SetValue extends Value implements Iterable<Value>
        permits EnumSetValue, IntervalValue, SubsetValue, FunSetValue, ProductLikeSetValue,
        InfiniteSetValue, CombinedSetValue {
    /** At most this many elements of a lazy set are kept once enumerated ({@link #iterator} of a small lazy set). */
    static final int KEPT_ENUMERATION = 1 << 12;

    /** The fingerprint once known, 0 before: volatile and written only with its one value, as {@code FcnValue}'s sum. */
    private volatile long fp;
    /** A lazy set's elements once enumerated (sets are immutable: the enumeration never changes); null before. */
    private volatile EnumSetValue enumerated;
    /** Whether a lazy set was iterated before (a racy hint: a lost write costs one more streamed pass). */
    private boolean iteratedBefore;

    /** Whether the set is finite (and so enumerable). */
    public abstract boolean isFinite();

    /** The number of elements; throws for infinite sets or when the count overflows an int. */
    public abstract int size();

    /** Membership with TLC's errors (comparing incomparable values throws). */
    public abstract boolean contains(Value v);

    /** The elements in canonical order; throws for infinite sets. */
    @Override
    public abstract Iterator<Value> iterator();

    /**
     * The same set, enumerated into its normalized array form; a lazy set keeps it, so a constant
     * such as {@code Procs \X (1..3)} is enumerated once however often it is compared or iterated.
     */
    public EnumSetValue toEnum() {
        EnumSetValue e = enumerated;
        if (e == null) {
            requireFinite("enumerate");
            ArrayList<Value> out = new ArrayList<>();
            Iterator<Value> it = enumerate();
            while (it.hasNext()) {
                out.add(it.next());
            }
            e = EnumSetValue.ofSorted(out.toArray(new Value[0]));
            enumerated = e;
        }
        return e;
    }

    /**
     * The elements of a lazy set in canonical order. The first iteration computes them as they are
     * visited ({@link #enumerate}: a set built during one evaluation is usually iterated once); a
     * set iterated again (a constant of the spec, say) keeps its enumeration when it has at most
     * {@link #KEPT_ENUMERATION} elements and is iterated from it from then on.
     */
    Iterator<Value> lazyIterator() {
        requireFinite("enumerate");
        EnumSetValue e = enumerated;
        if (e == null && iteratedBefore && size() <= KEPT_ENUMERATION) {
            e = toEnum();
        }
        iteratedBefore = true;
        return e != null ? e.iterator() : enumerate();
    }

    /** The elements of a lazy set in canonical order, computed as they are visited (EnumSetValue: its array). */
    Iterator<Value> enumerate() {
        return iterator();
    }

    void requireFinite(String what) {
        if (!isFinite()) {
            String text = lazyText();
            throw new TlaEvalException("Attempted to " + what + " the infinite set " + (text != null ? text : getClass().getSimpleName()) + ".");
        }
    }

    @Override
    public final long fingerprint() {
        long f = fp;
        if (f == 0) {
            f = computeFingerprint();
            fp = f;
        }
        return f;
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
