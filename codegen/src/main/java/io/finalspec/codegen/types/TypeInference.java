package io.finalspec.codegen.types;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The type pass: a {@link TlaType} for every variable and constant of a machine, inferred from
 * Init and the actions of Next. A variable's type is the join of the types of every value Init
 * and the actions can give it ({@code x = e} and {@code x \in S} in Init, {@code x' = e} and
 * {@code x' \in S} anywhere in an action: a test that looks like an assignment only adds values),
 * computed to a fixpoint because an assignment may read variables ({@code x' = x + 1}). Every
 * rule over-approximates: what the pass cannot prove is {@link TlaType.Generic}, and the generic
 * path stays correct. An integer variable is bounded only when every value it gets comes from a
 * constant set or literal; arithmetic gives any 32-bit integer (TLC's range).
 *
 * <p>Bound variables have machine-wide unique ids: a bound id's type is the join over every place
 * that binds it, which is sound whatever the context. An operator's parameters are the exception:
 * each call types the operator's body with its own arguments' types ({@code Drop(q, i)} of two
 * queues of different elements).
 */
public final class TypeInference {
  /** Types nested deeper than this are {@link TlaType.Generic} (a fixpoint on {@code s' = <<s>>} must end). */
  private static final int MAX_DEPTH = 6;
  /** Rounds after which the pass gives up and calls everything generic (never reached by a finite lattice). */
  private static final int MAX_ROUNDS = 64;

  private enum Mode { INIT, ACTION, VALUE }

  /**
   * What the pass inferred: per variable (declaration order) and per constant; {@code widenedAt}:
   * per variable, where an assignment last widened its type (null if none), which says why a
   * variable is generic.
   */
  public record Result(List<TlaType> variables, Map<String, TlaType> constants, List<Span> widenedAt) {
    public Result {
      variables = List.copyOf(variables);
      widenedAt = java.util.Collections.unmodifiableList(new ArrayList<>(widenedAt));
      constants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }
  }

  private final MachineIr ir;
  private final Map<String, MachineIr.Definition> defs = new HashMap<>();
  private final Map<String, MachineIr.Constant> consts = new HashMap<>();
  private final TlaType[] vars;
  private final Span[] widenedAt;
  private final Map<Integer, TlaType> bound = new HashMap<>();
  private final Map<Integer, TlaType> at = new HashMap<>();
  private final Map<IrExpr, Boolean> closed = new IdentityHashMap<>();
  private final Map<String, TlaType> defTypes = new HashMap<>();
  private final java.util.Set<String> inProgress = new HashSet<>();
  private boolean changed;
  private Mode mode = Mode.VALUE;

  private TypeInference(MachineIr ir) {
    this.ir = ir;
    for (MachineIr.Definition d : ir.definitions()) {
      defs.put(d.name(), d);
    }
    for (MachineIr.Constant c : ir.constants()) {
      consts.put(c.name(), c);
    }
    vars = new TlaType[ir.variables().size()];
    widenedAt = new Span[vars.length];
    java.util.Arrays.fill(vars, TlaType.BOTTOM);
  }

  /** Infers the types of {@code ir}'s variables and constants. */
  public static Result infer(MachineIr ir) {
    return new TypeInference(ir).run();
  }

  private Result run() {
    int rounds = 0;
    do {
      changed = false;
      defTypes.clear();
      if (ir.init() != null) {
        mode = Mode.INIT;
        typeOf(ir.init());
      }
      if (ir.next() != null) {
        plan(ir.next());
      }
      if (++rounds > MAX_ROUNDS) {
        java.util.Arrays.fill(vars, TlaType.GENERIC);
        break;
      }
    } while (changed);
    primedInDefinitions();
    Map<String, TlaType> constants = new LinkedHashMap<>();
    mode = Mode.VALUE;
    for (MachineIr.Constant c : ir.constants()) {
      constants.put(c.name(), typeOf(new IrExpr.Ref(c.span(), RefKind.CONST, c.name(), -1)));
    }
    return new Result(List.of(vars), constants, java.util.Arrays.asList(widenedAt));
  }

  /**
   * Definitions compiled to methods are values and never assign; a primed variable in one (which
   * the lowering does not produce) would be a way of assigning the pass did not see: generic. A
   * primed variable under {@code ENABLED} does not count: ENABLED only asks whether a successor
   * exists (an invariant {@code clock < Max => ENABLED Tick}), and the states it tries are never
   * reached or kept.
   */
  private void primedInDefinitions() {
    for (MachineIr.Definition d : ir.definitions()) {
      for (IrExpr.Ref r : refs(d.body(), new ArrayList<>())) {
        if (r.kind() == RefKind.PRIMED && r.index() < vars.length) {
          vars[r.index()] = TlaType.GENERIC;
        }
      }
    }
  }

  // ------------------------------------------------------------------ Next as TLC splits it

  private void plan(ActionPlan p) {
    if (p instanceof ActionPlan.Choice c) {
      c.alternatives().forEach(this::plan);
    } else if (p instanceof ActionPlan.Expand x) {
      mode = Mode.VALUE;
      for (IrExpr.Bound bd : x.bounds()) {
        bind(bd, typeOf(bd.set()));
      }
      plan(x.body());
    } else if (p instanceof ActionPlan.Enter en) {
      mode = Mode.VALUE;
      for (ActionPlan.Param prm : en.params()) {
        if (prm.id() >= 0) {
          joinInto(bound, prm.id(), typeOf(prm.value()));
        }
      }
      plan(en.body());
    } else {
      mode = Mode.ACTION;
      typeOf(((ActionPlan.Leaf) p).body());
    }
  }

  // ------------------------------------------------------------------ joins into the fixpoint

  private void assign(int variable, TlaType t, Span at) {
    TlaType j = widen(TlaType.join(vars[variable], t));
    if (!j.equals(vars[variable])) {
      vars[variable] = j;
      widenedAt[variable] = at;
      changed = true;
    }
  }

  /** Joins {@code t} into a binding's type; a binding with no value yet (Bottom) is still bound (a lookup of an unbound id is generic). */
  private void joinInto(Map<Integer, TlaType> env, int id, TlaType t) {
    TlaType old = env.get(id);
    TlaType j = widen(old == null ? t : TlaType.join(old, t));
    if (!j.equals(old)) {
      env.put(id, j);
      changed = true;
    }
  }

  private void bind(IrExpr.Bound bd, TlaType setType) {
    TlaType element = bd.tuple() ? element(setType) : elementOf(bd.set(), setType);
    List<Integer> ids = bd.ids();
    for (int i = 0; i < ids.size(); i++) {
      joinInto(bound, ids.get(i), bd.tuple() ? position(element, i, ids.size()) : element);
    }
  }

  /** The i-th of {@code n} names a tuple pattern {@code <<a, b>>} binds in an element of this type. */
  private static TlaType position(TlaType element, int i, int n) {
    if (element instanceof TlaType.Tuple u && u.components().size() == n) {
      return u.components().get(i);
    }
    return seqElement(element);
  }

  private static TlaType widen(TlaType t) {
    return depth(t) > MAX_DEPTH ? TlaType.GENERIC : t;
  }

  private static int depth(TlaType t) {
    if (t instanceof TlaType.Record r) {
      int d = 0;
      for (TlaType f : r.fields().values()) {
        d = Math.max(d, depth(f));
      }
      return 1 + d;
    }
    if (t instanceof TlaType.Fcn f) {
      return 1 + depth(f.range());
    }
    if (t instanceof TlaType.PartialFcn f) {
      return 1 + depth(f.range());
    }
    if (t instanceof TlaType.Set s) {
      return 1 + depth(s.element());
    }
    if (t instanceof TlaType.Seq s) {
      return 1 + depth(s.element());
    }
    if (t instanceof TlaType.Tuple u) {
      int d = 0;
      for (TlaType c : u.components()) {
        d = Math.max(d, depth(c));
      }
      return 1 + d;
    }
    if (t instanceof TlaType.Enum e) {
      // an enumeration that absorbed tuples holds products of products...: bound them as nesting
      int d = 0;
      for (TlaType.Closed c : e.within()) {
        d = Math.max(d, products(c.expr()));
      }
      return d;
    }
    return 0;
  }

  /** How deeply sets of structured values (products, record sets, SUBSET, function sets) nest in a constant set. */
  private static int products(IrExpr e) {
    if (!(e instanceof IrExpr.Apply a)) {
      return 0;
    }
    int d = 0;
    for (IrExpr x : a.args()) {
      d = Math.max(d, products(x));
    }
    return switch (a.op()) {
      case PRODUCT, RECORD_SET, POWERSET, FN_SET -> 1 + d;
      default -> d;
    };
  }

  // ------------------------------------------------------------------ element types

  private static TlaType element(TlaType set) {
    if (set instanceof TlaType.Set s) {
      return s.element();
    }
    return set instanceof TlaType.Bottom ? TlaType.BOTTOM : TlaType.GENERIC;
  }

  /**
   * The type of an element of {@code set}, of type {@code t}: where nothing narrower is known of
   * the elements of a constant set ({@code Plans == Orders(Targets)}, a RECURSIVE operator's
   * result), an element is still one of that set's values: an enumeration the codec can number.
   */
  private TlaType elementOf(IrExpr set, TlaType t) {
    TlaType e = element(t);
    return e instanceof TlaType.Generic && isClosed(set) ? new TlaType.Enum(List.of(TlaType.Closed.of(set))) : e;
  }

  private static TlaType seqElement(TlaType seq) {
    if (seq instanceof TlaType.Seq s) {
      return s.element();
    }
    if (seq instanceof TlaType.Tuple u) {
      return u.anyComponent();
    }
    return seq instanceof TlaType.Bottom ? TlaType.BOTTOM : TlaType.GENERIC;
  }

  // ------------------------------------------------------------------ expressions

  /**
   * The type of {@code e}; on the way, the assignments {@code e} contains are joined into the
   * variables' types (in INIT and ACTION mode) and the bound variables it binds get their types.
   */
  TlaType typeOf(IrExpr e) {
    TlaType structural = structural(e);
    return isClosed(e) ? closedType(e, structural) : structural;
  }

  /**
   * A constant expression's type, narrowed: its integers and names are the elements of the
   * expression itself ({@code 0..N} is a set of integers within {@code 0..N}).
   */
  private TlaType closedType(IrExpr e, TlaType structural) {
    if (structural instanceof TlaType.Set s) {
      TlaType.Closed set = TlaType.Closed.of(e);
      if (s.element() instanceof TlaType.Int) {
        return new TlaType.Set(new TlaType.Int(List.of(set)));
      }
      if (s.element() instanceof TlaType.Enum || s.element() instanceof TlaType.Generic) {
        return new TlaType.Set(new TlaType.Enum(List.of(set)));
      }
      return structural;
    }
    if (structural instanceof TlaType.Int || structural instanceof TlaType.Enum
        || structural instanceof TlaType.Generic) {
      TlaType.Closed single = TlaType.Closed.of(new IrExpr.Apply(e.span(), Operator.SET_ENUM, List.of(e)));
      // a constant of unknown shape is still one value: the codec numbers it whatever it is
      return structural instanceof TlaType.Int ? new TlaType.Int(List.of(single)) : new TlaType.Enum(List.of(single));
    }
    return structural;
  }

  private TlaType structural(IrExpr e) {
    if (e instanceof IrExpr.Lit l) {
      return switch (l.kind()) {
        case BOOL -> TlaType.BOOL;
        case INT -> TlaType.INT;
        case STRING, MODEL_VALUE -> new TlaType.Enum(List.of(TlaType.Closed.of(
            new IrExpr.Apply(l.span(), Operator.SET_ENUM, List.of(l)))));
      };
    }
    if (e instanceof IrExpr.Ref r) {
      return ref(r);
    }
    if (e instanceof IrExpr.Apply a) {
      return apply(a);
    }
    if (e instanceof IrExpr.Call c) {
      return call(c);
    }
    if (e instanceof IrExpr.Binder b) {
      return binder(b);
    }
    if (e instanceof IrExpr.Let l) {
      for (IrExpr.LetDef d : l.defs()) {
        joinInto(bound, d.id(), typeOf(d.value()));
      }
      return typeOf(l.body());
    }
    if (e instanceof IrExpr.If i) {
      typeOf(i.cond());
      return TlaType.join(typeOf(i.then()), typeOf(i.otherwise()));
    }
    if (e instanceof IrExpr.Case c) {
      TlaType t = TlaType.BOTTOM;
      for (IrExpr.Arm arm : c.arms()) {
        typeOf(arm.guard());
        t = TlaType.join(t, typeOf(arm.body()));
      }
      return c.other() == null ? t : TlaType.join(t, typeOf(c.other()));
    }
    return except((IrExpr.Except) e);
  }

  /**
   * Types a subexpression outside Init and the actions (a constant's value, a definition's body):
   * nothing there assigns. Inside them every {@code x' = e} is taken as a possible assignment,
   * wherever it is (over-approximation keeps the pass sound whatever the emitter treats as one).
   */
  private TlaType value(IrExpr e) {
    Mode outer = mode;
    mode = Mode.VALUE;
    try {
      return typeOf(e);
    } finally {
      mode = outer;
    }
  }

  private TlaType ref(IrExpr.Ref r) {
    switch (r.kind()) {
      case VAR:
      case PRIMED:
        // a shadow slot (the ENABLED of an instance's action, lower.Ctx.Shadow) is no variable's
        return r.index() < vars.length ? vars[r.index()] : TlaType.GENERIC;
      case BOUND:
        return bound.getOrDefault(r.index(), TlaType.GENERIC);
      case AT:
        return at.getOrDefault(r.index(), TlaType.GENERIC);
      default:
        MachineIr.Constant c = consts.get(r.name());
        if (c != null) {
          return value(c.value());
        }
        MachineIr.Definition d = defs.get(r.name());
        return d == null ? TlaType.GENERIC : definition(d);
    }
  }

  private TlaType apply(IrExpr.Apply a) {
    List<IrExpr> x = a.args();
    switch (a.op()) {
      case EQ:
      case IN: {
        int target = assignTarget(a);
        TlaType rhs = typeOf(x.get(1));
        if (target < 0) {
          typeOf(x.get(0));
        } else {
          assign(target, a.op() == Operator.EQ ? rhs : elementOf(x.get(1), rhs), a.span());
        }
        return TlaType.BOOL;
      }
      case CUP: {
        TlaType l = typeOf(x.get(0));
        TlaType r = typeOf(x.get(1));
        return isSet(l) && isSet(r) ? new TlaType.Set(TlaType.join(element(l), element(r))) : TlaType.GENERIC;
      }
      case CAP: {
        TlaType l = typeOf(x.get(0));
        TlaType r = typeOf(x.get(1));
        return isSet(l) ? l : isSet(r) ? r : TlaType.GENERIC;
      }
      case SETMINUS: {
        TlaType l = typeOf(x.get(0));
        typeOf(x.get(1));
        return isSet(l) ? l : TlaType.GENERIC;
      }
      case POWERSET: {
        TlaType s = typeOf(x.get(0));
        return new TlaType.Set(isSet(s) ? s : TlaType.GENERIC);
      }
      case BIG_UNION: {
        TlaType s = element(typeOf(x.get(0)));
        return isSet(s) ? s : new TlaType.Set(TlaType.GENERIC);
      }
      case SET_ENUM: {
        TlaType t = TlaType.BOTTOM;
        for (IrExpr y : x) {
          t = TlaType.join(t, typeOf(y));
        }
        return new TlaType.Set(t);
      }
      case PRODUCT: {
        List<TlaType> components = new ArrayList<>();
        for (IrExpr y : x) {
          components.add(element(typeOf(y)));
        }
        return new TlaType.Set(new TlaType.Tuple(components));
      }
      case FN_SET: {
        typeOf(x.get(0));
        TlaType range = element(typeOf(x.get(1)));
        return isClosed(x.get(0)) ? new TlaType.Set(new TlaType.Fcn(TlaType.Closed.of(x.get(0)), range))
            : new TlaType.Set(TlaType.GENERIC);
      }
      case RECORD_SET:
      case RECORD: {
        Map<String, TlaType> fields = new LinkedHashMap<>();
        for (int i = 0; i < x.size(); i += 2) {
          TlaType v = typeOf(x.get(i + 1));
          fields.put(((IrExpr.Lit) x.get(i)).text(), a.op() == Operator.RECORD ? v : element(v));
        }
        if (fields.size() * 2 != x.size()) {
          return a.op() == Operator.RECORD ? TlaType.GENERIC : new TlaType.Set(TlaType.GENERIC);
        }
        TlaType r = new TlaType.Record(fields);
        return a.op() == Operator.RECORD ? r : new TlaType.Set(r);
      }
      case APPLY: {
        TlaType f = typeOf(x.get(0));
        for (int i = 1; i < x.size(); i++) {
          typeOf(x.get(i));
        }
        if (x.size() > 2) {
          // f[a, b]: a function over a product (the key is the tuple <<a, b>>)
          return f instanceof TlaType.Fcn fcn ? fcn.range() : f instanceof TlaType.PartialFcn p ? p.range()
              : f instanceof TlaType.Bottom ? TlaType.BOTTOM : TlaType.GENERIC;
        }
        return component(f, x.get(1));
      }
      case SELECT: {
        TlaType r = typeOf(x.get(0));
        return component(r, x.get(1));
      }
      case DOMAIN: {
        TlaType f = typeOf(x.get(0));
        if (f instanceof TlaType.Fcn fcn) {
          return value(fcn.domain().expr());
        }
        if (f instanceof TlaType.PartialFcn fcn) {
          TlaType keys = TlaType.BOTTOM; // a subset of the keys: their type
          for (TlaType.Closed k : fcn.keys()) {
            keys = TlaType.join(keys, value(k.expr()));
          }
          return keys;
        }
        return new TlaType.Set(f instanceof TlaType.Seq || f instanceof TlaType.Tuple ? TlaType.INT : TlaType.GENERIC);
      }
      case TUPLE: {
        List<TlaType> components = new ArrayList<>();
        for (IrExpr y : x) {
          components.add(typeOf(y));
        }
        return components.isEmpty() ? new TlaType.Seq(TlaType.BOTTOM, 0) : new TlaType.Tuple(components);
      }
      case INTERVAL:
      case NAT:
      case INT:
        x.forEach(this::typeOf);
        return new TlaType.Set(TlaType.INT);
      case BOOLEAN_SET:
        return new TlaType.Set(TlaType.BOOL);
      case SEQ:
        return new TlaType.Set(new TlaType.Seq(element(typeOf(x.get(0))), -1));
      case APPEND: {
        TlaType s = typeOf(x.get(0));
        TlaType v = typeOf(x.get(1));
        return new TlaType.Seq(TlaType.join(seqElement(s), v), -1);
      }
      case HEAD: {
        TlaType s = typeOf(x.get(0));
        return s instanceof TlaType.Tuple u ? u.components().get(0) : seqElement(s);
      }
      case TAIL:
      case SUBSEQ: {
        TlaType s = typeOf(x.get(0));
        for (int i = 1; i < x.size(); i++) {
          typeOf(x.get(i));
        }
        // no longer than s
        return new TlaType.Seq(seqElement(s), s instanceof TlaType.Seq || s instanceof TlaType.Tuple
            ? TlaType.asSeq(s).maxLength() : -1);
      }
      case COLON_GT: {
        // k :> v is a function over {k}: a partial function over the set k's type ranges over
        TlaType k = typeOf(x.get(0));
        TlaType v = typeOf(x.get(1));
        if (k instanceof TlaType.Bottom || v instanceof TlaType.Bottom) {
          return TlaType.BOTTOM; // no value yet
        }
        List<TlaType.Closed> keys = TlaType.keysOf(k);
        return keys == null ? TlaType.GENERIC : new TlaType.PartialFcn(keys, v);
      }
      case AT_AT: {
        TlaType f = typeOf(x.get(0));
        TlaType g = typeOf(x.get(1));
        if (f instanceof TlaType.Bottom || g instanceof TlaType.Bottom) {
          return TlaType.BOTTOM;
        }
        TlaType.PartialFcn m = TlaType.merged(f, g);
        return m == null ? TlaType.GENERIC : m;
      }
      case CONCAT:
        return new TlaType.Seq(TlaType.join(seqElement(typeOf(x.get(0))), seqElement(typeOf(x.get(1)))), -1);
      case PRINT:
        typeOf(x.get(0));
        return typeOf(x.get(1));
      case ADD: case SUB: case MUL: case DIV: case MOD: case POW: case NEG: case LEN: case CARDINALITY:
        x.forEach(this::typeOf);
        return TlaType.INT;
      default:
        x.forEach(this::typeOf);
        return a.op().isPredicate() || a.op() == Operator.PRINT_T || a.op() == Operator.ASSERT
            ? TlaType.BOOL : TlaType.GENERIC;
    }
  }

  /** The variable {@code x = e}/{@code x \in S} (Init) or {@code x' = e}/{@code x' \in S} (actions) may assign, or -1. */
  private int assignTarget(IrExpr.Apply a) {
    if (mode != Mode.VALUE && a.args().get(0) instanceof IrExpr.Ref r
        && r.kind() == (mode == Mode.INIT ? RefKind.VAR : RefKind.PRIMED) && r.index() < vars.length) {
      return r.index();
    }
    return -1;
  }

  private static boolean isSet(TlaType t) {
    return t instanceof TlaType.Set;
  }

  /**
   * {@code f[k]} or {@code r.k} of a value of an enumeration: what the constant sets say of the
   * component ({@code m.bal} of a message in {@code [type : {"1a"}, bal : Ballot] \cup ...} is
   * in Ballot); a set that cannot have the component (a record set without the field) is skipped:
   * such a value makes TLC stop with an error, it gives no value.
   */
  private TlaType component(TlaType f, IrExpr key) {
    if (!(f instanceof TlaType.Enum e)) {
      return structuralComponent(f, key);
    }
    TlaType t = TlaType.BOTTOM;
    for (TlaType.Closed c : e.within()) {
      TlaType part = componentOfSet(c.expr(), key);
      if (part == null) {
        return TlaType.GENERIC;
      }
      t = TlaType.join(t, part);
    }
    return t;
  }

  /** The type of {@code v[key]} for the elements v of the constant set {@code set}. */
  private TlaType componentOfSet(IrExpr set, IrExpr key) {
    if (!(set instanceof IrExpr.Apply a)) {
      return rangesOf(set);
    }
    List<IrExpr> x = a.args();
    switch (a.op()) {
      case RECORD_SET:
        if (!(key instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.STRING)) {
          return null;
        }
        for (int i = 0; i + 1 < x.size(); i += 2) {
          if (x.get(i) instanceof IrExpr.Lit f && f.text().equals(l.text())) {
            return element(value(x.get(i + 1)));
          }
        }
        return TlaType.BOTTOM; // no such field: TLC's error, no value
      case FN_SET:
        return element(value(x.get(1)));
      case PRODUCT: {
        int i = literalIndex(key, x.size());
        if (i >= 0) {
          return element(value(x.get(i)));
        }
        TlaType t = TlaType.BOTTOM;
        for (IrExpr factor : x) {
          t = TlaType.join(t, element(value(factor)));
        }
        return t;
      }
      default:
        return rangesOf(set);
    }
  }

  /**
   * One of the values of the functions in the constant set {@code set} ({@code plan[i]} where plan
   * is one of the orders of a constant set of sequences): an element of
   * {@code UNION {{v[k] : k \in DOMAIN v} : v \in set}}, a constant set too. Where set's elements
   * are not all functions that set cannot be evaluated, and the machine then numbers nothing of it
   * (the codec and the gates that need it are not made).
   */
  private TlaType rangesOf(IrExpr set) {
    Span sp = set.span();
    int v = typePassIdBelow(set);
    int k = v - 1;
    IrExpr fn = new IrExpr.Ref(sp, RefKind.BOUND, "v", v);
    IrExpr range = new IrExpr.Binder(sp, IrExpr.BinderKind.SET_MAP,
        List.of(new IrExpr.Bound(sp, List.of("k"), List.of(k), false, new IrExpr.Apply(sp, Operator.DOMAIN, List.of(fn)))),
        new IrExpr.Apply(sp, Operator.APPLY, List.of(fn, new IrExpr.Ref(sp, RefKind.BOUND, "k", k))));
    IrExpr ranges = new IrExpr.Apply(TlaType.NO_SPAN, Operator.BIG_UNION, List.of(new IrExpr.Binder(sp, IrExpr.BinderKind.SET_MAP,
        List.of(new IrExpr.Bound(sp, List.of("v"), List.of(v), false, set)), range)));
    return new TlaType.Enum(List.of(TlaType.Closed.of(ranges)));
  }

  /**
   * An id for a binder of a set the type pass builds around {@code inner}: from the top of the int
   * range down, which the lowering's ids (counted from 0) never reach, below those of the sets it
   * built inside {@code inner}. The same set gets the same ids each time it is built, so that the
   * fixpoint sees equal types.
   */
  private static int typePassIdBelow(IrExpr inner) {
    int[] below = {Integer.MAX_VALUE};
    io.finalspec.codegen.ir.IrTree.anyMatch(inner, x -> {
      if (x instanceof IrExpr.Binder b) {
        for (IrExpr.Bound bd : b.bounds()) {
          for (int id : bd.ids()) {
            if (id > Integer.MAX_VALUE / 2) {
              below[0] = Math.min(below[0], id - 1);
            }
          }
        }
      }
      return false;
    });
    return below[0];
  }

  /** {@code f[k]} or {@code r.k}: the range of a function, a record's field, a sequence's element. */
  private static TlaType structuralComponent(TlaType f, IrExpr key) {
    if (f instanceof TlaType.Fcn fcn) {
      return fcn.range();
    }
    if (f instanceof TlaType.PartialFcn fcn) {
      return fcn.range();
    }
    if (f instanceof TlaType.Seq s) {
      return s.element();
    }
    if (f instanceof TlaType.Tuple u) {
      int i = literalIndex(key, u.components().size());
      return i >= 0 ? u.components().get(i) : u.anyComponent();
    }
    if (f instanceof TlaType.Record r && key instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.STRING) {
      return r.fields().getOrDefault(l.text(), TlaType.GENERIC);
    }
    if (f instanceof TlaType.Record r) {
      // a field chosen at run time: one of the fields' values (or TLC's error)
      TlaType any = TlaType.BOTTOM;
      for (TlaType field : r.fields().values()) {
        any = TlaType.join(any, field);
      }
      return any;
    }
    return f instanceof TlaType.Bottom ? TlaType.BOTTOM : TlaType.GENERIC;
  }

  /** The 0-based position a literal index {@code 1..size} names, or -1 (not a literal, or outside). */
  private static int literalIndex(IrExpr key, int size) {
    if (key instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.INT) {
      try {
        int k = Integer.parseInt(l.text());
        return k >= 1 && k <= size ? k - 1 : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }

  private TlaType call(IrExpr.Call c) {
    MachineIr.Definition d = defs.get(c.def());
    List<TlaType> args = new ArrayList<>();
    for (IrExpr a : c.args()) {
      args.add(typeOf(a));
    }
    if (d == null) {
      return TlaType.GENERIC;
    }
    if (!d.function() && !d.recursive() && !args.isEmpty() && args.size() == d.paramIds().size()) {
      return withArguments(d, args);
    }
    for (int i = 0; i < args.size() && i < d.paramIds().size(); i++) {
      joinInto(bound, d.paramIds().get(i), args.get(i));
    }
    if (d.function() && c.args().size() == d.captured()) {
      // the function as a value: [x \in domain |-> f[x]]
      TlaType range = definition(d);
      boolean single = d.params().size() - d.captured() == 1;
      return single && !d.recursive() && isClosed(d.domain())
          ? new TlaType.Fcn(TlaType.Closed.of(d.domain()), range) : TlaType.GENERIC;
    }
    return definition(d);
  }

  /**
   * The type of a call of an operator with parameters: its body typed with the parameters bound to
   * this call's arguments' types (once per round and argument types), so that {@code Drop(q, i)}
   * of a queue of messages and of a queue of numbers each keeps its own element type. The
   * parameters' types are put back afterwards; what the body binds itself keeps the join over
   * every call, which only widens.
   */
  private TlaType withArguments(MachineIr.Definition d, List<TlaType> args) {
    Map<Integer, TlaType> params = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      params.put(d.paramIds().get(i), args.get(i));
    }
    return body(d, d.name() + args, params);
  }

  /** The type of a definition's body (its parameters typed by every call so far), once per round. */
  private TlaType definition(MachineIr.Definition d) {
    return body(d, d.name(), Map.of());
  }

  /**
   * The type of {@code d}'s body with {@code params} bound to these types for the time of it (their
   * types before are put back), kept under {@code key} for the round.
   */
  private TlaType body(MachineIr.Definition d, String key, Map<Integer, TlaType> params) {
    TlaType known = defTypes.get(key);
    if (known != null) {
      return known;
    }
    if (d.recursive() || !inProgress.add(d.name())) {
      return TlaType.GENERIC;
    }
    Map<Integer, TlaType> saved = new HashMap<>();
    params.forEach((id, t) -> saved.put(id, bound.put(id, t)));
    Mode outer = mode;
    mode = Mode.VALUE;
    try {
      if (d.function()) {
        TlaType domain = typeOf(d.domain());
        List<Integer> own = d.paramIds().subList(d.captured(), d.paramIds().size());
        if (own.size() == 1) {
          joinInto(bound, own.get(0), element(domain));
        }
      }
      TlaType t = typeOf(d.body());
      defTypes.put(key, t);
      return t;
    } finally {
      mode = outer;
      inProgress.remove(d.name());
      saved.forEach((id, old) -> {
        if (old == null) {
          bound.remove(id);
        } else {
          bound.put(id, old);
        }
      });
    }
  }

  private TlaType binder(IrExpr.Binder b) {
    List<TlaType> sets = new ArrayList<>();
    for (IrExpr.Bound bd : b.bounds()) {
      TlaType s = typeOf(bd.set());
      sets.add(s);
      if (b.kind() == IrExpr.BinderKind.SELECT_SEQ) {
        for (Integer id : bd.ids()) {
          joinInto(bound, id, seqElement(s));
        }
      } else if (b.kind() == IrExpr.BinderKind.BAG_OF_ALL) {
        for (Integer id : bd.ids()) {
          joinInto(bound, id, TlaType.GENERIC);   // an element of the bag's domain, whatever it is
        }
      } else {
        bind(bd, s);
      }
    }
    TlaType body = typeOf(b.body());
    IrExpr.Bound first = b.bounds().get(0);
    return switch (b.kind()) {
      case EXISTS, FORALL -> TlaType.BOOL;
      case CHOOSE -> b.bounds().size() == 1 && !first.tuple() && first.ids().size() == 1 ? elementOf(first.set(), sets.get(0))
          : TlaType.GENERIC;
      case SET_FILTER -> b.bounds().size() == 1 && isSet(sets.get(0)) ? sets.get(0) : new TlaType.Set(TlaType.GENERIC);
      case SET_MAP -> new TlaType.Set(body);
      case FUNCTION -> function(b, sets.get(0), body);
      case SELECT_SEQ -> sets.get(0) instanceof TlaType.Seq || sets.get(0) instanceof TlaType.Tuple
          ? TlaType.asSeq(sets.get(0)) : TlaType.GENERIC;
      case BAG_OF_ALL -> TlaType.GENERIC;
    };
  }

  /**
   * {@code [x \in S |-> e]}: a function over S when S is constant; over {@code S1 \X S2} for
   * {@code [x \in S1, y \in S2 |-> e]}; a sequence when S is {@code 1..n} with n known only at run
   * time ({@code [i \in 1..n |-> i]} is {@code <<1, ..., n>>}); else a partial function when S's
   * elements come from constant sets.
   */
  private TlaType function(IrExpr.Binder b, TlaType firstSet, TlaType body) {
    List<IrExpr> domains = new ArrayList<>();
    for (IrExpr.Bound bd : b.bounds()) {
      if (bd.tuple()) {
        return TlaType.GENERIC;
      }
      for (int i = 0; i < bd.ids().size(); i++) {
        domains.add(bd.set());
      }
    }
    if (domains.size() > 1) {
      return domains.stream().allMatch(this::isClosed)
          ? new TlaType.Fcn(TlaType.Closed.of(new IrExpr.Apply(TlaType.NO_SPAN, Operator.PRODUCT, domains)), body)
          : TlaType.GENERIC;
    }
    IrExpr set = domains.get(0);
    if (isClosed(set)) {
      return new TlaType.Fcn(TlaType.Closed.of(set), body);
    }
    if (set instanceof IrExpr.Apply a && a.op() == Operator.INTERVAL && a.args().get(0) instanceof IrExpr.Lit l
        && l.kind() == IrExpr.LitKind.INT && l.text().equals("1")) {
      return body instanceof TlaType.Bottom ? TlaType.BOTTOM : new TlaType.Seq(body, -1);
    }
    return overSubset(firstSet, body);
  }

  /**
   * {@code [x \in S |-> e]} with S a set that changes (a subset of a constant set, by its type):
   * a partial function over that constant set.
   */
  private static TlaType overSubset(TlaType set, TlaType body) {
    if (set instanceof TlaType.Bottom) {
      return TlaType.BOTTOM; // no value yet
    }
    List<TlaType.Closed> keys = set instanceof TlaType.Set s ? TlaType.keysOf(s.element()) : null;
    return keys == null ? TlaType.GENERIC : new TlaType.PartialFcn(keys, body);
  }

  /** {@code [f EXCEPT ![a].b = e, ...]}: the same shape, each updated component joined with its new value. */
  private TlaType except(IrExpr.Except x) {
    TlaType t = typeOf(x.fn());
    for (IrExpr.Clause c : x.clauses()) {
      c.path().forEach(this::typeOf);
      joinInto(at, c.atId(), componentAt(t, c.path(), 0));
      t = updated(t, c.path(), 0, typeOf(c.value()));
    }
    return t;
  }

  private TlaType componentAt(TlaType t, List<IrExpr> path, int i) {
    return i == path.size() ? t : componentAt(component(t, path.get(i)), path, i + 1);
  }

  private static TlaType updated(TlaType t, List<IrExpr> path, int i, TlaType value) {
    if (i == path.size()) {
      return value;
    }
    IrExpr key = path.get(i);
    if (t instanceof TlaType.Fcn f) {
      return new TlaType.Fcn(f.domain(), TlaType.join(f.range(), updated(f.range(), path, i + 1, value)));
    }
    if (t instanceof TlaType.PartialFcn f) {
      return new TlaType.PartialFcn(f.keys(), TlaType.join(f.range(), updated(f.range(), path, i + 1, value)));
    }
    if (t instanceof TlaType.Seq s) {
      return new TlaType.Seq(TlaType.join(s.element(), updated(s.element(), path, i + 1, value)), s.maxLength());
    }
    if (t instanceof TlaType.Tuple u) {
      // ![k] with a literal k updates that component; any other key may update any of them
      int at = literalIndex(key, u.components().size());
      List<TlaType> c = new ArrayList<>(u.components());
      for (int k = 0; k < c.size(); k++) {
        if (at < 0 || at == k) {
          c.set(k, TlaType.join(c.get(k), updated(c.get(k), path, i + 1, value)));
        }
      }
      return new TlaType.Tuple(c);
    }
    if (t instanceof TlaType.Record r && key instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.STRING
        && r.fields().containsKey(l.text())) {
      Map<String, TlaType> fields = new LinkedHashMap<>(r.fields());
      fields.put(l.text(), TlaType.join(r.fields().get(l.text()), updated(r.fields().get(l.text()), path, i + 1, value)));
      return new TlaType.Record(fields);
    }
    if (t instanceof TlaType.Record r && !(key instanceof IrExpr.Lit)) {
      // ![k] with k known only at run time ([Main |-> ..., Ext |-> ...] indexed by a thread): any field
      Map<String, TlaType> fields = new LinkedHashMap<>();
      r.fields().forEach((f, ft) -> fields.put(f, TlaType.join(ft, updated(ft, path, i + 1, value))));
      return new TlaType.Record(fields);
    }
    return t instanceof TlaType.Bottom ? TlaType.BOTTOM : TlaType.GENERIC;
  }

  // ------------------------------------------------------------------ constant expressions

  /**
   * Whether {@code e} depends only on the model's constants, so that the machine can evaluate it
   * once when it is built: no variables, no {@code @}, bound variables only bound inside it, calls
   * only of constant-level definitions, nothing with an effect (Print, Assert, ToString).
   */
  boolean isClosed(IrExpr e) {
    Boolean known = closed.get(e);
    if (known == null) {
      known = closedIn(e, new HashSet<>());
      closed.put(e, known);
    }
    return known;
  }

  private boolean closedIn(IrExpr e, java.util.Set<Integer> scope) {
    if (e instanceof IrExpr.Lit) {
      return true;
    }
    if (e instanceof IrExpr.Ref r) {
      return switch (r.kind()) {
        case BOUND -> scope.contains(r.index());
        case CONST -> consts.containsKey(r.name()) || constantDefinition(defs.get(r.name()));
        default -> false;
      };
    }
    if (e instanceof IrExpr.Apply a) {
      return switch (a.op()) {
        case PRINT, PRINT_T, ASSERT, TO_STRING, UNCHANGED, ENABLED -> false;
        default -> a.args().stream().allMatch(y -> closedIn(y, scope));
      };
    }
    if (e instanceof IrExpr.Call c) {
      MachineIr.Definition d = defs.get(c.def());
      return constantDefinition(d) && c.args().stream().allMatch(y -> closedIn(y, scope));
    }
    if (e instanceof IrExpr.Binder b) {
      java.util.Set<Integer> inner = new HashSet<>(scope);
      for (IrExpr.Bound bd : b.bounds()) {
        if (!closedIn(bd.set(), scope)) {
          return false;
        }
        inner.addAll(bd.ids());
      }
      return closedIn(b.body(), inner);
    }
    if (e instanceof IrExpr.Let l) {
      java.util.Set<Integer> inner = new HashSet<>(scope);
      for (IrExpr.LetDef d : l.defs()) {
        if (!closedIn(d.value(), inner)) {
          return false;
        }
        inner.add(d.id());
      }
      return closedIn(l.body(), inner);
    }
    if (e instanceof IrExpr.If i) {
      return closedIn(i.cond(), scope) && closedIn(i.then(), scope) && closedIn(i.otherwise(), scope);
    }
    if (e instanceof IrExpr.Case c) {
      for (IrExpr.Arm a : c.arms()) {
        if (!closedIn(a.guard(), scope) || !closedIn(a.body(), scope)) {
          return false;
        }
      }
      return c.other() == null || closedIn(c.other(), scope);
    }
    return false;
  }

  private static boolean constantDefinition(MachineIr.Definition d) {
    return d != null && d.level() == 0 && !d.recursive();
  }

  /** The variable references in {@code e}, outside {@code ENABLED}. */
  private static List<IrExpr.Ref> refs(IrExpr e, List<IrExpr.Ref> out) {
    if (e instanceof IrExpr.Ref r) {
      out.add(r);
    } else if (e instanceof IrExpr.Apply a && a.op() == Operator.ENABLED) {
      return out;
    } else if (e instanceof IrExpr.Apply a) {
      a.args().forEach(y -> refs(y, out));
    } else if (e instanceof IrExpr.Call c) {
      c.args().forEach(y -> refs(y, out));
    } else if (e instanceof IrExpr.Binder b) {
      b.bounds().forEach(bd -> refs(bd.set(), out));
      refs(b.body(), out);
    } else if (e instanceof IrExpr.Let l) {
      l.defs().forEach(d -> refs(d.value(), out));
      refs(l.body(), out);
    } else if (e instanceof IrExpr.If i) {
      refs(i.cond(), out);
      refs(i.then(), out);
      refs(i.otherwise(), out);
    } else if (e instanceof IrExpr.Case c) {
      c.arms().forEach(a -> {
        refs(a.guard(), out);
        refs(a.body(), out);
      });
      if (c.other() != null) {
        refs(c.other(), out);
      }
    } else if (e instanceof IrExpr.Except x) {
      refs(x.fn(), out);
      x.clauses().forEach(c -> {
        c.path().forEach(p -> refs(p, out));
        refs(c.value(), out);
      });
    }
    return out;
  }
}
