package io.finalspec.runtime.value;

import java.util.Iterator;

/** {@code [a : S, b : T]}, lazy; field names kept in TLC's order. */
public final class RecordSetValue extends SetValue {
    final StrValue[] names;
    final SetValue[] sets;

    RecordSetValue(StrValue[] names, SetValue[] sets) {
        this.names = names;
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
        return (int) Odometer.count(comps(), "a set of records");
    }

    @Override
    public boolean contains(Value v) {
        if (!(v instanceof FcnValue f)) {
            if (v instanceof ModelValue) {
                return false;
            }
            throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of a set of records.");
        }
        if (f.size() != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            Value x = f.get(names[i]);
            if (x == null || !sets[i].contains(x)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<Value> iterator() {
        requireFinite("enumerate");
        size();
        return new Odometer(comps(), vals -> new RecordValue(names, vals));
    }

    @Override
    String lazyText() {
        if (isFinite()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i].value()).append(" : ").append(sets[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    long infiniteFingerprint() {
        long h = Fp.ofString(Fp.SET, "[:]");
        for (int i = 0; i < names.length; i++) {
            h += Fp.pair(names[i].fingerprint(), sets[i].fingerprint());
        }
        return Fp.mix(h);
    }
}
