package io.finalspec.tests.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A finite set of values of one type, written in TLA+: the type of a state variable (every action
 * keeps the variable inside it, which bounds the state space), the range of a bound variable, or
 * the domain of a function.
 *
 * @param elem  the type of its elements
 * @param tla   the set as a TLA+ expression (parenthesised where it is compound)
 * @param elems its elements as TLA+ literals, for scalar sets; empty for structured ones
 * @param card  how many elements it has
 * @param parts the sets it is built from: the base of a SUBSET or sequence set, the range of a
 *              function set, the field sets of a record set
 * @param max   the longest sequence of a sequence set
 */
record Dom(Ty elem, String tla, List<String> elems, long card, List<Dom> parts, int max) {

    Dom {
        elems = List.copyOf(elems);
        parts = List.copyOf(parts);
    }

    Dom(Ty elem, String tla, List<String> elems, long card) {
        this(elem, tla, elems, card, List.of(), 0);
    }

    /** The set of elements of a SUBSET or sequence set, the range of a function set. */
    Dom base() {
        return parts.get(0);
    }

    boolean scalar() {
        return !elems.isEmpty();
    }

    static Dom ints(int lo, int hi) {
        List<String> e = new ArrayList<>();
        for (int i = lo; i <= hi; i++) {
            e.add(Exprs.intLit(i));
        }
        return new Dom(Ty.INT, (lo < 0 ? "(" + lo + ")" : String.valueOf(lo)) + ".." + hi, e, hi - lo + 1);
    }

    static Dom bools() {
        return new Dom(Ty.BOOL, "BOOLEAN", List.of("FALSE", "TRUE"), 2);
    }

    static Dom strings(List<String> values) {
        List<String> lits = values.stream().map(Exprs::strLit).toList();
        return new Dom(Ty.STR, "{" + String.join(", ", lits) + "}", lits, lits.size());
    }

    /** The model values p1, p2 of the constant Procs, named in the spec by the constants P1, P2. */
    static Dom procs() {
        return new Dom(Ty.MV, "Procs", List.of("P1", "P2"), 2);
    }

    static Dom subsets(Dom base) {
        // SANY reads SUBSET 0..1 as (SUBSET 0)..1, whatever the precedence table says: parenthesise the operand
        return new Dom(new Ty.SetT(base.elem()), "(SUBSET (" + base.tla() + "))", List.of(), 1L << base.card(), List.of(base), 0);
    }

    static Dom functions(Dom domain, Dom range) {
        return new Dom(new Ty.FunT(domain, range.elem()), "[" + domain.tla() + " -> " + range.tla() + "]", List.of(),
            (long) Math.pow(range.card(), domain.card()), List.of(range), 0);
    }

    static Dom records(List<String> fields, List<Dom> doms) {
        StringBuilder sb = new StringBuilder("[");
        long card = 1;
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(fields.get(i)).append(" : ").append(doms.get(i).tla());
            card *= doms.get(i).card();
        }
        return new Dom(new Ty.RecT(List.copyOf(fields), doms.stream().map(Dom::elem).toList()), sb.append("]").toString(),
            List.of(), card, doms, 0);
    }

    /** Sequences over {@code base} of length at most {@code max}, as a union of function sets. */
    static Dom sequences(Dom base, int max) {
        long card = 0;
        for (int k = 0; k <= max; k++) {
            card += (long) Math.pow(base.card(), k);
        }
        return new Dom(new Ty.SeqT(base.elem()), "(UNION {[1..sqn -> " + base.tla() + "] : sqn \\in 0.." + max + "})",
            List.of(), card, List.of(base), max);
    }
}
