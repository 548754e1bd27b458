package io.finalspec.runtime.machine;

import java.util.List;

import io.finalspec.runtime.value.Value;

/**
 * A plain state over an array of values, with variable names for printing. Used by hand-written
 * machines, trace readers and tests; generated machines may use it as their State class too.
 */
public final class ArrayState extends AbstractState {
    private final List<String> names;
    private final Value[] values;

    public ArrayState(List<String> names, Value... values) {
        this(names, values.clone(), fingerprintOf(values));
    }

    private ArrayState(List<String> names, Value[] values, long fingerprint) {
        super(fingerprint);
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " variable names but " + values.length + " values");
        }
        this.names = List.copyOf(names);
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Value get(int index) {
        return values[index];
    }

    public List<String> names() {
        return names;
    }

    /** TLC's state block: {@code /\ x = 1} lines in variable order. */
    @Override
    public String toString() {
        return States.format(names, this);
    }
}
