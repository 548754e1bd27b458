package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * TLC's order and equality on values.
 *
 * <p>Order (TLC 1.1.0's {@code compareTo}, checked against TLC's printed normal forms):
 * <ul>
 *   <li>model values are below every other value and ordered by intern order among themselves;</li>
 *   <li>FALSE &lt; TRUE; integers numerically; strings by intern order ({@link NameTable});</li>
 *   <li>sets by cardinality, then element by element in normalized order;</li>
 *   <li>records (against records) field by field: name, then value; other functions (tuples
 *       included) by domain size, then all domain elements, then all values;</li>
 *   <li>anything else (an integer against a string, a set against a function...) is an error.</li>
 * </ul>
 * Two different strings or model values of two name tables have no order (their ranks are
 * unrelated): {@link #compare} throws {@link TwoTablesException} for them, and the lookups that
 * search by order catch it and look again by equality, which is defined across tables.
 * {@link #equal} is total and never throws (Java equality); {@link #strictEqual} raises TLC's
 * "Attempted to check equality" errors.
 */
public final class ValueOrder {
    private ValueOrder() {
    }

    /** TLC's comparison; throws {@link TlaEvalException} when TLC cannot compare the two. */
    public static int compare(Value a, Value b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof ModelValue ma) {
            return b instanceof ModelValue mb ? compareModelValues(ma, mb) : -1;
        }
        if (b instanceof ModelValue) {
            return 1;
        }
        Value.Kind k = a.kind();
        if (b.kind() != k) {
            throw incomparable(a, b);
        }
        switch (k) {
            case BOOL:
                return Boolean.compare(((BoolValue) a).value(), ((BoolValue) b).value());
            case INT:
                return Integer.compare(((IntValue) a).value(), ((IntValue) b).value());
            case STRING: {
                StrValue sa = (StrValue) a;
                StrValue sb = (StrValue) b;
                if (sa.table() == sb.table()) {
                    // one table makes one object per string (a == b was checked): the ranks differ
                    return Integer.compare(sa.rank(), sb.rank());
                }
                if (sa.value().equals(sb.value())) {
                    return 0;
                }
                throw new TwoTablesException(sa.toString(), sb.toString());
            }
            case SET:
                return compareSets((SetValue) a, (SetValue) b);
            default:
                return compareFcns((FcnValue) a, (FcnValue) b);
        }
    }

    private static int compareSets(SetValue a, SetValue b) {
        if (!a.isFinite() || !b.isFinite()) {
            if (equal(a, b)) {
                return 0;
            }
            throw new TlaEvalException("Attempted to compare the infinite set " + (a.isFinite() ? b : a) + " with the value:\n" + (a.isFinite() ? a : b));
        }
        if (a instanceof IntervalValue ia && b instanceof IntervalValue ib) {
            int c = Integer.compare(ia.size(), ib.size());
            return c != 0 || ia.size() == 0 ? c : Integer.compare(ia.lo, ib.lo);
        }
        int c = Integer.compare(a.size(), b.size());
        if (c != 0) {
            return c;
        }
        Iterator<Value> ia = a.iterator();
        Iterator<Value> ib = b.iterator();
        boolean first = true;
        while (ia.hasNext()) {
            Value x = ia.next();
            Value y = ib.next();
            if (first) {
                requireOneOrder(x, y);
                first = false;
            }
            c = compare(x, y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * Sets and function domains are compared element by element in their own order, which for
     * strings and model values is their table's: two values ordered by two tables would be paired
     * wrongly, and a difference found further on (an integer) would answer instead of the real one.
     * The first elements tell the tables (elements of one set come from one table).
     */
    private static void requireOneOrder(Value x, Value y) {
        NameTable tx = firstTable(x);
        NameTable ty = firstTable(y);
        if (tx != null && ty != null && tx != ty) {
            throw new TwoTablesException(x.toString(), y.toString());
        }
    }

    /** The table of the first string or model value met walking into {@code v}'s first parts, or null. */
    private static NameTable firstTable(Value v) {
        for (int depth = 0; depth < 8; depth++) {
            if (v instanceof StrValue s) {
                return s.table();
            }
            if (v instanceof ModelValue m) {
                return m.table();
            }
            if (v instanceof RecordValue r) {
                return r.size() > 0 ? r.names[0].table() : null;
            }
            if (v instanceof FcnValue f && f.size() > 0) {
                v = f instanceof TupleValue ? f.valueAt(0) : f.keyAt(0);
            } else if (v instanceof EnumSetValue e && e.size() > 0) {
                v = e.get(0);
            } else {
                return null;
            }
        }
        return null;
    }

    private static int compareFcns(FcnValue a, FcnValue b) {
        int n = a.size();
        if (a instanceof RecordValue ra && b instanceof RecordValue rb) {
            int c = Integer.compare(n, rb.size());
            if (c != 0) {
                return c;
            }
            boolean sameShape = ra.names == rb.names; // records of one constructor share their names
            for (int i = 0; i < n; i++) {
                c = sameShape ? 0 : compare(ra.names[i], rb.names[i]);
                if (c != 0) {
                    return c;
                }
                c = compare(ra.values[i], rb.values[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        int c = Integer.compare(n, b.size());
        if (c != 0) {
            return c;
        }
        if (!(a instanceof TupleValue && b instanceof TupleValue)) {
            if (n > 0) {
                requireOneOrder(a.keyAt(0), b.keyAt(0));
            }
            for (int i = 0; i < n; i++) {
                c = compare(a.keyAt(i), b.keyAt(i));
                if (c != 0) {
                    return c;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            c = compare(a.valueAt(i), b.valueAt(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareModelValues(ModelValue a, ModelValue b) {
        if (a.table() == b.table()) {
            return a == b ? 0 : Integer.compare(a.rank(), b.rank());
        }
        if (a.name().equals(b.name())) {
            return 0;
        }
        throw new TwoTablesException(a.name(), b.name());
    }

    /** Whether two model values are the same: one table makes one object per name, so only values of two tables need their names compared. */
    private static boolean sameModelValue(ModelValue a, ModelValue b) {
        return a == b || (a.table() != b.table() && a.name().equals(b.name()));
    }

    static TlaEvalException incomparable(Value a, Value b) {
        Value.Kind k = a.kind();
        if (k == Value.Kind.SET || k == Value.Kind.FUNCTION) {
            return new TlaEvalException("Attempted to compare the " + k.description() + " " + a + " with the value:\n" + b);
        }
        return new TlaEvalException("Attempted to compare " + k.description() + " " + a + " with non-" + k.description() + ":\n" + b);
    }

    /** TLA+ equality across representations; total, never throws. */
    public static boolean equal(Value a, Value b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        Value.Kind k = a.kind();
        if (k != b.kind()) {
            return false;
        }
        switch (k) {
            case BOOL:
                return false; // interned: identity was checked above
            case MODEL:
                return sameModelValue((ModelValue) a, (ModelValue) b);
            case INT:
                return ((IntValue) a).value() == ((IntValue) b).value();
            case STRING:
                // one table makes one object per string, and a != b
                return ((StrValue) a).table() != ((StrValue) b).table() && ((StrValue) a).value().equals(((StrValue) b).value());
            case SET:
                return a.fingerprint() == b.fingerprint() && setsEqual((SetValue) a, (SetValue) b, false);
            default:
                return a.fingerprint() == b.fingerprint() && fcnsEqual((FcnValue) a, (FcnValue) b, false);
        }
    }

    /** TLC's equality: as {@link #equal} but comparing values of different kinds is an error. */
    public static boolean strictEqual(Value a, Value b) {
        if (a == b) {
            return true;
        }
        if (a instanceof StrValue sa && b instanceof StrValue sb) {
            // the commonest test, pc[t] = "idle": one table makes one object per string
            return sa.table() != sb.table() && sa.value().equals(sb.value());
        }
        if (a instanceof ModelValue || b instanceof ModelValue) {
            return a instanceof ModelValue ma && b instanceof ModelValue mb && sameModelValue(ma, mb);
        }
        Value.Kind k = a.kind();
        if (k != b.kind()) {
            if (k == Value.Kind.SET || k == Value.Kind.FUNCTION) {
                throw new TlaEvalException("Attempted to check equality of the " + k.description() + " " + a + " with the value:\n" + b);
            }
            throw new TlaEvalException("Attempted to check equality of " + k.description() + " " + a + " with non-" + k.description() + ":\n" + b);
        }
        switch (k) {
            case SET:
                return setsEqual((SetValue) a, (SetValue) b, true);
            case FUNCTION:
                return fcnsEqual((FcnValue) a, (FcnValue) b, true);
            default:
                return equal(a, b);
        }
    }

    private static boolean eq(Value a, Value b, boolean strict) {
        return strict ? strictEqual(a, b) : equal(a, b);
    }

    private static boolean setsEqual(SetValue a, SetValue b, boolean strict) {
        if (!a.isFinite() || !b.isFinite()) {
            if (a.isFinite() != b.isFinite()) {
                return false;
            }
            InfiniteSetValue x = (InfiniteSetValue) (a instanceof InfiniteSetValue ? a : null);
            InfiniteSetValue y = (InfiniteSetValue) (b instanceof InfiniteSetValue ? b : null);
            if (x == null || y == null) {
                if (strict) {
                    throw new TlaEvalException("Attempted to check equality of the infinite set " + a + " with " + b);
                }
                return a.fingerprint() == b.fingerprint();
            }
            return x.which == y.which && (x.elem == null || equal(x.elem, y.elem));
        }
        if (a instanceof IntervalValue ia && b instanceof IntervalValue ib) {
            return ia.size() == ib.size() && (ia.size() == 0 || ia.lo == ib.lo);
        }
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Value> ia = a.iterator();
        Iterator<Value> ib = b.iterator();
        while (ia.hasNext()) {
            if (!eq(ia.next(), ib.next(), strict)) {
                return sameFingerprint(a, b) && sameElementsInAnyOrder(a, b, strict);
            }
        }
        return true;
    }

    /**
     * Values built in two name tables that rank strings differently enumerate their elements in
     * different orders, so an in-order walk can miss equal sets. Equal values have equal
     * fingerprints (which never depend on ranks), so only then is the walk redone without order:
     * within one table that happens only on a fingerprint collision.
     */
    private static boolean sameFingerprint(Value a, Value b) {
        return a.fingerprint() == b.fingerprint();
    }

    private static boolean sameElementsInAnyOrder(SetValue a, SetValue b, boolean strict) {
        List<Value> left = new ArrayList<>(b.size());
        b.forEach(left::add);
        for (Value x : a) {
            if (!removeEqual(left, x, strict)) {
                return false;
            }
        }
        return left.isEmpty();
    }

    private static boolean removeEqual(List<Value> values, Value x, boolean strict) {
        for (int i = 0; i < values.size(); i++) {
            if (eq(x, values.get(i), strict)) {
                values.remove(i);
                return true;
            }
        }
        return false;
    }

    /** As {@link #sameElementsInAnyOrder}, for functions whose domains two tables ordered differently. */
    private static boolean samePairsInAnyOrder(FcnValue a, FcnValue b, boolean strict) {
        int n = a.size();
        boolean[] used = new boolean[n];
        for (int i = 0; i < n; i++) {
            int match = -1;
            for (int j = 0; j < n && match < 0; j++) {
                if (!used[j] && eq(a.keyAt(i), b.keyAt(j), strict)) {
                    match = j;
                }
            }
            if (match < 0 || !eq(a.valueAt(i), b.valueAt(match), strict)) {
                return false;
            }
            used[match] = true;
        }
        return true;
    }

    private static boolean fcnsEqual(FcnValue a, FcnValue b, boolean strict) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        boolean sameRecordShape = a instanceof RecordValue ra && b instanceof RecordValue rb && ra.names == rb.names;
        if (!sameRecordShape && !(a instanceof TupleValue && b instanceof TupleValue)) {
            for (int i = 0; i < n; i++) {
                if (!eq(a.keyAt(i), b.keyAt(i), strict)) {
                    return sameFingerprint(a, b) && samePairsInAnyOrder(a, b, strict);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!eq(a.valueAt(i), b.valueAt(i), strict)) {
                return false;
            }
        }
        return true;
    }
}
