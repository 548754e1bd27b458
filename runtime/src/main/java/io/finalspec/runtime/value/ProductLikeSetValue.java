package io.finalspec.runtime.value;

import java.util.Iterator;

/**
 * A lazy set whose elements combine one element of each component set: tuples of
 * {@code S1 \X ... \X Sn}, records of {@code [a : S, b : T]}. Counting and enumeration are the
 * odometer over the components in order; membership is per component.
 */
abstract sealed class ProductLikeSetValue extends SetValue permits ProductSetValue, RecordSetValue {
    final SetValue[] sets;
    private final String kind;

    ProductLikeSetValue(SetValue[] sets, String kind) {
        this.sets = sets;
        this.kind = kind;
    }

    /** The element made of one value per component, in component order. */
    abstract Value element(Value[] components);

    /** Whether {@code f} has exactly this set's shape with each component in its set. */
    abstract boolean containsFunction(FcnValue f);

    @Override
    public final boolean isFinite() {
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
    public final int size() {
        requireFinite("count");
        long n = 1;
        for (SetValue s : sets) {
            n *= s.size();
            if (n > Integer.MAX_VALUE) {
                throw new TlaEvalException("Overflow when computing the number of elements in " + kind);
            }
        }
        return (int) n;
    }

    @Override
    public final boolean contains(Value v) {
        if (v instanceof FcnValue f) {
            return containsFunction(f);
        }
        if (v instanceof ModelValue) {
            return false;
        }
        throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of " + kind + ".");
    }

    @Override
    public final Iterator<Value> iterator() {
        return lazyIterator();
    }

    @Override
    final Iterator<Value> enumerate() {
        requireFinite("enumerate");
        size();
        return new Odometer(comps(), this::element);
    }
}
