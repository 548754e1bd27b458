package io.finalspec.runtime.machine;

import java.util.Arrays;

import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;

/**
 * Base class for states: generated {@code State} classes may extend it and pass their field values
 * in declaration order; equality, hash and fingerprint then come from the values (TLA+ equality,
 * whatever the representation). {@link #fingerprintOf(Value[])} is the one formula every state
 * class must use so that the explorer, traces and oracles agree.
 */
public abstract class AbstractState implements State {
    private final Value[] values;
    private final long fp;

    protected AbstractState(Value... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("variable " + i + " has no value");
            }
        }
        this.values = values;
        this.fp = fingerprintOf(values);
    }

    /** The state fingerprint: an order-dependent combination of the variables' fingerprints. */
    public static long fingerprintOf(Value[] values) {
        long h = fingerprintStart(values.length);
        for (Value v : values) {
            h = fingerprintStep(h, v);
        }
        return h;
    }

    /**
     * For state classes with one field per variable (no array): {@code h = fingerprintStart(n)},
     * then {@code h = fingerprintStep(h, field_i)} for each variable in declaration order gives
     * exactly {@link #fingerprintOf(Value[])}.
     */
    public static long fingerprintStart(int variables) {
        return 0x2545f4914f6cdd1dL + variables;
    }

    /** One variable's contribution; see {@link #fingerprintStart(int)}. */
    public static long fingerprintStep(long h, Value v) {
        return mix(h * 0x9e3779b97f4a7c15L + v.fingerprint());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Override
    public final int size() {
        return values.length;
    }

    @Override
    public final Value get(int index) {
        return values[index];
    }

    /** The values in variable order (a copy). */
    public final Value[] values() {
        return values.clone();
    }

    @Override
    public final long fingerprint() {
        return fp;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof State s) || s.size() != values.length || s.fingerprint() != fp) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!ValueOrder.equal(values[i], s.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return (int) (fp ^ (fp >>> 32));
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
