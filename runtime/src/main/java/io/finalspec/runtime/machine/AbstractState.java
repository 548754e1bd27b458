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
 *
 * <p>The formula is a sum of one well-mixed term per variable (its value's fingerprint mixed with
 * its index, so that the same value in two variables, or two values swapped, give different
 * terms): a successor that changes few variables of its parent gets its fingerprint from the
 * parent's by {@link #fingerprintChange}, one subtraction and one addition per variable changed,
 * instead of a pass over all of them.
 */
public abstract class AbstractState implements State {
    private final long fp;

    /** A state whose values have the fingerprint {@code fingerprint} (computed by the formula above). */
    protected AbstractState(long fingerprint) {
        this.fp = fingerprint;
    }

    /** The state fingerprint: the sum of one term per variable (see the class comment). */
    public static long fingerprintOf(Value[] values) {
        long h = fingerprintStart(values.length);
        for (int i = 0; i < values.length; i++) {
            h = fingerprintStep(h, values[i], i);
        }
        return h;
    }

    /**
     * For state classes with one field per variable (no array): {@code h = fingerprintStart(n)},
     * then {@code h = fingerprintStep(h, field_i, i)} for each variable, in any order, gives
     * exactly {@link #fingerprintOf(Value[])}.
     */
    public static long fingerprintStart(int variables) {
        return 0x2545f4914f6cdd1dL * (variables + 1);
    }

    /**
     * Adds the term of variable {@code index}, whose value is {@code v}; see
     * {@link #fingerprintStart(int)}. A state without a value for a variable is an error.
     */
    public static long fingerprintStep(long h, Value v, int index) {
        if (v == null) {
            throw new IllegalArgumentException("variable " + index + " has no value");
        }
        return h + term(v, index);
    }

    /**
     * The fingerprint of a state that differs from one of fingerprint {@code h} at most in variable
     * {@code index}, which held {@code before} there and holds {@code after}: {@code h} itself when
     * it is the same object (the successor of an action that leaves the variable unchanged).
     */
    public static long fingerprintChange(long h, Value before, Value after, int index) {
        if (after == before) {
            return h;
        }
        if (after == null) {
            throw new IllegalArgumentException("variable " + index + " has no value");
        }
        return h - term(before, index) + term(after, index);
    }

    private static long term(Value v, int index) {
        return mix(v.fingerprint() + (index + 1) * 0x9e3779b97f4a7c15L);
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
