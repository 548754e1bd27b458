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
public sealed interface Value extends Comparable<Value> permits AbstractValue {

    /** A 64-bit fingerprint: equal values have equal fingerprints, whatever their representation. */
    long fingerprint();

    /** The kind of value, the same for all representations of equal values. */
    Kind kind();

    /** TLC's total order (see {@link ValueOrder}); throws when TLC would refuse to compare. */
    @Override
    default int compareTo(Value other) {
        return ValueOrder.compare(this, other);
    }

    /** The kinds of TLA+ values; all function-like values (tuples, records, functions) are FUNCTION. */
    enum Kind {
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
