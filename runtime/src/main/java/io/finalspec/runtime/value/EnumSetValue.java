package io.finalspec.runtime.value;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A finite set kept normalized: elements sorted in TLC's order, no duplicates. */
public final class EnumSetValue extends SetValue {
    static final EnumSetValue EMPTY = new EnumSetValue(new Value[0]);

    final Value[] elems;

    private EnumSetValue(Value[] sortedDistinct) {
        this.elems = sortedDistinct;
    }

    /** Normalizes {@code vals} (sorts with TLC's order, which may throw, and removes duplicates). */
    static EnumSetValue of(Value... vals) {
        if (vals.length == 0) {
            return EMPTY;
        }
        if (vals.length == 1) {
            return new EnumSetValue(vals.clone()); // {m}: nothing to sort or compare
        }
        Value[] a = vals.clone();
        if (a.length > 1) {
            Arrays.sort(a, ValueOrder::compare);
        }
        return ofSorted(a);
    }

    /** Wraps an array already sorted in TLC's order; removes adjacent duplicates. */
    static EnumSetValue ofSorted(Value[] a) {
        if (a.length == 0) {
            return EMPTY;
        }
        int w = 1;
        for (int r = 1; r < a.length; r++) {
            if (ValueOrder.compare(a[w - 1], a[r]) != 0) {
                a[w++] = a[r];
            }
        }
        return new EnumSetValue(w == a.length ? a : Arrays.copyOf(a, w));
    }

    /**
     * Wraps an array already sorted in TLC's order and free of duplicates (a merge of two
     * normalized arrays, a selection from one): no comparison at all, where {@link #ofSorted}
     * compares every adjacent pair, which for sets of records is most of the cost of a union.
     */
    static EnumSetValue ofDistinctSorted(Value[] a) {
        return a.length == 0 ? EMPTY : new EnumSetValue(a);
    }

    /** The element at {@code i} in canonical order. */
    public Value get(int i) {
        return elems[i];
    }

    @Override
    public boolean isFinite() {
        return true;
    }

    @Override
    public int size() {
        return elems.length;
    }

    @Override
    public boolean contains(Value v) {
        return indexOf(v) >= 0;
    }

    int indexOf(Value v) {
        try {
            return search(v);
        } catch (TlaEvalException e) {
            // TLC reports membership of an incomparable value as a failed equality check.
            for (Value x : elems) {
                ValueOrder.strictEqual(x, v);
            }
            throw e;
        }
    }

    private int search(Value v) {
        int lo = 0;
        int hi = elems.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = ValueOrder.compare(elems[mid], v);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    @Override
    public EnumSetValue toEnum() {
        return this;
    }

    @Override
    public Iterator<Value> iterator() {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < elems.length;
            }

            @Override
            public Value next() {
                if (i >= elems.length) {
                    throw new NoSuchElementException();
                }
                return elems[i++];
            }
        };
    }
}
