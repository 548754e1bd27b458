package io.finalspec.runtime.value;

/** A tuple / sequence {@code <<v1, ..., vn>>}: the function on {@code 1..n}. Also the empty function. */
public final class TupleValue extends FcnValue {
    static final TupleValue EMPTY = new TupleValue(new Value[0]);

    final Value[] elems;

    /** Takes ownership of {@code elems}. */
    TupleValue(Value[] elems) {
        this.elems = elems;
    }

    /** The i-th element, 0-based. */
    public Value at(int i) {
        return elems[i];
    }

    @Override
    public int size() {
        return elems.length;
    }

    @Override
    public Value keyAt(int i) {
        return IntValue.of(i + 1);
    }

    @Override
    public Value valueAt(int i) {
        return elems[i];
    }

    @Override
    public int indexOf(Value key) {
        if (key instanceof IntValue iv) {
            int k = iv.value();
            return k >= 1 && k <= elems.length ? k - 1 : -1;
        }
        return -1;
    }

    @Override
    public SetValue domain() {
        return new IntervalValue(1, elems.length);
    }

    @Override
    FcnValue withValueAt(int i, Value v) {
        Value[] a = ValueArrays.copy(elems);
        a[i] = v;
        return new TupleValue(a);
    }
}
