package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random values for property tests, generated from a random type so that set elements are
 * comparable (as in any TLC-checkable spec), plus {@link #rebuild}: the same value built along a
 * different path (shuffled, duplicated, as an interval, as a function instead of a tuple...).
 */
final class RandomValues {
    /** Where the generated strings and model values come from (tests only). */
    static final NameTable NAMES = new NameTable();
    private static final String[] STRINGS = {"a", "b", "c", "zz", "a b", "q\"uote", "new\nline", ""};
    private static final String[] FIELDS = {"a", "b", "c", "zz", "pc", "x"};
    private static final String[] MODELS = {"m1", "m2", "m3"};

    private RandomValues() {
    }

    /** A value type: kind plus element/value types. */
    record Type(char kind, Type elem, Type val, String[] fields, Type[] fieldTypes) {
    }

    static Type type(Random r, int depth) {
        int k = r.nextInt(depth <= 0 ? 4 : 9);
        switch (k) {
            case 0:
                return new Type('i', null, null, null, null);
            case 1:
                return new Type('s', null, null, null, null);
            case 2:
                return new Type('m', null, null, null, null);
            case 3:
                return new Type('b', null, null, null, null);
            case 4:
            case 5:
                return new Type('S', type(r, depth - 1), null, null, null);
            case 6:
                return new Type('Q', type(r, depth - 1), null, null, null);
            case 7: {
                int n = 1 + r.nextInt(3);
                List<String> names = new ArrayList<>(List.of(FIELDS));
                Collections.shuffle(names, r);
                Type[] ts = new Type[n];
                for (int i = 0; i < n; i++) {
                    ts[i] = type(r, depth - 1);
                }
                return new Type('R', null, null, names.subList(0, n).toArray(new String[0]), ts);
            }
            default: {
                Type key = new Type("ism".charAt(r.nextInt(3)), null, null, null, null);
                return new Type('F', key, type(r, depth - 1), null, null);
            }
        }
    }

    static Value gen(Type t, Random r) {
        switch (t.kind()) {
            case 'i':
                return Tla.integer(r.nextInt(10) == 0 ? r.nextInt() : r.nextInt(9) - 3);
            case 's':
                return NAMES.str(STRINGS[r.nextInt(STRINGS.length)]);
            case 'm':
                return NAMES.modelValue(MODELS[r.nextInt(MODELS.length)]);
            case 'b':
                return Tla.bool(r.nextBoolean());
            case 'S': {
                int n = r.nextInt(5);
                List<Value> elems = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    elems.add(r.nextInt(12) == 0 ? NAMES.modelValue(MODELS[r.nextInt(MODELS.length)]) : gen(t.elem(), r));
                }
                return Tla.setOf(elems);
            }
            case 'Q': {
                int n = r.nextInt(4);
                Value[] e = new Value[n];
                for (int i = 0; i < n; i++) {
                    e[i] = gen(t.elem(), r);
                }
                return Tla.tuple(e);
            }
            case 'R': {
                Value[] v = new Value[t.fields().length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = gen(t.fieldTypes()[i], r);
                }
                return NAMES.record(t.fields(), v);
            }
            default: {
                int n = r.nextInt(4);
                List<Value> keys = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    Value k = t.elem().kind() == 'i' ? Tla.integer(1 + r.nextInt(4)) : gen(t.elem(), r);
                    if (!keys.contains(k)) {
                        keys.add(k);
                    }
                }
                Value[] vals = new Value[keys.size()];
                for (int i = 0; i < vals.length; i++) {
                    vals[i] = gen(t.val(), r);
                }
                return Tla.fromPairs(keys.toArray(new Value[0]), vals);
            }
        }
    }

    /** The same value, constructed differently. */
    static Value rebuild(Value v, Random r) {
        if (v instanceof IntValue i) {
            return Tla.integer(i.value());
        }
        if (v instanceof StrValue s) {
            return NAMES.str(new String(s.value().toCharArray()));
        }
        if (v instanceof SetValue s) {
            List<Value> elems = new ArrayList<>();
            for (Value e : s) {
                elems.add(rebuild(e, r));
                if (r.nextInt(4) == 0) {
                    elems.add(rebuild(e, r));
                }
            }
            if (!elems.isEmpty() && r.nextBoolean() && isIntRange(s)) {
                return Tla.interval(((IntValue) s.toEnum().get(0)).value(), ((IntValue) s.toEnum().get(s.size() - 1)).value());
            }
            Collections.shuffle(elems, r);
            return Tla.setOf(elems);
        }
        if (v instanceof FcnValue f) {
            int n = f.size();
            switch (r.nextInt(3)) {
                case 0: {
                    Value[] keys = new Value[n];
                    Value[] vals = new Value[n];
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, r);
                    for (int i = 0; i < n; i++) {
                        keys[i] = rebuild(f.keyAt(order.get(i)), r);
                        vals[i] = rebuild(f.valueAt(order.get(i)), r);
                    }
                    return Tla.fromPairs(keys, vals);
                }
                case 1:
                    return Tla.fcn(rebuild(f.domain(), r), k -> rebuild(f.get(k), r));
                default:
                    Value acc = Tla.EMPTY_SEQ;
                    for (int i = n - 1; i >= 0; i--) {
                        acc = Tla.atAt(Tla.colonGt(rebuild(f.keyAt(i), r), rebuild(f.valueAt(i), r)), acc);
                    }
                    return acc;
            }
        }
        return v;
    }

    /**
     * A table holding every name {@link #gen} uses in the reverse of the order {@link #NAMES} met
     * them first: strings and model values rank the other way round there.
     */
    static NameTable reversedTable() {
        List<String> names = new ArrayList<>();
        names.addAll(List.of(STRINGS));
        names.addAll(List.of(FIELDS));
        names.addAll(List.of(MODELS));
        Collections.reverse(names);
        return new NameTable(names);
    }

    /** {@code v} with every string, model value and record field name made by {@code table}. */
    static Value translate(Value v, NameTable table) {
        if (v instanceof StrValue s) {
            return table.str(s.value());
        }
        if (v instanceof ModelValue m) {
            return table.modelValue(m.name());
        }
        if (v instanceof RecordValue r) {
            String[] names = new String[r.size()];
            Value[] vals = new Value[r.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = r.nameAt(i);
                vals[i] = translate(r.valueAt(i), table);
            }
            return table.record(names, vals);
        }
        if (v instanceof TupleValue t) {
            Value[] e = new Value[t.size()];
            for (int i = 0; i < e.length; i++) {
                e[i] = translate(t.valueAt(i), table);
            }
            return Tla.tuple(e);
        }
        if (v instanceof FcnValue f) {
            Value[] keys = new Value[f.size()];
            Value[] vals = new Value[f.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = translate(f.keyAt(i), table);
                vals[i] = translate(f.valueAt(i), table);
            }
            return Tla.fromPairs(keys, vals);
        }
        if (v instanceof SetValue s && !(s instanceof IntervalValue)) {
            List<Value> elems = new ArrayList<>();
            for (Value e : s) {
                elems.add(translate(e, table));
            }
            return Tla.setOf(elems);
        }
        return v;
    }

    private static boolean isIntRange(SetValue s) {
        Value[] e = s.toEnum().elems;
        for (int i = 0; i < e.length; i++) {
            if (!(e[i] instanceof IntValue iv) || iv.value() != ((IntValue) e[0]).value() + i) {
                return false;
            }
        }
        return true;
    }
}
