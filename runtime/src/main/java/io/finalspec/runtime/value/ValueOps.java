package io.finalspec.runtime.value;

import java.util.ArrayList;

/** Set algebra on normalized arrays (merges in TLC's order). */
final class ValueOps {
    private ValueOps() {
    }

    static boolean subseteq(SetValue a, SetValue b) {
        if (a instanceof IntervalValue ia && b instanceof IntervalValue ib) {
            return ia.size() == 0 || (ia.lo >= ib.lo && ia.hi <= ib.hi);
        }
        if (!a.isFinite()) {
            if (ValueOrder.equal(a, b)) {
                return true;
            }
            throw new TlaEvalException("Attempted to check if the infinite set " + a + " is a subset of " + b + ".");
        }
        for (Value v : a) {
            if (!b.contains(v)) {
                return false;
            }
        }
        return true;
    }

    static SetValue union(SetValue a, SetValue b) {
        if (a instanceof IntervalValue ia && b instanceof IntervalValue ib) {
            if (ia.size() == 0) {
                return ib;
            }
            if (ib.size() == 0) {
                return ia;
            }
            if ((long) ia.lo <= (long) ib.hi + 1 && (long) ib.lo <= (long) ia.hi + 1) {
                return new IntervalValue(Math.min(ia.lo, ib.lo), Math.max(ia.hi, ib.hi));
            }
        }
        if (!a.isFinite() || !b.isFinite()) {
            return new CombinedSetValue(CombinedSetValue.Op.UNION, a, b);
        }
        Value[] x = a.toEnum().elems;
        Value[] y = b.toEnum().elems;
        if (x.length == 0) {
            return b;
        }
        if (y.length == 0) {
            return a;
        }
        Value[] out = new Value[x.length + y.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < x.length && j < y.length) {
            int c = ValueOrder.compare(x[i], y[j]);
            if (c < 0) {
                out[k++] = x[i++];
            } else if (c > 0) {
                out[k++] = y[j++];
            } else {
                out[k++] = x[i++];
                j++;
            }
        }
        while (i < x.length) {
            out[k++] = x[i++];
        }
        while (j < y.length) {
            out[k++] = y[j++];
        }
        // the merge of two normalized arrays is sorted and has no duplicates
        return EnumSetValue.ofDistinctSorted(k == out.length ? out : ValueArrays.copyOf(out, k));
    }

    static SetValue filter(SetValue a, java.util.function.Predicate<Value> keep) {
        return select(a, keep, null, false);
    }

    /**
     * The elements of {@code a} that are in {@code b} ({@code in}) or not in it: {@code a \cap b} and
     * {@code a \ b} for a finite {@code a}, each element of {@code a} asked of {@code b} in order, as a
     * filter with a predicate would ask it, but without a predicate object (a capturing lambda per
     * call, which the interpreter and C1 create through a method handle).
     */
    static SetValue selectMembers(SetValue a, SetValue b, boolean in) {
        return select(a, null, b, in);
    }

    /**
     * Whether a selection keeps {@code v}: {@code keep}'s answer when it is given, else whether
     * {@code v \in other} is {@code in}.
     */
    private static boolean keeps(Value v, java.util.function.Predicate<Value> keep, SetValue other, boolean in) {
        return keep != null ? keep.test(v) : other.contains(v) == in;
    }

    /** The elements of {@code a} that {@link #keeps} keeps. */
    private static SetValue select(SetValue a, java.util.function.Predicate<Value> keep, SetValue other, boolean in) {
        if (a instanceof EnumSetValue e) {
            return selectNormalized(e, keep, other, in);
        }
        if (a instanceof IntervalValue) {
            // Procs \ {p}: the interval's elements are enumerated once and kept with it
            return selectNormalized(a.toEnum(), keep, other, in);
        }
        a.requireFinite("enumerate");
        ArrayList<Value> out = new ArrayList<>();
        for (Value v : a) {
            if (keeps(v, keep, other, in)) {
                out.add(v);
            }
        }
        return EnumSetValue.ofSorted(out.toArray(new Value[0]));
    }

    /**
     * A selection from a normalized array keeps its order and has no duplicates: nothing to sort or
     * compare; when every element is kept the set itself is the result.
     */
    private static SetValue selectNormalized(EnumSetValue a, java.util.function.Predicate<Value> keep, SetValue other,
            boolean in) {
        Value[] elems = a.elems;
        Value[] out = null; // allocated at the first element left out
        int k = 0;
        for (int i = 0; i < elems.length; i++) {
            boolean kept = keeps(elems[i], keep, other, in);
            if (out == null && !kept) {
                out = new Value[elems.length - 1];
                System.arraycopy(elems, 0, out, 0, k);
            } else if (kept) {
                if (out != null) {
                    out[k] = elems[i];
                }
                k++;
            }
        }
        if (out == null) {
            return a;
        }
        return EnumSetValue.ofDistinctSorted(k == out.length ? out : ValueArrays.copyOf(out, k));
    }
}
