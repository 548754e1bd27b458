package io.finalspec.runtime.value;

import java.util.Arrays;

/**
 * The field names of a record constructor {@code [a |-> e1, b |-> e2]}, put in TLC's order once
 * (a generated machine keeps one per constructor in a field), so that building a record is one
 * array permutation instead of a name lookup and a sort per field on every evaluation.
 */
public final class RecordShape {
    private final StrValue[] sorted;
    /** {@code order[i]}: the position, in the constructor as written, of the i-th field in TLC's order. */
    private final int[] order;
    /** TLC's error for a constructor that names a field twice, raised when a record is built; or null. */
    private final String duplicate;

    RecordShape(StrValue[] names) {
        Integer[] idx = new Integer[names.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> ValueOrder.compare(names[x], names[y]));
        sorted = new StrValue[names.length];
        order = new int[names.length];
        String dup = null;
        for (int i = 0; i < idx.length; i++) {
            sorted[i] = names[idx[i]];
            order[i] = idx[i];
            if (i > 0 && dup == null && ValueOrder.compare(sorted[i - 1], sorted[i]) == 0) {
                dup = "Duplicate domain element " + sorted[i] + " in a function or record.";
            }
        }
        duplicate = dup;
    }

    /** The record with these values, given in the constructor's written order. */
    public FcnValue record(Value... vals) {
        if (vals.length != sorted.length) {
            throw new TlaEvalException("record: " + sorted.length + " names but " + vals.length + " values");
        }
        Tla.nonNull(vals);
        if (duplicate != null) {
            throw new TlaEvalException(duplicate);
        }
        if (sorted.length == 0) {
            return TupleValue.EMPTY;
        }
        Value[] v = new Value[sorted.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = vals[order[i]];
        }
        return new RecordValue(sorted, v);
    }
}
