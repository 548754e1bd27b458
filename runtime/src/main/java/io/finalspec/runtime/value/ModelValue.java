package io.finalspec.runtime.value;

/**
 * A model value (an uninterpreted constant from the model, {@code p1}, {@code NULL}), made by a
 * {@link NameTable}. As in TLC, a model value equals only itself (the one of the same name), may be
 * compared with any value without error, is smaller than every value that is not a model value,
 * and model values are ordered among themselves by their rank in the table (TLC's intern order).
 */
public final class ModelValue extends AbstractValue {
    private final String name;
    private final int rank;
    private final long fp;

    ModelValue(String name, int rank) {
        this.name = name;
        this.rank = rank;
        this.fp = Fp.ofString(Fp.MODEL, name);
    }

    public String name() {
        return name;
    }

    int rank() {
        return rank;
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
