package io.finalspec.runtime.machine;

import java.util.Arrays;

import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;

/**
 * Base class for states: a subclass holds the variables' values (one field per variable, as
 * generated {@code State} classes do, or an array, as {@link ArrayState} does), implements
 * {@link #size()} and {@link #get(int)}, and passes the fingerprint of the values to this
 * constructor; equality and hash then come from the values (TLA+ equality, whatever the
 * representation). {@link #fingerprintOf(Value[])}, or {@link #fingerprintStart(int)} followed by
 * one {@link #fingerprintStep(long, Value, int)} per variable, is the one formula every state class
 * must use so that the explorer, traces and oracles agree.
 */
public abstract class AbstractState implements State {
    private final long fp;

    /** A state whose values have the fingerprint {@code fingerprint} (computed by the formula above). */
    protected AbstractState(long fingerprint) {
        this.fp = fingerprint;
    }

    /** The state fingerprint: an order-dependent combination of the variables' fingerprints. */
    public static long fingerprintOf(Value[] values) {
        long h = fingerprintStart(values.length);
        for (int i = 0; i < values.length; i++) {
            h = fingerprintStep(h, values[i], i);
        }
        return h;
    }

    /**
     * For state classes with one field per variable (no array): {@code h = fingerprintStart(n)},
     * then {@code h = fingerprintStep(h, field_i, i)} for each variable in declaration order gives
     * exactly {@link #fingerprintOf(Value[])}.
     */
    public static long fingerprintStart(int variables) {
        return 0x2545f4914f6cdd1dL + variables;
    }

    /**
     * The contribution of variable {@code index}, whose value is {@code v}; see
     * {@link #fingerprintStart(int)}. A state without a value for a variable is an error.
     */
    public static long fingerprintStep(long h, Value v, int index) {
        if (v == null) {
            throw new IllegalArgumentException("variable " + index + " has no value");
        }
        return mix(h * 0x9e3779b97f4a7c15L + v.fingerprint());
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** The values in variable order (a new array). */
    public Value[] values() {
        Value[] out = new Value[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = get(i);
        }
        return out;
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
        if (!(o instanceof State s) || s.size() != size() || s.fingerprint() != fp) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (!ValueOrder.equal(get(i), s.get(i))) {
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
        return Arrays.toString(values());
    }
}
