package io.finalspec.runtime.value;

/** A function on an integer interval {@code lo..hi} with {@code lo != 1}, stored as an array. */
public final class IntFcnValue extends FcnValue {
    final int lo;
    final Value[] values;

    IntFcnValue(int lo, Value[] values) {
        this.lo = lo;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Value keyAt(int i) {
        return IntValue.of(lo + i);
    }

    @Override
    public Value valueAt(int i) {
        return values[i];
    }

    @Override
    public int indexOf(Value key) {
        if (key instanceof IntValue iv) {
            long k = (long) iv.value() - lo;
            return k >= 0 && k < values.length ? (int) k : -1;
        }
        return -1;
    }

    @Override
    public SetValue domain() {
        return new IntervalValue(lo, lo + values.length - 1);
    }

    @Override
    FcnValue withValueAt(int i, Value v) {
        Value[] a = ValueArrays.copy(values);
        a[i] = v;
        return new IntFcnValue(lo, a);
    }
}
