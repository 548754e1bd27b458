package io.finalspec.runtime.value;

import java.util.Iterator;

/** {@code [S -> T]}, lazy: membership checks domain and range; enumeration in TLC's order. */
public final class FunSetValue extends SetValue {
    final SetValue domain;
    final SetValue range;

    FunSetValue(SetValue domain, SetValue range) {
        this.domain = domain;
        this.range = range;
    }

    @Override
    public boolean isFinite() {
        return domain.isFinite() && (range.isFinite() || domain.size() == 0);
    }

    @Override
    public int size() {
        requireFinite("count");
        EnumSetValue d = domain.toEnum();
        EnumSetValue[] comps = new EnumSetValue[d.size()];
        if (comps.length == 0) {
            return 1;
        }
        EnumSetValue r = range.toEnum();
        java.util.Arrays.fill(comps, r);
        return (int) Odometer.count(comps, "[" + domain + " -> " + range + "]");
    }

    @Override
    public boolean contains(Value v) {
        if (!(v instanceof FcnValue f)) {
            if (v instanceof ModelValue) {
                return false;
            }
            throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of a set of functions.");
        }
        if (!ValueOrder.equal(f.domain(), domain)) {
            return false;
        }
        for (int i = 0; i < f.size(); i++) {
            if (!range.contains(f.valueAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Iterator<Value> iterator() {
        return lazyIterator();
    }

    @Override
    Iterator<Value> enumerate() {
        requireFinite("enumerate");
        size();
        EnumSetValue d = domain.toEnum();
        EnumSetValue[] comps = new EnumSetValue[d.size()];
        if (comps.length > 0) {
            java.util.Arrays.fill(comps, range.toEnum());
        }
        Value[] keys = d.elems;
        return new Odometer(comps, vals -> Fcns.make(keys, vals));
    }

    @Override
    String lazyText() {
        return isFinite() ? null : "[" + domain + " -> " + range + "]";
    }

    @Override
    long infiniteFingerprint() {
        return Fp.mix(Fp.ofString(Fp.SET, "->") ^ Fp.pair(domain.fingerprint(), range.fingerprint()));
    }
}
