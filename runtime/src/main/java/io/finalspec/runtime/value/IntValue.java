package io.finalspec.runtime.value;

/** A 32-bit TLA+ integer, as in TLC; arithmetic that overflows raises an error (see {@link Tla}). */
public final class IntValue extends Value {
    private static final int CACHE_LOW = -128;
    private static final int CACHE_HIGH = 1024;
    private static final IntValue[] CACHE = new IntValue[CACHE_HIGH - CACHE_LOW + 1];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new IntValue(CACHE_LOW + i);
        }
    }

    private final int value;
    private final long fp;

    private IntValue(int value) {
        this.value = value;
        this.fp = Fp.ofInt(value);
    }

    public static IntValue of(int v) {
        return v >= CACHE_LOW && v <= CACHE_HIGH ? CACHE[v - CACHE_LOW] : new IntValue(v);
    }

    public int value() {
        return value;
    }

    @Override
    public long fingerprint() {
        return fp;
    }

    @Override
    public Kind kind() {
        return Kind.INT;
    }
}
