package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.Value;

/**
 * An immutable assignment of values to a machine's variables.
 *
 * <p>Generated machines emit one class per spec with one field per variable; equality and
 * {@link #fingerprint()} agree with TLA+ value equality of the variables, whatever the
 * representation of each value.
 */
public interface State {

    /** Number of variables. */
    int size();

    /** The value of variable {@code index} in declaration order. */
    Value get(int index);

    /** A 64-bit fingerprint consistent with {@code equals}. */
    long fingerprint();
}
