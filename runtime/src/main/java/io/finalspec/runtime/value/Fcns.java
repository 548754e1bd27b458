package io.finalspec.runtime.value;

/** Picks the canonical representation of a function. */
final class Fcns {
    private Fcns() {
    }

    /**
     * The function mapping {@code sortedKeys[i]} to {@code vals[i]}; keys sorted in TLC's order and
     * distinct. Takes ownership of {@code vals} (and of {@code sortedKeys} for generic functions).
     */
    static FcnValue make(Value[] sortedKeys, Value[] vals) {
        int n = sortedKeys.length;
        if (n == 0) {
            return TupleValue.EMPTY;
        }
        boolean allInt = true;
        boolean allStr = true;
        for (Value k : sortedKeys) {
            allInt &= k instanceof IntValue;
            allStr &= k instanceof StrValue;
        }
        if (allInt) {
            int lo = ((IntValue) sortedKeys[0]).value();
            int hi = ((IntValue) sortedKeys[n - 1]).value();
            if ((long) hi - lo == n - 1) {
                return lo == 1 ? new TupleValue(vals) : new IntFcnValue(lo, vals);
            }
        }
        if (allStr) {
            StrValue[] names = new StrValue[n];
            for (int i = 0; i < n; i++) {
                names[i] = (StrValue) sortedKeys[i];
            }
            return new RecordValue(names, vals);
        }
        return new GenericFcnValue(sortedKeys, vals);
    }

    /** The elements of {@code f} when it is a sequence (domain {@code 1..n}), else null. */
    static Value[] asSeqOrNull(FcnValue f) {
        if (f instanceof TupleValue t) {
            return t.elems;
        }
        return null; // canonical form: every function on 1..n is a TupleValue
    }
}
