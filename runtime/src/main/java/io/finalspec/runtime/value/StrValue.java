package io.finalspec.runtime.value;

/**
 * A TLA+ string. Ordered by TLC's intern order (its rank in the {@link NameTable} that made it), not
 * alphabetically; equal strings are equal whatever their table.
 */
public final class StrValue extends Value {
    private final String value;
    private final int rank;
    private final NameTable table;
    private final long fp;

    StrValue(String value, int rank, NameTable table) {
        this.value = value;
        this.rank = rank;
        this.table = table;
        this.fp = Fp.ofString(Fp.STR, value);
    }

    public String value() {
        return value;
    }

    int rank() {
        return rank;
    }

    /** The table this string was made by (strings built from it, {@code s \o t}, go there too). */
    NameTable table() {
        return table;
    }

    @Override
    public long fingerprint() {
        return fp;
    }

    @Override
    public Kind kind() {
        return Kind.STRING;
    }
}
