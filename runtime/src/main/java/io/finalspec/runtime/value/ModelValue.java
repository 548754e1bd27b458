package io.finalspec.runtime.value;

/**
 * A model value (an uninterpreted constant from the model, {@code p1}, {@code NULL}), made by a
 * {@link NameTable}. As in TLC, a model value equals only itself (the one of the same name), may be
 * compared with any value without error, is smaller than every value that is not a model value,
 * and model values are ordered among themselves by their rank in the table (TLC's intern order).
 */
public final class ModelValue extends Value {
    private final String name;
    private final int rank;
    private final NameTable table;
    private final long fp;

    ModelValue(String name, int rank, NameTable table) {
        this.name = name;
        this.rank = rank;
        this.table = table;
        this.fp = Fp.ofString(Fp.MODEL, name);
    }

    public String name() {
        return name;
    }

    int rank() {
        return rank;
    }

    /** The table this model value was made by: it makes one object per name. */
    NameTable table() {
        return table;
    }

    @Override
    public long fingerprint() {
        return fp;
    }

    @Override
    public Kind kind() {
        return Kind.MODEL;
    }
}
