package io.finalspec.runtime.value;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A model value (an uninterpreted constant from the model, {@code p1}, {@code NULL}). Interned by
 * name, so identity is equality. As in TLC, a model value equals only itself, may be compared with
 * any value without error, is smaller than every value that is not a model value, and model values
 * are ordered among themselves by intern order ({@link Names}).
 */
public final class ModelValue extends AbstractValue {
    private static final ConcurrentHashMap<String, ModelValue> INTERNED = new ConcurrentHashMap<>();

    private final String name;
    private final int rank;
    private final long fp;

    private ModelValue(String name) {
        this.name = name;
        this.rank = Names.rank(name);
        this.fp = Fp.ofString(Fp.MODEL, name);
    }

    public static ModelValue of(String name) {
        if (name == null || name.isEmpty()) {
            throw new TlaEvalException("a model value needs a name");
        }
        ModelValue mv = INTERNED.get(name);
        return mv != null ? mv : INTERNED.computeIfAbsent(name, ModelValue::new);
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
