package io.finalspec.runtime.value;

/** Any other finite function: sorted domain array and values. */
public final class GenericFcnValue extends FcnValue {
    final Value[] keys;
    final Value[] values;

    GenericFcnValue(Value[] keys, Value[] values) {
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public Value keyAt(int i) {
        return keys[i];
    }

    @Override
    public Value valueAt(int i) {
        return values[i];
    }

    @Override
    public int indexOf(Value key) {
        if (keys.length <= 8) {
            // keys and arguments mostly come from one table (one object per string or model
            // value): an identity pass first, equality only when it finds nothing
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == key) {
                    return i;
                }
            }
            return scanByEquality(key);
        }
        int lo = 0;
        int hi = keys.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c;
            try {
                c = ValueOrder.compare(keys[mid], key);
            } catch (TwoTablesException e) {
                // a key of another name table, at any depth, may sort elsewhere there
                return scanByEquality(key);
            } catch (TlaEvalException e) {
                return -1;
            }
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private int scanByEquality(Value key) {
        for (int i = 0; i < keys.length; i++) {
            if (ValueOrder.equal(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public SetValue domain() {
        // the keys are sorted and distinct, and neither this function nor a set changes its array
        return EnumSetValue.ofDistinctSorted(keys);
    }

    @Override
    FcnValue withValueAt(int i, Value v) {
        Value[] a = ValueArrays.copy(values);
        a[i] = v;
        return new GenericFcnValue(keys, a);
    }
}
