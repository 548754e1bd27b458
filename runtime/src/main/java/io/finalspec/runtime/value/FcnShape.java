package io.finalspec.runtime.value;

import java.util.Arrays;

/**
 * A fixed finite function domain, put in TLC's order and checked once, so that building a
 * function over it from values given in that order needs no sorting and no comparison (as
 * {@link Tla#fromPairs} does on every call): a state decoder builds every function of a variable
 * typed {@code [D -> T]} with one shape. The representation (tuple, integer-interval function,
 * record, generic function) is chosen once too; it is the one {@link Tla#fromPairs} would pick.
 */
public final class FcnShape {
    private enum Form { TUPLE, INTERVAL, RECORD, GENERIC }

    private final Value[] keys;
    private final Form form;
    private final int lo;
    private final StrValue[] names;

    private FcnShape(Value[] sortedKeys) {
        this.keys = sortedKeys;
        FcnValue probe = Fcns.make(sortedKeys, new Value[sortedKeys.length]);
        this.form = probe instanceof TupleValue ? Form.TUPLE
                : probe instanceof IntFcnValue ? Form.INTERVAL
                : probe instanceof RecordValue ? Form.RECORD
                : Form.GENERIC;
        this.lo = probe instanceof IntFcnValue f ? f.lo : 0;
        this.names = probe instanceof RecordValue r ? r.names : null;
    }

    /** The domain {@code keys} (any order; a duplicate is TLC's error), sorted in TLC's order once. */
    public static FcnShape of(Value... keys) {
        Value[] sorted = keys.clone();
        Tla.nonNull(sorted);
        Arrays.sort(sorted, ValueOrder::compare);
        for (int i = 1; i < sorted.length; i++) {
            if (ValueOrder.compare(sorted[i - 1], sorted[i]) == 0) {
                throw new TlaEvalException("Duplicate domain element " + sorted[i] + " in a function or record.");
            }
        }
        return new FcnShape(sorted);
    }

    /** The number of domain elements. */
    public int size() {
        return keys.length;
    }

    /** The {@code i}-th domain element in TLC's order. */
    public Value key(int i) {
        return keys[i];
    }

    /** The function mapping the {@code i}-th key (in TLC's order) to {@code vals[i]}; takes ownership of {@code vals}. */
    public FcnValue make(Value... vals) {
        if (vals.length != keys.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + vals.length + " values");
        }
        Tla.nonNull(vals);
        return switch (form) {
            case TUPLE -> vals.length == 0 ? TupleValue.EMPTY : new TupleValue(vals);
            case INTERVAL -> new IntFcnValue(lo, vals);
            case RECORD -> new RecordValue(names, vals);
            case GENERIC -> new GenericFcnValue(keys, vals);
        };
    }
}
