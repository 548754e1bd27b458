package io.finalspec.runtime.value;

/** {@code [a : S, b : T]}, lazy; field names kept in TLC's order. */
public final class RecordSetValue extends ProductLikeSetValue {
    final StrValue[] names;

    RecordSetValue(StrValue[] names, SetValue[] sets) {
        super(sets, "a set of records");
        this.names = names;
    }

    @Override
    Value element(Value[] components) {
        return new RecordValue(names, components);
    }

    @Override
    boolean containsFunction(FcnValue f) {
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
