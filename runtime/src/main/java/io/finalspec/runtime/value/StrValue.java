package io.finalspec.runtime.value;

/** A TLA+ string. Ordered by TLC's intern order ({@link Names}), not alphabetically. */
public final class StrValue extends AbstractValue {
    /** Interned instances: spec strings are few, and reuse saves the hash and the rank lookup. */
    private static final java.util.concurrent.ConcurrentHashMap<String, StrValue> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 1 << 16;

    private final String value;
    private final int rank;
    private final long fp;

    private StrValue(String value) {
        this.value = value;
        this.rank = Names.rank(value);
        this.fp = Fp.ofString(Fp.STR, value);
    }

    public static StrValue of(String s) {
        if (s == null) {
            throw new TlaEvalException("string value must not be null");
        }
        StrValue v = CACHE.get(s);
        if (v != null) {
            return v;
        }
        v = new StrValue(s);
        if (CACHE.size() < CACHE_LIMIT) {
            StrValue prev = CACHE.putIfAbsent(s, v);
            return prev != null ? prev : v;
        }
        return v;
    }

    public String value() {
        return value;
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
        return Kind.STRING;
    }
}
