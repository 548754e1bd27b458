package io.finalspec.runtime.value;

/**
 * Ordering two different strings (or model values) made by two name tables: each table ranks its
 * names in the order its machine met them, so the two ranks say nothing about each other and no
 * answer would be TLC's. Lookups in sets and function domains catch it and fall back to TLA+
 * equality, which is defined across tables; anything that sorts values of two tables together
 * gets this error instead of a silently wrong order. Not a {@link TlaEvalException}: TLC never
 * meets it, it means values of two machines were mixed.
 */
public final class TwoTablesException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TwoTablesException(String a, String b) {
        super("cannot order " + a + " and " + b + ": they come from two name tables, whose orders are unrelated"
            + " (build the values of one machine from its Machine.names())");
    }
}
