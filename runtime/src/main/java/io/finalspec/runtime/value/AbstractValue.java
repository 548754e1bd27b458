package io.finalspec.runtime.value;

/** Base of all value classes: Java equality and hash come from TLA+ equality and the fingerprint. */
public abstract sealed class AbstractValue implements Value
        permits BoolValue, IntValue, StrValue, ModelValue, SetValue, FcnValue {

    @Override
    public final boolean equals(Object obj) {
        return obj instanceof Value v && ValueOrder.equal(this, v);
    }

    @Override
    public final int hashCode() {
        long fp = fingerprint();
        return (int) (fp ^ (fp >>> 32));
    }

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder();
        Printer.print(this, sb);
        return sb.toString();
    }
}
