package io.finalspec.runtime.value;

/** TRUE or FALSE; FALSE &lt; TRUE in TLC's order. */
public final class BoolValue extends Value {
    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    private final boolean value;

    private BoolValue(boolean value) {
        this.value = value;
    }

    public static BoolValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean value() {
        return value;
    }

    @Override
    public long fingerprint() {
        return value ? Fp.mix(Fp.BOOL + 1) : Fp.mix(Fp.BOOL);
    }

    @Override
    public Kind kind() {
        return Kind.BOOL;
    }
}
