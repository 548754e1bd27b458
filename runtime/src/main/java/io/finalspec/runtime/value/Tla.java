package io.finalspec.runtime.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The one facade generated code calls: constructors and every TLA+ operator the code generator
 * emits, with TLC's semantics and TLC-like error messages ({@link TlaEvalException}). See
 * runtime/API.md for the list grouped by module.
 *
 * <p>Sets iterate in TLC's normalized order ({@link #elements}), which makes {@code CHOOSE}
 * deterministic the way TLC's is (the first element of the normalized set that satisfies the
 * predicate) and lets {@code \E} branch in the same order.
 */
public final class Tla {
    public static final BoolValue TRUE = BoolValue.TRUE;
    public static final BoolValue FALSE = BoolValue.FALSE;
    /** {@code {}}. */
    public static final SetValue EMPTY_SET = EnumSetValue.EMPTY;
    /** {@code <<>>}, which is also the empty function. */
    public static final TupleValue EMPTY_SEQ = TupleValue.EMPTY;
    /** {@code BOOLEAN}. */
    public static final SetValue BOOLEAN = EnumSetValue.of(BoolValue.FALSE, BoolValue.TRUE);
    /** {@code Nat}. */
    public static final SetValue NAT = InfiniteSetValue.NAT;
    /** {@code Int}. */
    public static final SetValue INT = InfiniteSetValue.INT;
    /** {@code STRING}. */
    public static final SetValue STRING = InfiniteSetValue.STRING;

    private Tla() {
    }

    // ------------------------------------------------------------------ names and constructors

    public static BoolValue bool(boolean b) {
        return BoolValue.of(b);
    }

    public static IntValue integer(int i) {
        return IntValue.of(i);
    }

    /** {@code {a, b, ...}}, normalized. */
    public static SetValue set(Value... elems) {
        return EnumSetValue.of(nonNull(elems));
    }

    public static SetValue setOf(Collection<? extends Value> elems) {
        return EnumSetValue.of(nonNull(elems.toArray(new Value[0])));
    }

    /** {@code a..b}. */
    public static SetValue interval(Value a, Value b) {
        return interval(asInt(a), asInt(b));
    }

    public static SetValue interval(int a, int b) {
        return new IntervalValue(a, b);
    }

    /** {@code <<a, b, ...>>}. */
    public static TupleValue tuple(Value... elems) {
        return elems.length == 0 ? TupleValue.EMPTY : new TupleValue(ValueArrays.copy(nonNull(elems)));
    }

    public static TupleValue seqOf(List<? extends Value> elems) {
        return tuple(elems.toArray(new Value[0]));
    }

    /** {@code [x \in domain |-> body(x)]}, evaluated eagerly in TLC's domain order. */
    public static FcnValue fcn(Value domain, Function<Value, Value> body) {
        SetValue d = asSet(domain);
        d.requireFinite("build a function over");
        if (d instanceof IntervalValue iv) {
            int n = iv.size();
            Value[] vals = new Value[n];
            for (int i = 0; i < n; i++) {
                vals[i] = nonNull(body.apply(IntValue.of(iv.lo + i)));
            }
            return n == 0 ? TupleValue.EMPTY : iv.lo == 1 ? new TupleValue(vals) : new IntFcnValue(iv.lo, vals);
        }
        Value[] keys = d.toEnum().elems;
        Value[] vals = new Value[keys.length];
        for (int i = 0; i < keys.length; i++) {
            vals[i] = nonNull(body.apply(keys[i]));
        }
        return Fcns.make(keys, vals);
    }

    /**
     * {@code [x \in domain |-> f[x]]}: {@link #fcn} with the body {@code f[x]}, for an {@code f} whose
     * evaluation cannot fail (the code generator passes a variable, a constant, a bound name or
     * {@code @}), without a body object. Each element of the domain is applied to {@code f} in the
     * domain's order, so an element outside {@code DOMAIN f} fails as {@link #apply} fails; keys that
     * are the objects of {@code f}'s own domain ({@code DOMAIN f \ {k}}, say) are found by walking
     * that domain instead of searching it.
     */
    public static FcnValue restrict(Value f, Value domain) {
        SetValue d = asSet(domain);
        d.requireFinite("build a function over");
        if (d instanceof IntervalValue) {
            return fcn(d, x -> apply(f, x));
        }
        Value[] keys = d.toEnum().elems;
        Value[] vals = new Value[keys.length];
        FcnValue fn = keys.length == 0 ? null : asFcn(f);
        int next = 0; // where the walk through fn's domain goes on
        for (int i = 0; i < keys.length; i++) {
            int at = next < fn.size() && fn.keyAt(next) == keys[i] ? next
                    : next + 1 < fn.size() && fn.keyAt(next + 1) == keys[i] ? next + 1
                    : fn.indexOf(keys[i]);
            if (at < 0) {
                apply(fn, keys[i]); // fails, as the constructor's body would
            }
            vals[i] = fn.valueAt(at);
            next = at + 1;
        }
        return Fcns.make(keys, vals);
    }

    /** The function mapping {@code keys[i]} to {@code vals[i]} (any order; duplicate keys are an error). */
    public static FcnValue fromPairs(Value[] keys, Value[] vals) {
        nonNull(vals);
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> ValueOrder.compare(keys[x], keys[y]));
        Value[] k = new Value[keys.length];
        Value[] v = new Value[keys.length];
        for (int i = 0; i < idx.length; i++) {
            k[i] = keys[idx[i]];
            v[i] = vals[idx[i]];
            if (i > 0 && ValueOrder.compare(k[i - 1], k[i]) == 0) {
                throw new TlaEvalException("Duplicate domain element " + k[i] + " in a function or record.");
            }
        }
        return Fcns.make(k, v);
    }

    // ------------------------------------------------------------------ functions and records

    /** {@code f[arg]}. */
    public static Value apply(Value f, Value arg) {
        FcnValue fn = asFcn(f);
        Value v = fn.get(arg);
        if (v == null) {
            if (fn instanceof TupleValue) {
                throw new TlaEvalException("Attempted to apply tuple\n" + f + "\nto " + describe(arg) + " which is out of domain.");
            }
            throw new TlaEvalException("Attempted to apply function:\n" + f + "\nto argument " + arg
                    + ", which is not in the domain of the function.");
        }
        return v;
    }

    /** {@code f[a, b]}, that is {@code f[<<a, b>>]}. */
    public static Value apply(Value f, Value a, Value b) {
        return apply(f, tuple(a, b));
    }

    /** {@code f[a, b, c, ...]}. */
    public static Value applyN(Value f, Value... args) {
        return apply(f, tuple(args));
    }

    /**
     * {@code [f EXCEPT ![p1][p2]... = newVal]}. As in TLC, a path element outside the domain leaves
     * the function unchanged.
     */
    public static Value except(Value f, Value[] path, Value newVal) {
        nonNull(newVal);
        return exceptAt(f, path, 0, null, newVal);
    }

    /** {@code [f EXCEPT ![key] = newVal]}: {@link #except(Value, Value[], Value)} with a path of one key. */
    public static Value except(Value f, Value key, Value newVal) {
        nonNull(newVal);
        FcnValue fn = asFcn(f);
        int i = fn.indexOf(key);
        if (i < 0) {
            return fn;
        }
        return fn.valueAt(i) == newVal ? fn : fn.replaced(i, newVal);
    }

    /** {@code [f EXCEPT ![p1]... = e(@)]}: {@code body} receives the old value ({@code @}). */
    public static Value exceptWith(Value f, Value[] path, UnaryOperator<Value> body) {
        return exceptAt(f, path, 0, body, null);
    }

    /**
     * {@code fn} with the value at position {@code i} (in its domain's canonical order) replaced by
     * {@code newVal}, or {@code fn} itself when that is the value already there: one step of an
     * EXCEPT that generated code runs itself, having found {@code i} with {@link FcnValue#indexOf}.
     */
    public static FcnValue replaceAt(FcnValue fn, int i, Value newVal) {
        nonNull(newVal);
        return fn.valueAt(i) == newVal ? fn : fn.replaced(i, newVal);
    }

    /** One level of an EXCEPT path: the new value is {@code body(@)}, or {@code newVal} when there is no body. */
    private static Value exceptAt(Value f, Value[] path, int depth, UnaryOperator<Value> body, Value newVal) {
        FcnValue fn = asFcn(f);
        int i = fn.indexOf(path[depth]);
        if (i < 0) {
            return fn;
        }
        Value old = fn.valueAt(i);
        Value nv = depth < path.length - 1 ? exceptAt(old, path, depth + 1, body, newVal)
                : body != null ? nonNull(body.apply(old)) : newVal;
        return nv == old ? fn : fn.replaced(i, nv);
    }

    /** {@code DOMAIN f}. */
    public static SetValue domain(Value f) {
        return asFcn(f).domain();
    }

    /** {@code r.field}. */
    /** {@code r.field} with the field name a string of the machine's table (a hoisted constant). */
    public static Value dot(Value r, Value field) {
        FcnValue fn = asFcn(r);
        Value v = fn instanceof RecordValue rv ? valueOrNull(rv, rv.indexOf(field)) : stringKeyed(fn, ((StrValue) field).value());
        if (v == null) {
            throw new TlaEvalException("Attempted to select nonexistent field \"" + ((StrValue) field).value() + "\" from the record\n" + r);
        }
        return v;
    }

    public static Value dot(Value r, String field) {
        FcnValue fn = asFcn(r);
        Value v = fn instanceof RecordValue rv ? valueOrNull(rv, rv.indexOf(field)) : stringKeyed(fn, field);
        if (v == null) {
            throw new TlaEvalException("Attempted to select nonexistent field \"" + field + "\" from the record\n" + r);
        }
        return v;
    }

    /** {@code f["field"]} for a function that is not a record: only a string key can match. */
    private static Value stringKeyed(FcnValue fn, String field) {
        for (int i = 0; i < fn.size(); i++) {
            if (fn.keyAt(i) instanceof StrValue s && s.value().equals(field)) {
                return fn.valueAt(i);
            }
        }
        return null;
    }

    private static Value valueOrNull(RecordValue r, int i) {
        return i < 0 ? null : r.values[i];
    }

    /** The set of values of {@code f} ({@code Range} of the Functions module). */
    public static SetValue range(Value f) {
        FcnValue fn = asFcn(f);
        Value[] vals = new Value[fn.size()];
        for (int i = 0; i < vals.length; i++) {
            vals[i] = fn.valueAt(i);
        }
        return EnumSetValue.of(vals);
    }

    /** TLC's {@code a :> b}. */
    public static FcnValue colonGt(Value a, Value b) {
        return Fcns.make(new Value[] {nonNull(a)}, new Value[] {nonNull(b)});
    }

    /** TLC's {@code f @@ g}: f where defined, g elsewhere (a merge of the two sorted domains). */
    public static FcnValue atAt(Value f, Value g) {
        FcnValue a = asFcn(f);
        FcnValue b = asFcn(g);
        int na = a.size();
        int nb = b.size();
        Value[] keys = new Value[na + nb];
        Value[] vals = new Value[na + nb];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < na || j < nb) {
            int c = i >= na ? 1 : j >= nb ? -1 : ValueOrder.compare(a.keyAt(i), b.keyAt(j));
            if (c <= 0) {
                keys[n] = a.keyAt(i);
                vals[n++] = a.valueAt(i++);
                if (c == 0) {
                    j++;
                }
            } else {
                keys[n] = b.keyAt(j);
                vals[n++] = b.valueAt(j++);
            }
        }
        return n == keys.length ? Fcns.make(keys, vals) : Fcns.make(ValueArrays.copyOf(keys, n), ValueArrays.copyOf(vals, n));
    }

    // ------------------------------------------------------------------ sets

    /** {@code v \in s}. */
    public static boolean in(Value v, Value s) {
        if (s instanceof SetValue set) {
            return set.contains(v);
        }
        // the message prints v: built only when it is needed (it once cost a fifth of Paxos' search)
        throw new TlaEvalException("Attempted to check if the value:\n" + v + "\nis an element of the non-set:\n" + s);
    }

    /**
     * {@code v \in {x \in s : p(x)}} without building the set: as TLC's {@code SetPredValue.member},
     * {@code v \in s} and then {@code p(v)}, so p is evaluated on v alone.
     */
    public static boolean inFilter(Value v, Value s, Predicate<Value> p) {
        return in(v, s) && p.test(v);
    }

    /** {@code v \notin s}. */
    public static boolean notin(Value v, Value s) {
        return !in(v, s);
    }

    /** {@code a \subseteq b}. */
    public static boolean subseteq(Value a, Value b) {
        return ValueOps.subseteq(asSet(a), asSet(b));
    }

    /** {@code a \cup b}. */
    public static SetValue union(Value a, Value b) {
        return ValueOps.union(asSet(a), asSet(b));
    }

    /** {@code a \cap b}. */
    public static SetValue intersect(Value a, Value b) {
        SetValue x = asSet(a);
        SetValue y = asSet(b);
        if (!x.isFinite() && y.isFinite()) {
            SetValue t = x;
            x = y;
            y = t;
        }
        if (x instanceof IntervalValue ix && y instanceof IntervalValue iy) {
            return new IntervalValue(Math.max(ix.lo, iy.lo), Math.min(ix.hi, iy.hi));
        }
        if (x instanceof EnumSetValue e && e.size() == 0) {
            return e; // common in guards such as reads \cap freed # {}: nothing to filter
        }
        if (!x.isFinite()) {
            return new CombinedSetValue(CombinedSetValue.Op.INTERSECT, x, y);
        }
        return ValueOps.selectMembers(x, y, true);
    }

    /**
     * {@code a \cap b = {}} without building the intersection. For two finite sets every element
     * of the first is tested for membership in the second, as {@link #intersect} tests them (so a
     * value the second set cannot compare fails here as there), and the answer is whether none is in.
     */
    public static boolean disjoint(Value a, Value b) {
        SetValue x = asSet(a);
        SetValue y = asSet(b);
        if (!x.isFinite() || !y.isFinite() || x instanceof IntervalValue && y instanceof IntervalValue) {
            return eq(intersect(x, y), EnumSetValue.EMPTY);
        }
        boolean none = true;
        for (Value v : x) {
            if (y.contains(v)) {
                none = false;
            }
        }
        return none;
    }

    /** {@code a \ b}. */
    public static SetValue minus(Value a, Value b) {
        SetValue x = asSet(a);
        SetValue y = asSet(b);
        if (!x.isFinite()) {
            return new CombinedSetValue(CombinedSetValue.Op.MINUS, x, y);
        }
        return ValueOps.selectMembers(x, y, false);
    }

    /** {@code SUBSET s}, lazy. */
    public static SetValue subsetOf(Value s) {
        return new SubsetValue(asSet(s));
    }

    /** {@code UNION s}. */
    public static SetValue bigUnion(Value s) {
        SetValue acc = EnumSetValue.EMPTY;
        for (Value e : elements(s)) {
            acc = ValueOps.union(acc, asSet(e));
        }
        return acc;
    }

    /** {@code [s -> t]}, lazy. */
    public static SetValue funSet(Value s, Value t) {
        return new FunSetValue(asSet(s), asSet(t));
    }

    /** {@code [n1 : S1, ...]} with its field names made by a table ({@link NameTable#recordSet}), lazy. */
    static SetValue recordSet(StrValue[] keys, Value[] sets) {
        Integer[] idx = new Integer[keys.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> ValueOrder.compare(keys[x], keys[y]));
        StrValue[] n = new StrValue[idx.length];
        SetValue[] s = new SetValue[idx.length];
        for (int i = 0; i < idx.length; i++) {
            n[i] = keys[idx[i]];
            s[i] = asSet(sets[idx[i]]);
        }
        return new RecordSetValue(n, s);
    }

    /** {@code s1 \X s2 \X ...}, lazy. */
    public static SetValue product(Value... sets) {
        SetValue[] s = new SetValue[sets.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = asSet(sets[i]);
        }
        return new ProductSetValue(s);
    }

    /** {@code Seq(s)}: infinite, membership only. */
    public static SetValue seqSet(Value s) {
        return new InfiniteSetValue(InfiniteSetValue.Which.SEQ, asSet(s));
    }

    /** {@code v \in Seq(s)} without building the set. */
    public static boolean seqSetContains(Value s, Value v) {
        return seqSet(s).contains(v);
    }

    /** {@code Cardinality(s)}. */
    public static IntValue cardinality(Value s) {
        SetValue set = asSet(s);
        if (!set.isFinite()) {
            throw new TlaEvalException("Attempted to compute cardinality of the value\n" + set);
        }
        return IntValue.of(set.size());
    }

    /** {@code IsFiniteSet(s)}. */
    public static boolean isFiniteSet(Value s) {
        return asSet(s).isFinite();
    }

    /** The elements of a finite set in TLC's normalized order (for {@code \E}, {@code \A}, comprehensions). */
    public static Iterable<Value> elements(Value s) {
        SetValue set = asSet(s);
        set.requireFinite("enumerate");
        return set;
    }

    /**
     * The elements of a finite set in TLC's normalized order as an array, for a loop that visits
     * them out of order (an action's {@code \A}, whose instances TLC tests first, then last to
     * second). It is the set's own array, computed once for a lazy set such as {@code 0..N-1}, so a
     * constant domain costs nothing per evaluation: read it, never write to it.
     */
    public static Value[] elementArray(Value s) {
        return asSet(s).toEnum().elems;
    }

    /** {@code CHOOSE x \in s : p(x)}: the first element in TLC's order that satisfies {@code p}. */
    public static Value choose(Value s, Predicate<Value> p) {
        for (Value v : elements(s)) {
            if (p.test(v)) {
                return v;
            }
        }
        throw chooseFailed(s);
    }

    /**
     * TLC's error when no element of {@code s} satisfies a CHOOSE: for generated code that runs the
     * search itself, as a loop ({@code throw Tla.chooseFailed(s)}).
     */
    public static TlaEvalException chooseFailed(Value s) {
        return new TlaEvalException("Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.\nS = " + s);
    }

    /** {@code CHOOSE x \in s : TRUE}. */
    public static Value choose(Value s) {
        return choose(s, v -> true);
    }

    /** {@code \E x \in s : p(x)}. */
    public static boolean exists(Value s, Predicate<Value> p) {
        if (s instanceof EnumSetValue e) {
            // the common case (message sets, enumerated constants): the array itself, no iterator
            for (Value v : e.elems) {
                if (p.test(v)) {
                    return true;
                }
            }
            return false;
        }
        for (Value v : elements(s)) {
            if (p.test(v)) {
                return true;
            }
        }
        return false;
    }

    /** {@code \A x \in s : p(x)}. */
    public static boolean forall(Value s, Predicate<Value> p) {
        if (s instanceof EnumSetValue e) {
            for (Value v : e.elems) {
                if (!p.test(v)) {
                    return false;
                }
            }
            return true;
        }
        for (Value v : elements(s)) {
            if (!p.test(v)) {
                return false;
            }
        }
        return true;
    }

    /** {@code {x \in s : p(x)}}. */
    public static SetValue filter(Value s, Predicate<Value> p) {
        return ValueOps.filter(asSet(s), p);
    }

    /** {@code {e(x) : x \in s}}. */
    public static SetValue map(Value s, Function<Value, Value> e) {
        return EnumSetValue.of(images(s, e));
    }

    /**
     * {@code UNION {e(x) : x \in s}}: every e(x) evaluated in s's order, as {@link #map} does, then
     * their elements merged in that order, without building and sorting the set of the e(x) (a set
     * of sets, whose comparisons are most of the work). The parts must be sets, as for
     * {@link #bigUnion}, which takes a part that is not finite.
     */
    public static SetValue unionOfMap(Value s, Function<Value, Value> e) {
        Value[] parts = images(s, e);
        for (Value part : parts) {
            if (!(asSet(part) instanceof EnumSetValue)) {
                return bigUnion(EnumSetValue.of(parts));
            }
        }
        SetValue acc = EnumSetValue.EMPTY;
        for (Value part : parts) {
            acc = ValueOps.union(acc, (SetValue) part);
        }
        return acc;
    }

    /** The values of {@code e} on the elements of {@code s}, in s's order (not normalized). */
    private static Value[] images(Value s, Function<Value, Value> e) {
        if (s instanceof EnumSetValue set) {
            Value[] out = new Value[set.elems.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = nonNull(e.apply(set.elems[i]));
            }
            return out;
        }
        ArrayList<Value> out = new ArrayList<>();
        for (Value v : elements(s)) {
            out.add(nonNull(e.apply(v)));
        }
        return out.toArray(new Value[0]);
    }

    /** TLC's {@code Permutations(s)}: the set of bijections from {@code s} to itself. */
    public static SetValue permutations(Value s) {
        Value[] elems = asSet(s).toEnum().elems;
        ArrayList<Value> out = new ArrayList<>();
        permute(elems, elems.clone(), 0, out);
        return EnumSetValue.of(out.toArray(new Value[0]));
    }

    private static void permute(Value[] keys, Value[] a, int k, List<Value> out) {
        if (k >= a.length - 1) {
            out.add(Fcns.make(keys, a.clone()));
            return;
        }
        for (int i = k; i < a.length; i++) {
            Value t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(keys, a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }

    // ------------------------------------------------------------------ integers (IntOps)

    /** {@code a + b} on 32-bit integers; overflow is an error, as in TLC. */
    public static IntValue add(Value a, Value b) {
        return IntOps.add(a, b);
    }

    /** {@code a - b} on 32-bit integers; overflow is an error, as in TLC. */
    public static IntValue sub(Value a, Value b) {
        return IntOps.sub(a, b);
    }

    /** {@code a * b} on 32-bit integers; overflow is an error, as in TLC. */
    public static IntValue mul(Value a, Value b) {
        return IntOps.mul(a, b);
    }

    /** {@code a \div b}: floor division, as TLC. */
    public static IntValue div(Value a, Value b) {
        return IntOps.div(a, b);
    }

    /** {@code a % b}: requires {@code b > 0}; the result is in {@code 0..b-1}. */
    public static IntValue mod(Value a, Value b) {
        return IntOps.mod(a, b);
    }

    /** {@code a ^ b}. */
    public static IntValue pow(Value a, Value b) {
        return IntOps.pow(a, b);
    }

    /** Unary {@code -a}. */
    public static IntValue neg(Value a) {
        return IntOps.neg(a);
    }

    /** {@code a < b} on integers. */
    public static boolean lt(Value a, Value b) {
        return IntOps.lt(a, b);
    }

    /** {@code a <= b} on integers. */
    public static boolean le(Value a, Value b) {
        return IntOps.le(a, b);
    }

    /** {@code a > b} on integers. */
    public static boolean gt(Value a, Value b) {
        return IntOps.gt(a, b);
    }

    /** {@code a >= b} on integers. */
    public static boolean ge(Value a, Value b) {
        return IntOps.ge(a, b);
    }

    // ------------------------------------------------------------------ equality

    /** {@code a = b} with TLC's errors for values of different kinds (model values excepted). */
    public static boolean eq(Value a, Value b) {
        return ValueOrder.strictEqual(nonNull(a), nonNull(b));
    }

    /** {@code a # b}. */
    public static boolean neq(Value a, Value b) {
        return !eq(a, b);
    }

    // ------------------------------------------------------------------ sequences (SeqOps)

    /** The elements of a sequence (shared array: do not modify); {@code op} names the operator for errors. */
    public static Value[] asSeq(Value s, String op) {
        return SeqOps.asSeq(s, op);
    }

    /** {@code Len(s)}; a string is a sequence of characters, as in TLC. */
    public static IntValue len(Value s) {
        return SeqOps.len(s);
    }

    public static TupleValue append(Value s, Value e) {
        return SeqOps.append(s, e);
    }

    public static Value head(Value s) {
        return SeqOps.head(s);
    }

    public static TupleValue tail(Value s) {
        return SeqOps.tail(s);
    }

    /** {@code SubSeq(s, m, n)}: {@code <<>>} when {@code m > n}, else {@code 1 <= m <= n <= Len(s)}. */
    public static TupleValue subSeq(Value s, Value m, Value n) {
        return SeqOps.subSeq(s, m, n);
    }

    /** {@code s \o t}: sequences, or two strings (as TLC). */
    public static Value concat(Value s, Value t) {
        return SeqOps.concat(s, t);
    }

    /** {@code SelectSeq(s, test)}. */
    public static TupleValue selectSeq(Value s, Predicate<Value> test) {
        return SeqOps.selectSeq(s, test);
    }

    /**
     * TLC's {@code SortSeq(s, Op)}: Java's object sort with the comparator {@code Op(a, b) ? -1 : 1},
     * as TLC does, so ties come out as in TLC (kept in order for a strict {@code <}, reversed for
     * {@code <=}; checked against TLC 2.18).
     */
    public static TupleValue sortSeq(Value s, BiPredicate<Value, Value> lessThan) {
        return SeqOps.sortSeq(s, lessThan);
    }

    // ------------------------------------------------------------------ TLC module

    /** TLC's {@code Print(out, val)}: prints {@code out}, returns {@code val}. */
    public static Value print(Value outVal, Value val) {
        System.out.println(outVal); // TLC prints to standard output too
        return val;
    }

    /** TLC's {@code PrintT(out)}: prints, returns TRUE. */
    public static BoolValue printT(Value outVal) {
        System.out.println(outVal);
        return TRUE;
    }

    /** TLC's {@code Assert(cond, msg)}. */
    public static BoolValue assertTrue(boolean cond, Value msg) {
        if (!cond) {
            throw new TlaEvalException("The first argument of Assert evaluated to FALSE; the second argument was:\n" + msg);
        }
        return TRUE;
    }

    // ------------------------------------------------------------------ checks

    public static boolean asBool(Value v) {
        if (v instanceof BoolValue b) {
            return b.value();
        }
        throw new TlaEvalException("A non-boolean expression (" + kindOf(v) + " " + v + ") was used where a boolean was expected.");
    }

    public static int asInt(Value v) {
        if (v instanceof IntValue i) {
            return i.value();
        }
        throw new TlaEvalException("A non-integer value (" + kindOf(v) + " " + v + ") was used where an integer was expected.");
    }

    public static String asString(Value v) {
        if (v instanceof StrValue s) {
            return s.value();
        }
        throw new TlaEvalException("A non-string value (" + kindOf(v) + " " + v + ") was used where a string was expected.");
    }

    public static SetValue asSet(Value v) {
        return asSet(v, "A non-set value was used where a set was expected:\n");
    }

    private static SetValue asSet(Value v, String message) {
        if (v instanceof SetValue s) {
            return s;
        }
        throw new TlaEvalException(message + v);
    }

    public static FcnValue asFcn(Value v) {
        if (v instanceof FcnValue f) {
            return f;
        }
        throw new TlaEvalException("A non-function value was used where a function was expected:\n" + v);
    }

    /** TLC's "integer 3", "string \"a\"" wording. */
    private static String describe(Value v) {
        return v.kind().description() + " " + v;
    }

    private static String kindOf(Value v) {
        return v == null ? "null" : v.kind().description();
    }

    private static Value nonNull(Value v) {
        if (v == null) {
            throw new TlaEvalException("null is not a TLA+ value (an unassigned variable or a bug in generated code)");
        }
        return v;
    }

    static Value[] nonNull(Value[] vs) {
        for (Value v : vs) {
            nonNull(v);
        }
        return vs;
    }
}
