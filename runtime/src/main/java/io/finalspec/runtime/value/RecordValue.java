package io.finalspec.runtime.value;

/** A record {@code [a |-> 1, b |-> 2]}: a function on a set of strings, fields in TLC's order. */
public final class RecordValue extends FcnValue {
    final StrValue[] names;
    final Value[] values;

    /** Names must be sorted in TLC's order (by {@link NameTable} rank) and distinct. */
    RecordValue(StrValue[] names, Value[] values) {
        this.names = names;
        this.values = values;
    }

    /** Field names in TLC's order. */
    public String nameAt(int i) {
        return names[i].value();
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Value keyAt(int i) {
        return names[i];
    }

    @Override
    public Value valueAt(int i) {
        return values[i];
    }

    @Override
    public int indexOf(Value key) {
        if (key instanceof StrValue s) {
            // the strings of one NameTable are unique objects: identity first, then by content
            for (int i = 0; i < names.length; i++) {
                if (names[i] == s) {
                    return i;
                }
            }
            return indexOf(s.value());
        }
        return -1;
    }

    /** Position of the field named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            String n = names[i].value();
            if (n == name || n.equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public SetValue domain() {
        // the names are sorted and distinct, and neither this record nor a set changes its array
        return EnumSetValue.ofDistinctSorted(names);
    }

    @Override
    FcnValue withValueAt(int i, Value v) {
        Value[] a = ValueArrays.copy(values);
        a[i] = v;
        return new RecordValue(names, a);
    }
}
