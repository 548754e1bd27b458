package io.finalspec.runtime.codec;

/**
 * A value met by {@link Field#write} that is not one of the field's values: the code generator's
 * type pass inferred a type too narrow for a reachable value. That is a finalspec bug, never the
 * user's; {@link PackedCodec} reports it naming the variable, and never encodes such a state.
 */
public final class OutOfTypeException extends IllegalStateException {
    public OutOfTypeException(String message) {
        super(message);
    }
}
