package io.finalspec.runtime.value;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** {@code SUBSET S}, lazy: membership is {@code \subseteq}; enumeration by size, then elements. */
public final class SubsetValue extends SetValue {
    final SetValue base;

    SubsetValue(SetValue base) {
        this.base = base;
    }

    @Override
    public boolean isFinite() {
        return base.isFinite();
    }

    @Override
    public int size() {
        requireFinite("count");
        int n = base.size();
        if (n >= 31) {
            throw new TlaEvalException("Overflow when computing the number of elements in SUBSET of a set with " + n + " elements");
        }
        return 1 << n;
    }

    @Override
    public boolean contains(Value v) {
        if (!(v instanceof SetValue s)) {
            if (v instanceof ModelValue) {
                return false;
            }
            throw new TlaEvalException("Attempted to check if the non-set value:\n" + v + "\nis an element of SUBSET " + base);
        }
        return ValueOps.subseteq(s, base);
    }

    @Override
    public Iterator<Value> iterator() {
        return lazyIterator();
    }

    @Override
    Iterator<Value> enumerate() {
        requireFinite("enumerate");
        size();
        final EnumSetValue b = base.toEnum();
        final int n = b.size();
        return new Iterator<>() {
            int k;                 // current subset size
            int[] comb = new int[0];
            boolean more = true;

            @Override
            public boolean hasNext() {
                return more;
            }

            @Override
            public Value next() {
                if (!more) {
                    throw new NoSuchElementException();
                }
                Value[] out = new Value[k];
                for (int i = 0; i < k; i++) {
                    out[i] = b.elems[comb[i]];
                }
                advance();
                return EnumSetValue.ofDistinctSorted(out); // picked in increasing positions of a normalized array
            }

            private void advance() {
                int i = k - 1;
                while (i >= 0 && comb[i] == n - k + i) {
                    i--;
                }
                if (i >= 0) {
                    comb[i]++;
                    for (int j = i + 1; j < k; j++) {
                        comb[j] = comb[j - 1] + 1;
                    }
                    return;
                }
                k++;
                if (k > n) {
                    more = false;
                    return;
                }
                comb = new int[k];
                for (int j = 0; j < k; j++) {
                    comb[j] = j;
                }
            }
        };
    }

    @Override
    String lazyText() {
        return isFinite() ? null : "SUBSET " + base;
    }

    @Override
    long infiniteFingerprint() {
        return Fp.mix(Fp.ofString(Fp.SET, "SUBSET") ^ base.fingerprint());
    }
}
