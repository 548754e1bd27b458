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
        if (!hasDomain(f)) {
            return false;
        }
        for (int i = 0; i < f.size(); i++) {
            if (!range.contains(f.valueAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code f}'s domain is this set's domain. Most {@code TypeOK} conjuncts test functions
     * whose domain elements are the very objects of this set's, in the same order: that is checked
     * first, position by position, without building the domain as a set (and a domain {@code lo..hi}
     * by how {@code f} is stored: a tuple or an array from {@code lo}); anything else (another
     * representation, values of another name table, which may sort differently) compares the sets.
     */
    private boolean hasDomain(FcnValue f) {
        if (domain instanceof EnumSetValue d && f.size() == d.size() && sameKeys(f, d)) {
            return true;
        }
        if (domain instanceof IntervalValue iv && f.size() == iv.size() && onInterval(f, iv.lo)) {
            return true;
        }
        return ValueOrder.equal(f.domain(), domain);
    }

    /** Whether {@code f} is stored as a function on {@code lo..lo+size-1} (a tuple when lo is 1). */
    private static boolean onInterval(FcnValue f, int lo) {
        return f instanceof TupleValue ? lo == 1 : f instanceof IntFcnValue g && g.lo == lo;
    }

    private static boolean sameKeys(FcnValue f, EnumSetValue d) {
        for (int i = 0; i < d.elems.length; i++) {
            if (f.keyAt(i) != d.elems[i]) {
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
