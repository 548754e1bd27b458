package io.finalspec.runtime.value;

/** {@code S1 \X ... \X Sn}, lazy. */
public final class ProductSetValue extends ProductLikeSetValue {

    ProductSetValue(SetValue[] sets) {
        super(sets, "a cartesian product");
    }

    @Override
    Value element(Value[] components) {
        return new TupleValue(components);
    }

    @Override
    boolean containsFunction(FcnValue f) {
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
