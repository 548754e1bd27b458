package io.finalspec.runtime.value;

import java.util.Iterator;

/** {@code Nat}, {@code Int}, {@code STRING} and {@code Seq(S)}: membership only. */
public final class InfiniteSetValue extends SetValue {
    enum Which { NAT, INT, STRING, SEQ }

    static final InfiniteSetValue NAT = new InfiniteSetValue(Which.NAT, null);
    static final InfiniteSetValue INT = new InfiniteSetValue(Which.INT, null);
    static final InfiniteSetValue STRING = new InfiniteSetValue(Which.STRING, null);

    final Which which;
    final SetValue elem;

    InfiniteSetValue(Which which, SetValue elem) {
        this.which = which;
        this.elem = elem;
    }

    @Override
    public boolean isFinite() {
        return false;
    }

    @Override
    public int size() {
        throw new TlaEvalException("Attempted to compute the number of elements in the infinite set " + this + ".");
    }

    @Override
    public boolean contains(Value v) {
        if (v instanceof ModelValue) {
            return false;
        }
        switch (which) {
            case NAT:
                return requireKind(v, Value.Kind.INT) && ((IntValue) v).value() >= 0;
            case INT:
                return requireKind(v, Value.Kind.INT);
            case STRING:
                return requireKind(v, Value.Kind.STRING);
            default:
                if (!(v instanceof FcnValue f)) {
                    throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of " + this + ".");
                }
                Value[] s = Fcns.asSeqOrNull(f);
                if (s == null) {
                    return false;
                }
                for (Value x : s) {
                    if (!elem.contains(x)) {
                        return false;
                    }
                }
                return true;
        }
    }

    private boolean requireKind(Value v, Value.Kind k) {
        if (v.kind() != k) {
            throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of " + this + ".");
        }
        return true;
    }

    @Override
    public Iterator<Value> iterator() {
        throw new TlaEvalException("Attempted to enumerate the infinite set " + this + ".");
    }

    @Override
    long computeFingerprint() {
        long base = Fp.ofString(Fp.SET, which.name());
        return elem == null ? base : Fp.mix(base ^ elem.fingerprint());
    }

    @Override
    String lazyText() {
        switch (which) {
            case NAT:
                return "Nat";
            case INT:
                return "Int";
            case STRING:
                return "STRING";
            default:
                return "Seq(" + elem + ")";
        }
    }
}
