package io.finalspec.tests.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates TLA+ expressions of a given type over the state variables and bound variables in
 * scope. Every compound expression is parenthesised, so that the text parses one way whatever its
 * context (junction lists, IF, CASE). Operations that fail on some values (Head, CHOOSE, f[x],
 * SubSeq) are guarded or given arguments known to be in range.
 */
final class ExprGen {

    /** A bound variable (\E, CHOOSE, set builders, LET, action parameters). {@code dom} is null for LET. */
    record Bound(String name, Ty ty, Dom dom) {
    }

    /** A module-level definition expressions may call (RECURSIVE operators among them). */
    record Helper(String name, String text) {
    }

    /** The helpers, in the order a spec defines the ones it uses. */
    static final List<Helper> HELPERS = List.of(
        new Helper("SumSet", "RECURSIVE SumSet(_)\nSumSet(hS) == IF hS = {} THEN 0 ELSE LET hm == CHOOSE he \\in hS : TRUE IN hm + SumSet(hS \\ {hm})"),
        new Helper("SumSeq", "RECURSIVE SumSeq(_)\nSumSeq(hs) == IF hs = <<>> THEN 0 ELSE Head(hs) + SumSeq(Tail(hs))"),
        new Helper("Max", "Max(ha, hb) == IF ha >= hb THEN ha ELSE hb"),
        new Helper("Count", "RECURSIVE Count(_, _)\nCount(hs, hv) == IF hs = <<>> THEN 0 ELSE (IF Head(hs) = hv THEN 1 ELSE 0) + Count(Tail(hs), hv)"),
        new Helper("Bags", "INSTANCE Bags"));

    private final Rnd r;
    private final Profile profile;
    private final List<Dom> scalars;
    private final Map<String, Dom> vars = new LinkedHashMap<>();
    private final Deque<Bound> bound = new ArrayDeque<>();
    private final Set<String> helpersUsed = new LinkedHashSet<>();
    private int fresh;

    /** @param scalars the scalar sets bound variables may range over (at least one of integers) */
    ExprGen(Rnd r, Profile profile, List<Dom> scalars) {
        this.r = r;
        this.profile = profile;
        this.scalars = List.copyOf(scalars);
    }

    void readable(String var, Dom dom) {
        vars.put(var, dom);
    }

    private final Map<String, Dom> hidden = new LinkedHashMap<>();

    /** Hides the state variables (for constant-level expressions) until {@link #restoreVars()}. */
    void forgetVars() {
        hidden.putAll(vars);
        vars.clear();
    }

    void restoreVars() {
        vars.putAll(hidden);
        hidden.clear();
    }

    void push(Bound b) {
        bound.push(b);
    }

    void pop() {
        bound.pop();
    }

    Set<String> helpersUsed() {
        return helpersUsed;
    }

    String freshName() {
        return "k" + (++fresh);
    }

    List<Dom> scalars() {
        return scalars;
    }

    // ---- values and members of a set -----------------------------------------------------------

    /** A constant expression whose value lies in {@code d}. */
    String value(Dom d) {
        if (d.scalar()) {
            return r.pick(d.elems());
        }
        Ty t = d.elem();
        if (t.kind() == Ty.Kind.SET && !d.base().scalar()) {
            List<String> picked = new ArrayList<>();
            for (int i = r.below(3); i > 0; i--) {
                picked.add(value(d.base()));
            }
            return "{" + String.join(", ", picked) + "}";
        }
        if (t.kind() == Ty.Kind.SET) {
            Dom base = d.base();
            List<String> picked = new ArrayList<>();
            int n = r.below(Math.min(3, base.elems().size() + 1));
            for (String e : base.elems()) {
                if (picked.size() < n && r.percent(60)) {
                    picked.add(e);
                }
            }
            return "{" + String.join(", ", picked) + "}";
        }
        if (t.kind() == Ty.Kind.FUN) {
            Ty.FunT f = (Ty.FunT) t;
            Dom range = d.base();
            if (r.percent(50)) {
                return "[" + freshName() + " \\in " + f.domain().tla() + " |-> " + value(range) + "]";
            }
            List<String> parts = new ArrayList<>();
            for (String e : f.domain().elems()) {
                parts.add("(" + e + " :> " + value(range) + ")");
            }
            return "(" + String.join(" @@ ", parts) + ")";
        }
        if (t.kind() == Ty.Kind.REC) {
            Ty.RecT rec = (Ty.RecT) t;
            List<Dom> fields = d.parts();
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < rec.fields().size(); i++) {
                parts.add(rec.fields().get(i) + " |-> " + value(fields.get(i)));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        Dom base = d.base();
        List<String> elems = new ArrayList<>();
        int n = r.below(d.max() + 1);
        for (int i = 0; i < n; i++) {
            elems.add(value(base));
        }
        return "<<" + String.join(", ", elems) + ">>";
    }

    /** An expression whose value is an element of the scalar set {@code d}: a literal, or a variable ranging over it. */
    String member(Dom d) {
        List<String> options = new ArrayList<>();
        for (Bound b : bound) {
            if (d.equals(b.dom())) {
                options.add(b.name());
            }
        }
        vars.forEach((name, dom) -> {
            if (dom.equals(d)) {
                options.add(name);
            }
        });
        if (options.isEmpty() || r.percent(40)) {
            return r.pick(d.elems());
        }
        return r.pick(options);
    }

    // ---- expressions by type ---------------------------------------------------------------------

    String expr(Ty t, int depth) {
        List<String> leaves = reads(t);
        if (depth <= 0 || r.percent(25)) {
            if (!leaves.isEmpty() && r.percent(85)) {
                return r.pick(leaves);
            }
            return literal(t);
        }
        int kind = r.below(10);
        if (kind == 0) {
            return "(IF " + expr(Ty.BOOL, depth - 1) + " THEN " + expr(t, depth - 1) + " ELSE " + expr(t, depth - 1) + ")";
        }
        if (kind == 1) {
            return "(CASE " + expr(Ty.BOOL, depth - 1) + " -> " + expr(t, depth - 1) + " [] "
                + expr(Ty.BOOL, depth - 1) + " -> " + expr(t, depth - 1) + " [] OTHER -> " + expr(t, depth - 1) + ")";
        }
        if (kind == 2) {
            return let(t, depth);
        }
        if (kind == 3 && !leaves.isEmpty()) {
            return r.pick(leaves);
        }
        return switch (t.kind()) {
            case INT -> intExpr(depth);
            case BOOL -> boolExpr(depth);
            case STR, MV -> scalarExpr(t, depth);
            case SET -> setExpr((Ty.SetT) t, depth);
            case REC -> recExpr((Ty.RecT) t, depth);
            case FUN -> funExpr((Ty.FunT) t, depth);
            case SEQ -> seqExpr((Ty.SeqT) t, depth);
        };
    }

    private String let(Ty t, int depth) {
        Ty u = someType();
        String name = freshName();
        String def = expr(u, depth - 1);
        push(new Bound(name, u, null));
        String body = expr(t, depth - 1);
        pop();
        return "(LET " + name + " == " + def + " IN " + body + ")";
    }

    /** Variables in scope of type t. */
    private List<String> reads(Ty t) {
        List<String> out = new ArrayList<>();
        vars.forEach((name, dom) -> {
            if (dom.elem().equals(t)) {
                out.add(name);
            }
        });
        for (Bound b : bound) {
            if (b.ty().equals(t)) {
                out.add(b.name());
            }
        }
        return out;
    }

    String literal(Ty t) {
        return switch (t.kind()) {
            case INT -> Exprs.intLit(r.between(-2, 3));
            case BOOL -> r.percent(70) ? "TRUE" : "FALSE"; // mostly TRUE, so that guards leave actions enabled
            case STR -> Exprs.strLit(r.pick(profile.strings()));
            case MV -> r.percent(50) ? "P1" : "P2";
            case SET -> r.percent(50) ? "{}" : "{" + literal(((Ty.SetT) t).elem()) + "}";
            case REC -> {
                Ty.RecT rec = (Ty.RecT) t;
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < rec.fields().size(); i++) {
                    parts.add(rec.fields().get(i) + " |-> " + literal(rec.types().get(i)));
                }
                yield "[" + String.join(", ", parts) + "]";
            }
            case FUN -> "[" + freshName() + " \\in " + ((Ty.FunT) t).domain().tla() + " |-> " + literal(((Ty.FunT) t).range()) + "]";
            case SEQ -> r.percent(50) ? "<<>>" : "<<" + literal(((Ty.SeqT) t).elem()) + ">>";
        };
    }

    /** A type of a scalar set or a simple structure over one. */
    Ty someType() {
        Dom d = r.pick(scalars);
        return switch (r.below(6)) {
            case 0 -> new Ty.SetT(d.elem());
            case 1 -> new Ty.SeqT(d.elem());
            case 2 -> Ty.BOOL;
            default -> d.elem();
        };
    }

    private Dom scalarOf(Ty t) {
        List<Dom> fit = scalars.stream().filter(d -> d.elem().equals(t)).toList();
        return fit.isEmpty() ? null : r.pick(fit);
    }

    /** A binder {@code k \in D} over a scalar set of type t (null if none), with k in scope until {@link #pop()}. */
    private String bind(Dom d) {
        String name = freshName();
        push(new Bound(name, d.elem(), d));
        return name;
    }

    private String intExpr(int depth) {
        int d = depth - 1;
        if (profile.bags() && r.percent(25)) {
            return bagInt(d);
        }
        switch (r.below(12)) {
            case 0: return "(" + expr(Ty.INT, d) + " + " + expr(Ty.INT, d) + ")";
            case 1: return "(" + expr(Ty.INT, d) + " - " + expr(Ty.INT, d) + ")";
            case 2: return "(" + expr(Ty.INT, d) + " * " + Exprs.intLit(r.between(-1, 2)) + ")";
            case 3: return "(" + expr(Ty.INT, d) + (r.percent(50) ? " \\div " : " % ") + r.between(1, 3) + ")";
            case 4: return "Len(" + expr(new Ty.SeqT(someScalarTy()), d) + ")";
            case 5: return "Cardinality(" + expr(new Ty.SetT(r.pick(scalars).elem()), d) + ")";
            case 6: {
                helpersUsed.add("SumSet");
                return "SumSet(" + expr(new Ty.SetT(Ty.INT), d) + ")";
            }
            case 7: {
                String s = expr(new Ty.SeqT(Ty.INT), d);
                if (r.percent(50)) {
                    helpersUsed.add("SumSeq");
                    return "SumSeq(" + s + ")";
                }
                return "(IF " + s + " = <<>> THEN " + literal(Ty.INT) + " ELSE Head(" + s + "))";
            }
            case 8: {
                helpersUsed.add("Max");
                return "Max(" + expr(Ty.INT, d) + ", " + expr(Ty.INT, d) + ")";
            }
            case 9: {
                Ty e = r.pick(scalars).elem();
                helpersUsed.add("Count");
                return "Count(" + expr(new Ty.SeqT(e), d) + ", " + expr(e, d) + ")";
            }
            default: return scalarExpr(Ty.INT, depth);
        }
    }

    /** Expressions any scalar type has: application of a function, record field, guarded CHOOSE. */
    private String scalarExpr(Ty t, int depth) {
        int d = depth - 1;
        switch (r.below(3)) {
            case 0: {
                Dom dom = r.pick(scalars);
                Ty.FunT f = new Ty.FunT(dom, t);
                return "(" + expr(f, d) + ")[" + member(dom) + "]";
            }
            case 1: {
                Ty.RecT rec = new Ty.RecT(List.of("lo", "hi"), List.of(t, someScalarTy()));
                String field = "lo";
                return "(" + expr(rec, d) + ")." + field;
            }
            default: {
                Dom dom = scalarOf(t);
                if (dom == null || (t instanceof Ty.StrT && !profile.chooseString())) {
                    return literal(t);
                }
                String k = bind(dom);
                String p = expr(Ty.BOOL, d);
                pop();
                return "(IF \\E " + k + " \\in " + dom.tla() + " : " + p + " THEN CHOOSE " + k + " \\in " + dom.tla() + " : "
                    + p + " ELSE " + literal(t) + ")";
            }
        }
    }

    private Ty someScalarTy() {
        return r.pick(scalars).elem();
    }

    /** A compound condition (not a bare literal): guards and invariants. */
    String condition(int depth) {
        return boolExpr(depth);
    }

    private String boolExpr(int depth) {
        int d = depth - 1;
        if (profile.bags() && r.percent(20)) {
            return bagBool(d);
        }
        switch (r.below(11)) {
            case 0: {
                Ty u = someType();
                return "(" + expr(u, d) + (r.percent(70) ? " = " : " # ") + expr(u, d) + ")";
            }
            case 1: return "(" + expr(Ty.INT, d) + " " + r.pick(List.of("<", "<=", ">", ">=")) + " " + expr(Ty.INT, d) + ")";
            case 2: {
                Ty u = someScalarTy();
                return "(" + expr(u, d) + (r.percent(70) ? " \\in " : " \\notin ") + expr(new Ty.SetT(u), d) + ")";
            }
            case 3: {
                Ty.SetT s = new Ty.SetT(someScalarTy());
                return "(" + expr(s, d) + " \\subseteq " + expr(s, d) + ")";
            }
            case 4: return "(~" + expr(Ty.BOOL, d) + ")";
            case 5: return "(" + expr(Ty.BOOL, d) + " /\\ " + expr(Ty.BOOL, d) + ")";
            case 6: return "(" + expr(Ty.BOOL, d) + " \\/ " + expr(Ty.BOOL, d) + ")";
            case 7: return "(" + expr(Ty.BOOL, d) + (r.percent(50) ? " => " : " <=> ") + expr(Ty.BOOL, d) + ")";
            case 8: {
                return r.percent(50) ? structuredQuantifier(d) : scalarQuantifier(d);
            }
            case 9:
                return scalarQuantifier(d);
            default: {
                // a sequence equals the function on 1..Len with the same values (TLC compares across representations)
                Ty e = someScalarTy();
                String s = expr(new Ty.SeqT(e), d);
                String k = freshName();
                return "(" + s + " = [" + k + " \\in 1..Len(" + s + ") |-> " + s + "[" + k + "]])";
            }
        }
    }

    // ---- the Bags module (bags profile) ----------------------------------------------------------

    /** A count from the Bags module: a bag's cardinality, copies of an element, subbags, an image's size. */
    private String bagInt(int d) {
        helpersUsed.add("Bags");
        Ty e = someScalarTy();
        return switch (r.below(4)) {
            case 0 -> "BagCardinality(" + bagExpr(e, d) + ")";
            case 1 -> "CopiesIn(" + expr(e, d) + ", " + bagExpr(e, d) + ")";
            // SubBag of a set's bag: 2^n subbags, n at most the scalar set's size
            case 2 -> "Cardinality(SubBag(SetToBag(" + expr(new Ty.SetT(e), d) + ")))";
            default -> "BagCardinality(" + bagImage(e, d) + ")";
        };
    }

    /** A truth value from the Bags module: membership, inclusion, equality, the set of a bag. */
    private String bagBool(int d) {
        helpersUsed.add("Bags");
        Ty e = someScalarTy();
        return switch (r.below(5)) {
            case 0 -> "BagIn(" + expr(e, d) + ", " + bagExpr(e, d) + ")";
            case 1 -> "(" + bagExpr(e, d) + " \\sqsubseteq " + bagExpr(e, d) + ")";
            case 2 -> "(BagToSet(" + bagExpr(e, d) + ") = " + expr(new Ty.SetT(e), d) + ")";
            case 3 -> "(" + bagExpr(e, d) + (r.percent(70) ? " = " : " # ") + bagExpr(e, d) + ")";
            default -> "(SetToBag(" + expr(new Ty.SetT(e), d) + ") \\in SubBag(" + bagExpr(e, Math.min(d, 1)) + "))";
        };
    }

    /**
     * A bag of elements of type {@code e}: a set's bag, a literal ({@code e1 :> 2 @@ e2 :> 1}),
     * EmptyBag, a sum, a difference, the union of a set of bags, or an image under BagOfAll. Sums
     * double the counts at each level of depth, so SubBag is only taken of a set's bag or of a bag
     * one level deep (counts of at most four: at most five to the number of elements subbags).
     */
    private String bagExpr(Ty e, int d) {
        if (d <= 0 || r.percent(30)) {
            return r.percent(50) ? "SetToBag(" + expr(new Ty.SetT(e), Math.max(0, d)) + ")" : bagLiteral(e);
        }
        return switch (r.below(5)) {
            case 0 -> "(" + bagExpr(e, d - 1) + " (+) " + bagExpr(e, d - 1) + ")";
            case 1 -> "(" + bagExpr(e, d - 1) + " (-) " + bagExpr(e, d - 1) + ")";
            case 2 -> "BagUnion({" + bagExpr(e, d - 1) + ", " + bagExpr(e, d - 1) + "})";
            case 3 -> bagImage(e, d);
            default -> "SetToBag(" + expr(new Ty.SetT(e), d - 1) + ")";
        };
    }

    /** {@code BagOfAll(LAMBDA k : body, B)}: the copies of the elements with the same image add up. */
    private String bagImage(Ty e, int d) {
        Dom dom = scalarOf(e);
        if (dom == null) {
            return bagLiteral(e);
        }
        String b = bagExpr(e, d - 1);
        String k = bind(dom);
        // the body names k: TLC 2.18 refuses a LAMBDA that ignores its argument (TlcDivergenceTest)
        String body = "(IF " + expr(Ty.BOOL, Math.max(0, d - 1)) + " THEN " + k + " ELSE " + expr(e, Math.max(0, d - 1)) + ")";
        pop();
        return "BagOfAll(LAMBDA " + k + " : " + body + ", " + b + ")";
    }

    /** EmptyBag, or one or two distinct elements with one or two copies each. */
    private String bagLiteral(Ty e) {
        Dom dom = scalarOf(e);
        if (dom == null || r.percent(15)) {
            return "EmptyBag";
        }
        List<String> elems = new ArrayList<>(dom.elems());
        String first = r.pick(elems);
        elems.remove(first);
        String bag = "(" + first + " :> " + r.between(1, 2) + ")";
        if (!elems.isEmpty() && r.percent(50)) {
            bag = "(" + bag + " @@ (" + r.pick(elems) + " :> " + r.between(1, 2) + "))";
        }
        return bag;
    }

    /**
     * A quantifier over a structured set: pairs of {@code \X} bound by a tuple pattern, a small
     * function set, or the subsets of a small scalar set (their enumeration order is TLC's).
     */
    /** {@code \\A} or {@code \\E} over a scalar domain, with a boolean body that may use the bound name. */
    private String scalarQuantifier(int d) {
        Dom dom = r.pick(scalars);
        String q = r.percent(50) ? "\\A " : "\\E ";
        String k = bind(dom);
        String body = expr(Ty.BOOL, d);
        pop();
        return "(" + q + k + " \\in " + dom.tla() + " : " + body + ")";
    }

    private String structuredQuantifier(int d) {
        String q = r.percent(50) ? "\\A " : "\\E ";
        switch (r.below(3)) {
            case 0: {
                Dom a = r.pick(scalars);
                Dom b = r.pick(scalars);
                String ka = bind(a);
                String kb = bind(b);
                String body = expr(Ty.BOOL, d);
                pop();
                pop();
                return "(" + q + "<<" + ka + ", " + kb + ">> \\in (" + a.tla() + ") \\X (" + b.tla() + ") : " + body + ")";
            }
            case 1: {
                Dom fs = Dom.functions(smallScalar(), smallScalar());
                String k = bind(fs);
                String body = expr(Ty.BOOL, d);
                pop();
                return "(" + q + k + " \\in " + fs.tla() + " : " + body + ")";
            }
            default: {
                Dom ss = Dom.subsets(smallScalar());
                String k = bind(ss);
                String body = expr(Ty.BOOL, d);
                pop();
                return "(" + q + k + " \\in " + ss.tla() + " : " + body + ")";
            }
        }
    }

    /** A scalar set of at most three elements (for function sets and SUBSET). */
    private Dom smallScalar() {
        List<Dom> small = scalars.stream().filter(x -> x.card() <= 3).toList();
        return small.isEmpty() ? Dom.bools() : r.pick(small);
    }

    /**
     * CHOOSE over a structured set (guarded so that some element satisfies the predicate): which
     * element it picks depends on TLC's enumeration order of SUBSET, function and record sets.
     */
    private String chooseStructured(Dom over, Ty t, int d) {
        String k = bind(over);
        String p = expr(Ty.BOOL, d);
        pop();
        return "(IF \\E " + k + " \\in " + over.tla() + " : " + p + " THEN CHOOSE " + k + " \\in " + over.tla() + " : "
            + p + " ELSE " + literal(t) + ")";
    }

    private String setExpr(Ty.SetT t, int depth) {
        int d = depth - 1;
        Ty e = t.elem();
        switch (r.below(10)) {
            case 0: return "{" + expr(e, d) + ", " + expr(e, d) + "}";
            case 1: return "(" + expr(t, d) + " \\cup " + expr(t, d) + ")";
            case 2: return "(" + expr(t, d) + " \\cap " + expr(t, d) + ")";
            case 3: return "(" + expr(t, d) + " \\ " + expr(t, d) + ")";
            case 4: {
                Dom dom = scalarOf(e);
                if (dom == null) {
                    return literal(t);
                }
                String k = bind(dom);
                String p = expr(Ty.BOOL, d);
                pop();
                return "{" + k + " \\in " + dom.tla() + " : " + p + "}";
            }
            case 5: {
                Dom dom = r.pick(scalars);
                String k = bind(dom);
                String body = expr(e, d);
                pop();
                return "{" + body + " : " + k + " \\in " + dom.tla() + "}";
            }
            case 6: {
                Dom dom = scalarOf(e);
                if (dom == null) {
                    return literal(t);
                }
                return "(DOMAIN " + expr(new Ty.FunT(dom, someScalarTy()), d) + ")";
            }
            case 7: return "(UNION {" + expr(t, d) + ", " + expr(t, d) + "})";
            case 8: {
                Dom dom = scalarOf(e);
                if (dom == null || dom.card() > 4 || (e instanceof Ty.StrT && !profile.chooseString())) {
                    return literal(t);
                }
                return chooseStructured(Dom.subsets(dom), t, d);
            }
            default: {
                if (e.kind() == Ty.Kind.SET) {
                    Ty.SetT inner = (Ty.SetT) e;
                    Dom dom = scalarOf(inner.elem());
                    if (dom != null && dom.card() <= 3) {
                        return "(SUBSET (" + dom.tla() + "))";
                    }
                }
                return literal(t);
            }
        }
    }

    private String recExpr(Ty.RecT t, int depth) {
        int d = depth - 1;
        if (r.percent(15)) {
            List<Dom> fieldDoms = new ArrayList<>();
            for (Ty ft : t.types()) {
                Dom fd = scalarOf(ft);
                if (fd == null || (ft instanceof Ty.StrT && !profile.chooseString())) {
                    fieldDoms = null;
                    break;
                }
                fieldDoms.add(fd);
            }
            if (fieldDoms != null) {
                return chooseStructured(Dom.records(t.fields(), fieldDoms), t, d);
            }
        }
        if (r.percent(50)) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < t.fields().size(); i++) {
                parts.add(t.fields().get(i) + " |-> " + expr(t.types().get(i), d));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        int i = r.below(t.fields().size());
        return "[" + expr(t, d) + " EXCEPT !." + t.fields().get(i) + " = " + update(t.types().get(i), d) + "]";
    }

    /** The new value in an EXCEPT: often computed from the old one through {@code @}. */
    String update(Ty t, int depth) {
        if (r.percent(50)) {
            return expr(t, depth);
        }
        return switch (t.kind()) {
            case INT -> "@ " + (r.percent(50) ? "+ " : "- ") + r.between(1, 2);
            case BOOL -> "~@";
            case SEQ -> r.percent(50) ? "Append(@, " + expr(((Ty.SeqT) t).elem(), depth) + ")" : "(IF @ = <<>> THEN @ ELSE Tail(@))";
            case SET -> "@ \\cup {" + expr(((Ty.SetT) t).elem(), depth) + "}";
            case FUN -> {
                // the old function rebuilt over its domain (a restriction of @, compiled as a walk of its keys)
                String j = freshName();
                yield r.percent(50) ? "[" + j + " \\in DOMAIN @ |-> @[" + j + "]]" : replaced(t, depth);
            }
            default -> replaced(t, depth);
        };
    }

    /** {@code @} replaced by a value when it equals another, of any type. */
    private String replaced(Ty t, int depth) {
        return "(IF @ = " + expr(t, depth) + " THEN " + expr(t, depth) + " ELSE @)";
    }

    private String funExpr(Ty.FunT t, int depth) {
        int d = depth - 1;
        Dom range = scalarOf(t.range());
        if (range != null && r.percent(15) && Math.pow(range.card(), t.domain().card()) <= 64
            && !(t.range() instanceof Ty.StrT && !profile.chooseString())) {
            return chooseStructured(Dom.functions(t.domain(), range), t, d);
        }
        switch (r.below(4)) {
            case 0: {
                String k = bind(t.domain());
                String body = expr(t.range(), d);
                pop();
                return "[" + k + " \\in " + t.domain().tla() + " |-> " + body + "]";
            }
            case 1: {
                List<String> parts = new ArrayList<>();
                for (String e : t.domain().elems()) {
                    parts.add("(" + e + " :> " + expr(t.range(), d) + ")");
                }
                return "(" + String.join(" @@ ", parts) + ")";
            }
            case 3:
                return restriction(t, d);
            default:
                return "[" + expr(t, d) + " EXCEPT ![" + member(t.domain()) + "] = " + update(t.range(), d) + "]";
        }
    }

    /**
     * A function rebuilt from a restriction of another, {@code [x \in S |-> f[x]]} with {@code S}
     * the domain of {@code f} or that domain less one key (the code generator compiles both to a walk
     * of {@code f}'s domain when {@code f} is a name); the dropped key is put back with a value of its
     * own, so the type stays a total function on its domain. {@code f} is a variable or bound name of
     * the type when one is in scope, as in the specs that use the idiom.
     */
    private String restriction(Ty.FunT t, int d) {
        List<String> names = reads(t);
        String f = !names.isEmpty() && r.percent(70) ? r.pick(names) : "(" + expr(t, d) + ")";
        String j = freshName();
        if (r.percent(30)) {
            return "[" + j + " \\in DOMAIN " + f + " |-> " + f + "[" + j + "]]";
        }
        String g = freshName();
        String dropped = member(t.domain());
        String k = bind(t.domain());
        String other = expr(t.range(), d);
        pop();
        return "(LET " + g + " == [" + j + " \\in DOMAIN " + f + " \\ {" + dropped + "} |-> " + f + "[" + j + "]] IN ["
            + k + " \\in " + t.domain().tla() + " |-> IF " + k + " \\in DOMAIN " + g + " THEN " + g + "[" + k + "] ELSE "
            + other + "])";
    }

    private String seqExpr(Ty.SeqT t, int depth) {
        int d = depth - 1;
        switch (r.below(7)) {
            case 0: return "<<" + expr(t.elem(), d) + ", " + expr(t.elem(), d) + ">>";
            case 1: return "Append(" + expr(t, d) + ", " + expr(t.elem(), d) + ")";
            case 2: {
                String s = expr(t, d);
                return "(IF " + s + " = <<>> THEN <<>> ELSE Tail(" + s + "))";
            }
            case 3: {
                String s = expr(t, d);
                int n = r.between(0, 2);
                return "SubSeq(" + s + ", 1, IF Len(" + s + ") < " + n + " THEN Len(" + s + ") ELSE " + n + ")";
            }
            case 4: return "(" + expr(t, d) + " \\o " + expr(t, d) + ")";
            case 5: {
                String k = freshName();
                Ty e = t.elem();
                Dom dom = scalarOf(e);
                String p = dom == null ? "TRUE" : "(" + k + " # " + r.pick(dom.elems()) + ")";
                return "SelectSeq(" + expr(t, d) + ", LAMBDA " + k + " : " + p + ")";
            }
            default: return "<<" + expr(t.elem(), d) + ">>";
        }
    }
}
