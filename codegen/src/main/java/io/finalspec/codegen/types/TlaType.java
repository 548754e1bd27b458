package io.finalspec.codegen.types;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The type the type pass infers for a variable, a constant or a subexpression: a set of values
 * that provably contains every value the expression can have. {@link Generic} (any value) is
 * always sound; every other type is narrower and is only inferred when the rules of
 * {@link TypeInference} prove it. {@link Bottom} is "no value yet" (the start of the fixpoint).
 *
 * <p>Finite types refer to <em>constant sets</em>: IR expressions that depend only on the model's
 * constants ({@link Closed}), evaluated once when the machine is built. {@code Enum} with sets
 * {@code {"idle", "busy"}} and {@code Proc} is the union of those sets, whatever its elements are.
 */
public sealed interface TlaType {

  /** No value: an expression not reached yet (the empty set's elements, a variable before the fixpoint). */
  record Bottom() implements TlaType {}

  /** Any value. */
  record Generic() implements TlaType {}

  /** {@code TRUE} or {@code FALSE}. */
  record Bool() implements TlaType {}

  /**
   * An integer; {@code within} empty: any (TLC's integers are 32-bit), else one of the elements of
   * these constant sets of integers ({@code 0..N}, {@code {0}}).
   */
  record Int(List<Closed> within) implements TlaType {
    public Int {
      within = List.copyOf(within);
    }

    public boolean bounded() {
      return !within.isEmpty();
    }
  }

  /**
   * One of the elements of these constant sets (strings and model values, or values of unknown
   * shape: the codec numbers them whatever they are).
   */
  record Enum(List<Closed> within) implements TlaType {
    public Enum {
      within = List.copyOf(within);
    }
  }

  /** A record with exactly these fields (in source order of first appearance). */
  record Record(Map<String, TlaType> fields) implements TlaType {
    public Record {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
  }

  /** A function whose domain is exactly the constant set {@code domain}, with values of type {@code range}. */
  record Fcn(Closed domain, TlaType range) implements TlaType {}

  /**
   * A function whose domain is some subset of the constant set {@code keys}, with values of type
   * {@code range}: a partial function grown with {@code k :> v} and {@code @@}, or built as
   * {@code [x \in S |-> e]} over a set S of keys that changes from state to state. The empty
   * function ({@code <<>>}) is one of them. The keys are the union of the constant sets
   * {@code keys} ({@code f @@ g} of functions over different keys has the keys of both).
   */
  record PartialFcn(List<Closed> keys, TlaType range) implements TlaType {
    public PartialFcn {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("a partial function type needs a set of keys");
      }
    }
  }

  /** A finite set of values of type {@code element}. */
  record Set(TlaType element) implements TlaType {}

  /**
   * A sequence (a function on {@code 1..n}) of values of type {@code element}, of length at most
   * {@code maxLength} ({@code -1}: any length). Tuple literals have their length; Append and
   * {@code \o} lose the bound (a queue can grow).
   */
  record Seq(TlaType element, int maxLength) implements TlaType {
    public boolean bounded() {
      return maxLength >= 0;
    }
  }

  /**
   * A tuple of exactly {@code components.size()} (at least one) values, the i-th of type
   * {@code components.get(i)}: {@code <<p, 1>>} and the elements of {@code S \X T}. A sequence of
   * that length, so it joins with sequences as one; with an enumeration it joins as the constant
   * set of all such tuples ({@link #asConstantSet}) when its components are finite.
   */
  record Tuple(List<TlaType> components) implements TlaType {
    public Tuple {
      components = List.copyOf(components);
      if (components.isEmpty()) {
        throw new IllegalArgumentException("the empty tuple is a sequence of length 0");
      }
    }

    /** The join of the components: the type of an element at an index not known statically. */
    public TlaType anyComponent() {
      TlaType t = BOTTOM;
      for (TlaType c : components) {
        t = join(t, c);
      }
      return t;
    }
  }

  TlaType BOTTOM = new Bottom();
  TlaType GENERIC = new Generic();
  TlaType BOOL = new Bool();
  TlaType INT = new Int(List.of());

  /**
   * A constant-level IR expression and its structural key (spans and binder ids left out), so that
   * the same set written twice is one set of a type and fixpoints terminate.
   */
  record Closed(IrExpr expr, String key) {
    public static Closed of(IrExpr e) {
      return new Closed(e, IrKey.of(e));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Closed c && c.key.equals(key);
    }

    @Override
    public int hashCode() {
      return key.hashCode();
    }

    @Override
    public String toString() {
      return key;
    }
  }

  /**
   * The least type containing the values of both: equal shapes join part by part; anything else is
   * {@link Generic}. Commutative, associative, and it only grows, so fixpoints terminate.
   */
  static TlaType join(TlaType a, TlaType b) {
    if (a instanceof Bottom || a.equals(b)) {
      return b;
    }
    if (b instanceof Bottom) {
      return a;
    }
    if (a instanceof Generic || b instanceof Generic) {
      return GENERIC;
    }
    if (b instanceof Enum && !(a instanceof Enum)) {
      return join(b, a); // an enumeration absorbs finite values of other shapes (below)
    }
    if (a instanceof Enum x && !(b instanceof Enum)) {
      IrExpr set = asConstantSet(b);
      return set == null ? GENERIC : new Enum(union(x.within(), List.of(Closed.of(set))));
    }
    if (a instanceof Int x && b instanceof Int y) {
      return x.bounded() && y.bounded() ? new Int(union(x.within(), y.within())) : INT;
    }
    if (a instanceof Enum x && b instanceof Enum y) {
      return new Enum(union(x.within(), y.within()));
    }
    if (a instanceof Record x && b instanceof Record y && x.fields().keySet().equals(y.fields().keySet())) {
      Map<String, TlaType> f = new LinkedHashMap<>();
      for (Map.Entry<String, TlaType> e : x.fields().entrySet()) {
        f.put(e.getKey(), join(e.getValue(), y.fields().get(e.getKey())));
      }
      return new Record(f);
    }
    if (a instanceof Fcn x && b instanceof Fcn y && x.domain().equals(y.domain())) {
      return new Fcn(x.domain(), join(x.range(), y.range()));
    }
    if (partialOrEmpty(a) && partialOrEmpty(b) && (a instanceof PartialFcn || b instanceof PartialFcn
        || a instanceof Fcn && isEmptySeq(b) || b instanceof Fcn && isEmptySeq(a))) {
      return joinPartial(a, b);
    }
    if (a instanceof Set x && b instanceof Set y) {
      return new Set(join(x.element(), y.element()));
    }
    if (a instanceof Tuple x && b instanceof Tuple y && x.components().size() == y.components().size()) {
      List<TlaType> c = new ArrayList<>();
      for (int i = 0; i < x.components().size(); i++) {
        c.add(join(x.components().get(i), y.components().get(i)));
      }
      return new Tuple(c);
    }
    if ((a instanceof Seq || a instanceof Tuple) && (b instanceof Seq || b instanceof Tuple)) {
      Seq x = asSeq(a);
      Seq y = asSeq(b);
      return new Seq(join(x.element(), y.element()),
          x.bounded() && y.bounded() ? Math.max(x.maxLength(), y.maxLength()) : -1);
    }
    // different shapes (records with other fields, a number and a tuple): the values of both
    // constant sets, when each has one; Paxos's messages of four kinds are one enumeration
    IrExpr x = asConstantSet(a);
    IrExpr y = x == null ? null : asConstantSet(b);
    return y == null ? GENERIC : new Enum(List.of(Closed.of(x), Closed.of(y)));
  }

  /** The empty sequence {@code <<>>}, which is also the function with the empty domain. */
  private static boolean isEmptySeq(TlaType t) {
    return t instanceof Seq q && q.maxLength() == 0;
  }

  private static boolean partialOrEmpty(TlaType t) {
    return t instanceof PartialFcn || t instanceof Fcn || isEmptySeq(t);
  }

  /**
   * Two functions as one partial function over the keys of both (a total function's domain is one
   * of the subsets of its own domain; the empty function is in every such type).
   */
  private static PartialFcn joinPartial(TlaType a, TlaType b) {
    if (isEmptySeq(a)) {
      return b instanceof Fcn f ? new PartialFcn(List.of(f.domain()), f.range()) : (PartialFcn) b;
    }
    if (isEmptySeq(b)) {
      return joinPartial(b, a);
    }
    List<Closed> ka = a instanceof Fcn f ? List.of(f.domain()) : ((PartialFcn) a).keys();
    List<Closed> kb = b instanceof Fcn f ? List.of(f.domain()) : ((PartialFcn) b).keys();
    TlaType ra = a instanceof Fcn f ? f.range() : ((PartialFcn) a).range();
    TlaType rb = b instanceof Fcn f ? f.range() : ((PartialFcn) b).range();
    return new PartialFcn(union(ka, kb), join(ra, rb));
  }

  /**
   * {@code f @@ g} of functions of these types (neither {@link Bottom}): a partial function over
   * the keys of both, or null when one is not a function over constant keys.
   */
  static PartialFcn merged(TlaType f, TlaType g) {
    if (!partialOrEmpty(f) || !partialOrEmpty(g) || isEmptySeq(f) && isEmptySeq(g)) {
      return null; // <<>> @@ <<>> is <<>>: no keys to name
    }
    return joinPartial(f, g);
  }

  /**
   * The constant sets a value of type {@code t} is an element of, when {@code t} is finite: the
   * sets of an enumeration or a bounded integer, else the one {@link #asConstantSet} builds; null
   * when {@code t} has none. A partial function keyed by such values has these keys.
   */
  static List<Closed> keysOf(TlaType t) {
    if (t instanceof Enum e) {
      return e.within();
    }
    if (t instanceof Int i && i.bounded()) {
      return i.within();
    }
    IrExpr set = asConstantSet(t);
    return set == null ? null : List.of(Closed.of(set));
  }

  /** A tuple as the sequence it is (its length, its components joined); a sequence as it is. */
  static Seq asSeq(TlaType t) {
    return t instanceof Tuple u ? new Seq(u.anyComponent(), u.components().size()) : (Seq) t;
  }

  /**
   * A constant set (an IR expression over the model's constants) holding every value of type
   * {@code t}, or null when {@code t} has no finite description: {@code BOOLEAN}, the union of an
   * enumeration's or a bounded integer's sets, the product of a tuple's components' sets, the set
   * of a record's fields' sets ({@code [a : A, b : B]}), {@code SUBSET} of a set's element's set,
   * the functions from a function's domain to its range's set. The expressions are built here (not
   * written in the spec), so they carry {@link #NO_SPAN}. They are lazy where TLC's are (a record
   * set, a product, SUBSET): a union would build its elements, so the union of an enumeration that
   * holds such a built set has none.
   */
  static IrExpr asConstantSet(TlaType t) {
    if (t instanceof Bool) {
      return new IrExpr.Apply(NO_SPAN, Operator.BOOLEAN_SET, List.of());
    }
    if (t instanceof Bottom) {
      return new IrExpr.Apply(NO_SPAN, Operator.SET_ENUM, List.of());
    }
    List<Closed> within = t instanceof Enum e ? e.within() : t instanceof Int i && i.bounded() ? i.within() : null;
    if (within != null && within.size() > 1 && within.stream().anyMatch(c -> c.expr().span().equals(NO_SPAN))) {
      return null;
    }
    if (within != null) {
      IrExpr u = within.get(0).expr();
      for (int k = 1; k < within.size(); k++) {
        u = new IrExpr.Apply(NO_SPAN, Operator.CUP, List.of(u, within.get(k).expr()));
      }
      return u;
    }
    if (t instanceof Tuple u) {
      List<IrExpr> factors = new ArrayList<>();
      for (TlaType c : u.components()) {
        IrExpr f = asConstantSet(c);
        if (f == null) {
          return null;
        }
        factors.add(f);
      }
      return new IrExpr.Apply(NO_SPAN, Operator.PRODUCT, factors);
    }
    if (t instanceof Record r) {
      List<IrExpr> args = new ArrayList<>();
      for (Map.Entry<String, TlaType> f : r.fields().entrySet()) {
        IrExpr set = asConstantSet(f.getValue());
        if (set == null) {
          return null;
        }
        args.add(new IrExpr.Lit(NO_SPAN, IrExpr.LitKind.STRING, f.getKey()));
        args.add(set);
      }
      return new IrExpr.Apply(NO_SPAN, Operator.RECORD_SET, args);
    }
    if (t instanceof Set s) {
      IrExpr set = asConstantSet(s.element());
      return set == null ? null : new IrExpr.Apply(NO_SPAN, Operator.POWERSET, List.of(set));
    }
    if (t instanceof Fcn f) {
      IrExpr range = asConstantSet(f.range());
      return range == null ? null : new IrExpr.Apply(NO_SPAN, Operator.FN_SET, List.of(f.domain().expr(), range));
    }
    return null;
  }

  /** The span of the sets {@link #asConstantSet} builds. */
  Span NO_SPAN = Span.point("(inferred)", 1, 1);

  private static List<Closed> union(List<Closed> a, List<Closed> b) {
    List<Closed> out = new ArrayList<>(a);
    for (Closed c : b) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Whether {@code sub}'s values are all {@code sup}'s (by the join: nothing is added). */
  static boolean within(TlaType sub, TlaType sup) {
    return Objects.equals(join(sub, sup), sup);
  }

  /** Readable form for tests, docs and the generated code's comments. */
  static String show(TlaType t) {
    if (t instanceof Int i) {
      return i.bounded() ? "Int in " + joinKeys(i.within()) : "Int";
    }
    if (t instanceof Enum e) {
      return "Enum " + joinKeys(e.within());
    }
    if (t instanceof Record r) {
      StringBuilder sb = new StringBuilder("[");
      r.fields().forEach((k, v) -> sb.append(sb.length() == 1 ? "" : ", ").append(k).append(": ").append(show(v)));
      return sb.append(']').toString();
    }
    if (t instanceof Fcn f) {
      return "[" + f.domain().key() + " -> " + show(f.range()) + "]";
    }
    if (t instanceof PartialFcn f) {
      return "[SUBSET " + joinKeys(f.keys()) + " -> " + show(f.range()) + "]";
    }
    if (t instanceof Set s) {
      return "SUBSET " + show(s.element());
    }
    if (t instanceof Seq s) {
      return "Seq(" + show(s.element()) + (s.bounded() ? ", <= " + s.maxLength() : "") + ")";
    }
    if (t instanceof Tuple u) {
      List<String> cs = new ArrayList<>();
      u.components().forEach(c -> cs.add(show(c)));
      return "<<" + String.join(", ", cs) + ">>";
    }
    return t.getClass().getSimpleName();
  }

  private static String joinKeys(List<Closed> cs) {
    List<String> keys = new ArrayList<>();
    for (Closed c : cs) {
      keys.add(c.key());
    }
    return String.join(" \\cup ", keys);
  }
}
