package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import static io.finalspec.runtime.value.IntOps.intArg;

/** The Sequences module (and TLC's SortSeq), behind {@link Tla}. */
final class SeqOps {
    private SeqOps() {
    }

    /** The elements of a sequence (shared array: do not modify); {@code op} names the operator for errors. */
    static Value[] asSeq(Value s, String op) {
        if (s instanceof TupleValue t) {
            return t.elems;
        }
        if ("Append".equals(op)) {
            throw new TlaEvalException("Evaluating an expression of the form Append(v, s) when s is not a sequence:\n" + s);
        }
        throw new TlaEvalException("The argument of " + op + " should be a sequence, but instead it is:\n" + s);
    }

    /** {@code Len(s)}; a string is a sequence of characters, as in TLC. */
    static IntValue len(Value s) {
        if (s instanceof StrValue str) {
            return IntValue.of(str.value().length());
        }
        return IntValue.of(asSeq(s, "Len").length);
    }

    static TupleValue append(Value s, Value e) {
        Value[] a = asSeq(s, "Append");
        Value[] r = ValueArrays.copyOf(a, a.length + 1);
        r[a.length] = nonNull(e);
        return new TupleValue(r);
    }

    static Value head(Value s) {
        Value[] a = asSeq(s, "Head");
        if (a.length == 0) {
            throw new TlaEvalException("Attempted to apply Head to the empty sequence.");
        }
        return a[0];
    }

    static TupleValue tail(Value s) {
        Value[] a = asSeq(s, "Tail");
        if (a.length == 0) {
            throw new TlaEvalException("Attempted to apply Tail to the empty sequence.");
        }
        return a.length == 1 ? TupleValue.EMPTY : new TupleValue(ValueArrays.copyOfRange(a, 1, a.length));
    }

    /** {@code SubSeq(s, m, n)}: {@code <<>>} when {@code m > n}, else {@code 1 <= m <= n <= Len(s)}. */
    static TupleValue subSeq(Value s, Value m, Value n) {
        Value[] a = asSeq(s, "SubSeq");
        int lo = intArg(m, "SubSeq", 2);
        int hi = intArg(n, "SubSeq", 2);
        if (lo > hi) {
            return TupleValue.EMPTY;
        }
        if (lo < 1 || lo > a.length) {
            throw new TlaEvalException("The second argument of SubSeq must be in the domain of its first argument:\n" + s + "\n, but instead it is\n" + lo);
        }
        if (hi > a.length) {
            throw new TlaEvalException("The third argument of SubSeq must be in the domain of its first argument:\n" + s + "\n, but instead it is\n" + hi);
        }
        return new TupleValue(ValueArrays.copyOfRange(a, lo - 1, hi));
    }

    /** {@code s \o t}: sequences, or two strings (as TLC). */
    static Value concat(Value s, Value t) {
        if (s instanceof StrValue a && t instanceof StrValue b) {
            return a.table().str(a.value() + b.value());
        }
        return concatSeq(s, t);
    }

    private static TupleValue concatSeq(Value s, Value t) {
        Value[] a = asSeq(s, "\\o");
        Value[] b = asSeq(t, "\\o");
        if (b.length == 0) {
            return (TupleValue) s;
        }
        if (a.length == 0) {
            return (TupleValue) t;
        }
        Value[] r = ValueArrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return new TupleValue(r);
    }

    /** {@code SelectSeq(s, test)}. */
    static TupleValue selectSeq(Value s, Predicate<Value> test) {
        ArrayList<Value> out = new ArrayList<>();
        for (Value v : asSeq(s, "SelectSeq")) {
            if (test.test(v)) {
                out.add(v);
            }
        }
        return Tla.seqOf(out);
    }

    /**
     * TLC's {@code SortSeq(s, Op)}: Java's object sort with the comparator {@code Op(a, b) ? -1 : 1},
     * as TLC does, so ties come out as in TLC (kept in order for a strict {@code <}, reversed for
     * {@code <=}; checked against TLC 2.18).
     */
    static TupleValue sortSeq(Value s, BiPredicate<Value, Value> lessThan) {
        Value[] a = asSeq(s, "SortSeq").clone();
        Arrays.sort(a, (x, y) -> lessThan.test(x, y) ? -1 : 1);
        return new TupleValue(a);
    }


    private static Value nonNull(Value v) {
        if (v == null) {
            throw new TlaEvalException("null is not a TLA+ value (an unassigned variable or a bug in generated code)");
        }
        return v;
    }
}
