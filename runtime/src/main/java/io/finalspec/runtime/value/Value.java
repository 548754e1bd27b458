package io.finalspec.runtime.value;

/**
 * An immutable TLA+ value.
 *
 * <p>{@code equals} is TLA+ equality across representations (a tuple equals the function
 * on {@code 1..n} with the same values, a record equals the function on its field names, an interval
 * equals the enumerated set) and never throws; {@link #fingerprint()} agrees with it. {@code
 * compareTo} is TLC's total order within comparable kinds, used to normalize sets; comparing
 * values TLC cannot compare (an integer with a string, say) throws {@link TlaEvalException}. Strict
 * equality with TLC's errors is {@link Tla#eq(Value, Value)}.
 *
 * <p>Sealed: every value is one of the runtime's classes, so no operation can meet an unknown
 * representation (and fail with a ClassCastException instead of a TLC error).
 */
public abstract sealed class Value implements Comparable<Value>
        permits BoolValue, IntValue, StrValue, ModelValue, SetValue, FcnValue {

    /** A 64-bit fingerprint: equal values have equal fingerprints, whatever their representation. */
    public abstract long fingerprint();

    /** The kind of value, the same for all representations of equal values. */
    public abstract Kind kind();

    /** TLC's total order (see {@link ValueOrder}); throws when TLC would refuse to compare. */
    @Override
    public int compareTo(Value other) {
        return ValueOrder.compare(this, other);
    }

    /** TLA+ equality (never throws, see above). */
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

    /** The kinds of TLA+ values; all function-like values (tuples, records, functions) are FUNCTION. */
    public enum Kind {
        BOOL("boolean"), INT("integer"), STRING("string"), MODEL("model value"), SET("set"), FUNCTION("function");

        final String description;

        Kind(String description) {
            this.description = description;
        }

        /** How TLC names the kind in error messages ("integer", "string"...). */
        public String description() {
            return description;
        }
    }
}
