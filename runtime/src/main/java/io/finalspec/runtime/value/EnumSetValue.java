package io.finalspec.runtime.value;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** A finite set kept normalized: elements sorted in TLC's order, no duplicates. */
public final class EnumSetValue extends SetValue {
    static final EnumSetValue EMPTY = new EnumSetValue(new Value[0]);

    final Value[] elems;
    /**
     * Membership by rank when every element is a string (or every one a model value) of one
     * table: built on the second query, so that the sets tested again and again (a constant such
     * as {@code {"done", "fatal"}}, a domain) answer with one bit while a set built and tested once
     * costs nothing more. Racy on purpose: two threads may both build it, with the same result.
     */
    private AtomIndex atoms;
    private int queries;

    private EnumSetValue(Value[] sortedDistinct) {
        this.elems = sortedDistinct;
    }

    /** The ranks present, for elements of one kind (strings or model values) made by one table. */
    private record AtomIndex(boolean strings, NameTable table, long[] bits) {
        static final AtomIndex NONE = new AtomIndex(false, null, new long[0]);
        /** Ranks above this get no index (a table holds a few thousand names at most in practice). */
        static final int MAX_RANK = 1 << 16;

        static AtomIndex of(Value[] elems) {
            if (elems.length == 0 || tableOf(elems[0]) == null) {
                return NONE;
            }
            boolean strings = elems[0] instanceof StrValue;
            NameTable table = tableOf(elems[0]);
            int max = 0;
            for (Value e : elems) {
                if (e instanceof StrValue != strings || tableOf(e) != table || rankOf(e) >= MAX_RANK) {
                    return NONE;
                }
                max = Math.max(max, rankOf(e));
            }
            long[] bits = new long[(max >>> 6) + 1];
            for (Value e : elems) {
                bits[rankOf(e) >>> 6] |= 1L << rankOf(e);
            }
            return new AtomIndex(strings, table, bits);
        }

        /**
         * Whether {@code v} is an element, or null when the index cannot tell (another kind or
         * table). Tests the two final classes, not {@code kind()}: this runs on every membership
         * test, where an interface call on values of many classes costs more than the lookup.
         */
        Boolean lookup(Value v) {
            int r;
            if (strings) {
                if (!(v instanceof StrValue s) || s.table() != table) {
                    return null;
                }
                r = s.rank();
            } else {
                if (!(v instanceof ModelValue m) || m.table() != table) {
                    return null;
                }
                r = m.rank();
            }
            int w = r >>> 6;
            return w < bits.length && (bits[w] & (1L << r)) != 0;
        }

        private static int rankOf(Value atom) {
            return atom instanceof StrValue s ? s.rank() : ((ModelValue) atom).rank();
        }
    }

    /** Normalizes {@code vals} (sorts with TLC's order, which may throw, and removes duplicates). */
    static EnumSetValue of(Value... vals) {
        if (vals.length == 0) {
            return EMPTY;
        }
        if (vals.length == 1) {
            return new EnumSetValue(ValueArrays.copy(vals)); // {m}: nothing to sort or compare
        }
        Value[] a = ValueArrays.copy(vals);
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
        return new EnumSetValue(w == a.length ? a : ValueArrays.copyOf(a, w));
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
        AtomIndex index = atoms;
        if (index == null && ++queries > 1) {
            index = AtomIndex.of(elems);
            atoms = index;
        }
        if (index != null && v != null) {
            Boolean known = index.lookup(v);
            if (known != null) {
                return known;
            }
        }
        return indexOf(v) >= 0;
    }

    int indexOf(Value v) {
        try {
            return search(v);
        } catch (TwoTablesException e) {
            // a string or model value of another name table, at any depth, may sort elsewhere there
            return scan(elems, v);
        } catch (TlaEvalException e) {
            // TLC reports membership of an incomparable value as a failed equality check.
            for (Value x : elems) {
                ValueOrder.strictEqual(x, v);
            }
            throw e;
        }
    }

    private static NameTable tableOf(Value v) {
        return v instanceof StrValue s ? s.table() : v instanceof ModelValue m ? m.table() : null;
    }

    /** The position of {@code v} among {@code elems} by TLC's equality, which may throw as TLC's does. */
    static int scan(Value[] elems, Value v) {
        for (int i = 0; i < elems.length; i++) {
            if (ValueOrder.strictEqual(elems[i], v)) {
                return i;
            }
        }
        return -1;
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
