package io.finalspec.runtime.value;

import java.util.Iterator;

/**
 * {@code A \cup B}, {@code A \cap B} or {@code A \ B} where an operand is infinite (for example
 * {@code Nat \ {0}} in a type invariant): kept lazy, membership only, as TLC's lazy set values.
 * Finite results are always computed eagerly instead.
 */
final class CombinedSetValue extends SetValue {
    enum Op { UNION, INTERSECT, MINUS }

    final Op op;
    final SetValue a;
    final SetValue b;

    CombinedSetValue(Op op, SetValue a, SetValue b) {
        this.op = op;
        this.a = a;
        this.b = b;
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
        switch (op) {
            case UNION:
                return a.contains(v) || b.contains(v);
            case INTERSECT:
                return a.contains(v) && b.contains(v);
            default:
                return a.contains(v) && !b.contains(v);
        }
    }

    @Override
    public Iterator<Value> iterator() {
        throw new TlaEvalException("Attempted to enumerate the infinite set " + this + ".");
    }

    @Override
    long computeFingerprint() {
        return Fp.mix(Fp.ofString(Fp.SET, op.name()) ^ Fp.mix(a.fingerprint()) * 31 ^ b.fingerprint());
    }

    @Override
    String lazyText() {
        String sym = op == Op.UNION ? " \\cup " : op == Op.INTERSECT ? " \\cap " : " \\ ";
        return "(" + a + sym + b + ")";
    }
}
