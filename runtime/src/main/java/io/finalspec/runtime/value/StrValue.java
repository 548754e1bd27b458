package io.finalspec.runtime.value;

/** A TLA+ string. Ordered by TLC's intern order ({@link Names}), not alphabetically. */
public final class StrValue extends AbstractValue {
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
        return new StrValue(s);
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
