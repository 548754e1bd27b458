package io.finalspec.runtime.value;

import java.util.Iterator;

/** {@code S1 \X ... \X Sn}, lazy. */
public final class ProductSetValue extends SetValue {
    final SetValue[] sets;

    ProductSetValue(SetValue[] sets) {
        this.sets = sets;
    }

    @Override
    public boolean isFinite() {
        for (SetValue s : sets) {
            if (!s.isFinite()) {
                return false;
            }
        }
        return true;
    }

    private EnumSetValue[] comps() {
        EnumSetValue[] c = new EnumSetValue[sets.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = sets[i].toEnum();
        }
        return c;
    }

    @Override
    public int size() {
        requireFinite("count");
        return (int) Odometer.count(comps(), "a cartesian product");
    }

    @Override
    public boolean contains(Value v) {
        if (!(v instanceof FcnValue f)) {
            if (v instanceof ModelValue) {
                return false;
            }
            throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of a cartesian product.");
        }
        Value[] t = Fcns.asSeqOrNull(f);
        if (t == null || t.length != sets.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!sets[i].contains(t[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<Value> iterator() {
        requireFinite("enumerate");
        size();
        return new Odometer(comps(), TupleValue::new);
    }

    @Override
    String lazyText() {
        if (isFinite()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sets.length; i++) {
            sb.append(i == 0 ? "" : " \\X ").append(sets[i]);
        }
        return sb.toString();
    }

    @Override
    long infiniteFingerprint() {
        long h = Fp.ofString(Fp.SET, "\\X");
        for (SetValue s : sets) {
            h = Fp.mix(h * 31 + s.fingerprint());
        }
        return h;
    }
}
