package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.config.CfgValue;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.LitKind;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.resolve.Binding;
import io.finalspec.codegen.resolve.Instantiation;
import io.finalspec.codegen.resolve.Levels;
import io.finalspec.codegen.resolve.ResolvedModule;
import io.finalspec.codegen.resolve.StdModules;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AST expressions to IR. Every name is linked by the resolver ({@link ResolvedModule#binding});
 * lowering only decides what a binding stands for here: a local declaration through {@link Ctx},
 * a constant or variable of an instantiated module through its {@link Env}'s substitution. User
 * operators are called when
 * they compile to a method (constant- or state-level, no operator parameters) and inlined
 * otherwise (action level, operator parameters, LAMBDA), call by name as TLC evaluates arguments
 * lazily. In <em>structural</em> positions (the conjuncts, disjuncts, quantifier bodies and branches
 * of Init and of an action, where TLC's {@code getInitStates}/{@code getNextStates} descend into
 * operator bodies) user operators are always inlined so the emitter sees their assignments.
 */
final class ExprLowering {
  private static final int MAX_DEPTH = 200;
  /** The key {@code @} is bound to inside an EXCEPT clause's value. */
  private static final Object AT = "@";
  private static final Set<String> UNSUPPORTED_CORE = Set.of("[]", "<>", "~>", "-+->", "\\cdot");

  private final ResolvedModule program;
  private final Definitions defs;
  private final List<Binding.Variable> variables;
  /**
   * The config's overrides of root-level declarations (by the constant's {@code OpDecl} or the
   * definition's unit): a {@link Binding} for {@code X <- Op}, an {@link IrExpr} for a definition
   * given a value ({@code Op = 3}).
   */
  private final Map<Object, Object> overrides;
  /**
   * The config's overrides of standard modules' operators by name ({@code Nat <- def_ov_...}, as
   * the Toolbox writes them): the definition wherever any module names the operator.
   */
  private final Map<String, Binding> builtinOverrides;
  /** The overridden operators whose replacement is being lowered (one that names itself is refused). */
  private final java.util.Set<String> replacing = new java.util.HashSet<>();
  private final Map<Instantiation, Map<Env, Env>> envs = new IdentityHashMap<>();
  private int nextId;

  ExprLowering(ResolvedModule program, Definitions defs, Map<Object, Object> overrides,
      Map<String, Binding> builtinOverrides) {
    this.program = program;
    this.defs = defs;
    this.variables = program.variables();
    this.overrides = overrides;
    this.builtinOverrides = builtinOverrides;
  }

  int freshId() {
    return ++nextId;
  }

  IrExpr value(Expr e, Ctx c) {
    return lower(e, c, false);
  }

  IrExpr pred(Expr e, Ctx c) {
    return lower(e, c, true);
  }

  IrExpr lower(Expr e, Ctx c, boolean structural) {
    if (c.depth > MAX_DEPTH) {
      throw Unsupported.construct(e.span(), "recursion through inlined operators (operator parameters, "
          + "LAMBDA or action-level operators) deeper than " + MAX_DEPTH);
    }
    Span sp = e.span();
    if (e instanceof Expr.Num n) {
      if (n.value().bitLength() > 31) {
        throw Unsupported.construct(sp, "integer literal " + n.value() + " outside TLC's 32-bit range");
      }
      return new IrExpr.Lit(sp, LitKind.INT, n.value().toString());
    }
    if (e instanceof Expr.Str s) {
      return new IrExpr.Lit(sp, LitKind.STRING, s.value());
    }
    if (e instanceof Expr.Bool b) {
      return new IrExpr.Lit(sp, LitKind.BOOL, Boolean.toString(b.value()));
    }
    if (e instanceof Expr.Name n) {
      return name(n, c, structural);
    }
    if (e instanceof Expr.Label l) {
      return lower(l.body(), c, structural);   // a label names a subexpression; the value is its body's
    }
    if (e instanceof Expr.Decimal) {
      throw Unsupported.construct(sp, "decimal number (TLC has no real numbers)");
    }
    if (e instanceof Expr.SubexprRef) {
      throw Unsupported.construct(sp, "subexpression reference (Op!1, Op!<<, Op!:)");
    }
    if (e instanceof Expr.Apply a) {
      return apply(a, c, structural);
    }
    if (e instanceof Expr.Qualified q) {
      return qualified(q, c, structural);
    }
    if (e instanceof Expr.Junction j) {
      List<IrExpr> items = new ArrayList<>();
      for (Expr x : j.items()) {
        items.add(lower(x, c, structural));
      }
      if (items.size() == 1) {
        return items.get(0);
      }
      return new IrExpr.Apply(sp, j.conjunction() ? Operator.AND : Operator.OR, items);
    }
    if (e instanceof Expr.If i) {
      return new IrExpr.If(sp, value(i.cond(), c), lower(i.then(), c, structural), lower(i.otherwise(), c, structural));
    }
    if (e instanceof Expr.Case k) {
      List<IrExpr.Arm> arms = new ArrayList<>();
      for (Expr.Arm a : k.arms()) {
        arms.add(new IrExpr.Arm(a.span(), value(a.guard(), c), lower(a.body(), c, structural)));
      }
      return new IrExpr.Case(sp, arms, k.other() == null ? null : lower(k.other(), c, structural));
    }
    if (e instanceof Expr.Let l) {
      return let(l, c, structural);
    }
    if (e instanceof Expr.Quant q) {
      if (q.kind() == Expr.Quantifier.TEMPORAL_EXISTS || q.kind() == Expr.Quantifier.TEMPORAL_FORALL) {
        throw Unsupported.construct(sp, "temporal quantifier \\EE/\\AA");
      }
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = bounds(q.bounds(), c, inner, "unbounded quantifier");
      IrExpr.BinderKind kind = q.kind() == Expr.Quantifier.EXISTS ? IrExpr.BinderKind.EXISTS : IrExpr.BinderKind.FORALL;
      boolean bodyStructural = structural && kind == IrExpr.BinderKind.EXISTS;
      return new IrExpr.Binder(sp, kind, bounds, lower(q.body(), inner[0], bodyStructural));
    }
    if (e instanceof Expr.Choose ch) {
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = bounds(List.of(ch.bound()), c, inner, "unbounded CHOOSE");
      return new IrExpr.Binder(sp, IrExpr.BinderKind.CHOOSE, bounds, value(ch.body(), inner[0]));
    }
    if (e instanceof Expr.SetEnum s) {
      return new IrExpr.Apply(sp, Operator.SET_ENUM, values(s.elements(), c));
    }
    if (e instanceof Expr.SetFilter f) {
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = bounds(List.of(f.bound()), c, inner, "unbounded set filter");
      return new IrExpr.Binder(sp, IrExpr.BinderKind.SET_FILTER, bounds, value(f.predicate(), inner[0]));
    }
    if (e instanceof Expr.SetMap m) {
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = bounds(m.bounds(), c, inner, "unbounded set map");
      return new IrExpr.Binder(sp, IrExpr.BinderKind.SET_MAP, bounds, value(m.element(), inner[0]));
    }
    if (e instanceof Expr.Tuple t) {
      return new IrExpr.Apply(sp, Operator.TUPLE, values(t.elements(), c));
    }
    if (e instanceof Expr.FnConstruct f) {
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = bounds(f.bounds(), c, inner, "unbounded function constructor");
      return new IrExpr.Binder(sp, IrExpr.BinderKind.FUNCTION, bounds, value(f.body(), inner[0]));
    }
    if (e instanceof Expr.FnSet f) {
      return new IrExpr.Apply(sp, Operator.FN_SET, List.of(value(f.domain(), c), value(f.range(), c)));
    }
    if (e instanceof Expr.FnApply f) {
      return fnApply(f, c);
    }
    if (e instanceof Expr.Except x) {
      return except(x, c);
    }
    if (e instanceof Expr.At) {
      Entity at = c.local(AT, null);
      if (at instanceof Entity.Value v) {
        return v.expr();
      }
      throw Unsupported.construct(sp, "@ outside an EXCEPT value");
    }
    if (e instanceof Expr.Record r) {
      List<IrExpr> args = new ArrayList<>();
      for (Expr.Field f : r.fields()) {
        args.add(new IrExpr.Lit(f.span(), LitKind.STRING, f.name()));
        args.add(value(f.value(), c));
      }
      return new IrExpr.Apply(sp, Operator.RECORD, args);
    }
    if (e instanceof Expr.RecordSet r) {
      List<IrExpr> args = new ArrayList<>();
      for (Expr.Field f : r.fields()) {
        args.add(new IrExpr.Lit(f.span(), LitKind.STRING, f.name()));
        args.add(value(f.value(), c));
      }
      return new IrExpr.Apply(sp, Operator.RECORD_SET, args);
    }
    if (e instanceof Expr.Select s) {
      return new IrExpr.Apply(sp, Operator.SELECT,
          List.of(value(s.record(), c), new IrExpr.Lit(sp, LitKind.STRING, s.field())));
    }
    if (e instanceof Expr.ActionExpr a) {
      IrExpr act = lower(a.action(), c, structural);
      IrExpr unchanged = unchanged(a.subscript(), c);
      if (a.box()) {
        return new IrExpr.Apply(sp, Operator.OR, List.of(act, unchanged));
      }
      return new IrExpr.Apply(sp, Operator.AND, List.of(act, new IrExpr.Apply(sp, Operator.NOT, List.of(unchanged))));
    }
    if (e instanceof Expr.Fairness) {
      throw Unsupported.construct(sp, "fairness (WF_/SF_) outside the SPECIFICATION formula");
    }
    if (e instanceof Expr.Lambda) {
      throw Unsupported.construct(sp, "LAMBDA outside an operator argument");
    }
    if (e instanceof Expr.OpArg o) {
      throw Unsupported.construct(sp, "operator " + o.op() + " used as a value");
    }
    throw Unsupported.construct(sp, "expression " + e.getClass().getSimpleName());
  }

  private List<IrExpr> values(List<Expr> es, Ctx c) {
    List<IrExpr> out = new ArrayList<>();
    for (Expr x : es) {
      out.add(value(x, c));
    }
    return out;
  }

  /** Lowers binders: sets in {@code c}, names bound to fresh ids in {@code inner[0]}. */
  List<IrExpr.Bound> bounds(List<Bound> bs, Ctx c, Ctx[] inner, String what) {
    List<IrExpr.Bound> out = new ArrayList<>();
    Ctx ic = inner[0];
    for (Bound b : bs) {
      if (b.set() == null) {
        throw Unsupported.construct(b.span(), what);
      }
      IrExpr set = value(b.set(), c);
      List<Integer> ids = new ArrayList<>();
      for (String n : b.names()) {
        int id = freshId();
        ids.add(id);
        ic = ic.bind(b, n, new Entity.Value(new IrExpr.Ref(b.span(), RefKind.BOUND, n, id)));
      }
      out.add(new IrExpr.Bound(b.span(), b.names(), ids, b.tuple(), set));
    }
    inner[0] = ic;
    return out;
  }

  // ------------------------------------------------------------------ names and applications

  private Binding bindingOf(Object node, Span sp) {
    Binding b = program.binding(node);
    if (b == null) {
      throw new Unsupported(sp, "internal", "internal error: a name the resolver did not link (a finalspec bug)");
    }
    return b;
  }

  private IrExpr name(Expr.Name n, Ctx c, boolean structural) {
    return use(n.span(), n.name(), bindingOf(n, n.span()), List.of(), List.of(), c, structural);
  }

  /**
   * The value of {@code b} (the binding of a use named {@code n}) applied to the argument
   * expressions {@code args}, or, when {@code args} is empty and {@code bound} is not, to
   * already bound arguments.
   */
  private IrExpr use(Span sp, String n, Binding b, List<Expr> args, List<Entity> bound, Ctx c, boolean structural) {
    List<Entity> actual = args.isEmpty() ? bound : arguments(args, arities(b, args.size()), c);
    return entity(sp, n, b, actual, c, structural);
  }

  /** What binding {@code b} denotes in {@code c}, applied to {@code args}. */
  IrExpr entity(Span sp, String n, Binding b, List<Entity> args, Ctx c, boolean structural) {
    if (b instanceof Binding.Variable v) {
      noArgs(sp, n, args);
      if (c.shadows(c.env)) {
        return new IrExpr.Ref(sp, RefKind.PRIMED, v.decl().name(), c.shadow.slot(v.decl().name()));
      }
      if (!c.env.isRoot()) {
        return substitution(sp, v.decl(), args, c, structural);
      }
      int index = variables.indexOf(v);
      return new IrExpr.Ref(sp, c.primed ? RefKind.PRIMED : RefKind.VAR, v.decl().name(), index);
    }
    if (b instanceof Binding.Constant k) {
      if (!c.env.isRoot()) {
        return substitution(sp, k.decl(), args, c, structural);
      }
      Object override = overrides.get(k.decl());
      if (override instanceof Binding replacement) {
        return entity(sp, n, replacement, args, c, structural);
      }
      noArgs(sp, n, args);
      return new IrExpr.Ref(sp, RefKind.CONST, k.decl().name(), -1);
    }
    if (b instanceof Binding.Param p) {
      Entity en = c.local(p.decl(), null);
      if (en == null) {
        throw new Unsupported(sp, "internal", "internal error: parameter " + n + " unbound (a finalspec bug)");
      }
      return local(sp, n, en, args, c, structural);
    }
    if (b instanceof Binding.BoundVar bv) {
      Entity en = c.local(bv.bound(), bv.name());
      if (en == null) {
        throw new Unsupported(sp, "internal", "internal error: bound variable " + n + " unbound (a finalspec bug)");
      }
      return local(sp, n, en, args, c, structural);
    }
    if (b instanceof Binding.Definition d) {
      Entity en = c.local(d.def(), null);
      if (en != null) {
        return local(sp, n, en, args, c, structural);
      }
      if (c.env.isRoot() && overrides.get(d.def()) instanceof Binding replacement) {
        return entity(sp, n, replacement, args, c, structural);
      }
      if (c.env.isRoot() && overrides.get(d.def()) instanceof IrExpr value) {
        noArgs(sp, n, args);
        return value;
      }
      Env env = d.via() == null ? c.env : env(d.via(), Ctx.root(c.env), null, false);
      return defs.use(defs.info(d.def(), env), sp, args, c, structural);
    }
    if (b instanceof Binding.Builtin bi) {
      Binding replacement = builtinOverrides.get(bi.name());
      if (replacement == null) {
        return builtin(sp, bi.name(), args, c);
      }
      if (!replacing.add(bi.name())) {
        throw new Unsupported(sp, "config", "the config's replacement of " + n + " names " + n
            + " itself (TLC would not terminate)");
      }
      try {
        return entity(sp, n, replacement, args, c, structural);
      } finally {
        replacing.remove(bi.name());
      }
    }
    throw Unsupported.construct(sp, "use of instance " + n + " as a value");
  }

  /** A constant or variable of an instantiated module: its substitution, lowered where it was written. */
  private IrExpr substitution(Span sp, Unit.OpDecl decl, List<Entity> args, Ctx c, boolean structural) {
    Env env = c.env;
    Expr sub = env.instantiation.substitutions().get(decl.name());
    if (sub == null) {
      throw new Unsupported(sp, "internal", "internal error: no substitution for " + decl.name() + " (a finalspec bug)");
    }
    if (decl.arity() > 0) {
      Entity op = argument(sub, decl.arity(), env.outer);
      return local(sp, decl.name(), op, args, c, structural);
    }
    noArgs(sp, decl.name(), args);
    return lower(sub, env.outer.usedFrom(c), structural);
  }

  /** The environment of instantiation {@code inst} used from {@code outer}; one per pair unless parameterized. */
  Env env(Instantiation inst, Ctx outer, String name, boolean parameterized) {
    boolean explicit = !inst.substitutions().isEmpty() && inst.substitutions().values().stream()
        .anyMatch(x -> !(x instanceof Expr.Name n && n.span() == inst.span()));
    if (parameterized) {
      return Env.instance(inst, outer, name, true, explicit);
    }
    Map<Env, Env> perOuter = envs.computeIfAbsent(inst, k -> new IdentityHashMap<>());
    return perOuter.computeIfAbsent(outer.env, k -> Env.instance(inst, Ctx.root(k), name, false, explicit));
  }

  /** What a local declaration stands for, applied to {@code args}. */
  private IrExpr local(Span sp, String n, Entity en, List<Entity> args, Ctx c, boolean structural) {
    if (en instanceof Entity.Value v) {
      noArgs(sp, n, args);
      return v.expr();
    }
    if (en instanceof Entity.Thunk t) {
      noArgs(sp, n, args);
      return lower(t.expr(), t.ctx().usedFrom(c), structural);
    }
    if (en instanceof Entity.Cached k) {
      noArgs(sp, n, args);
      return c.primed ? lower(k.body(), k.ctx().usedFrom(c), structural) : k.ref();
    }
    if (en instanceof Entity.OpArg o) {
      if (o.lambda() != null) {
        Expr.Lambda l = o.lambda();
        if (l.params().size() != args.size()) {
          throw new Unsupported(sp, "arity", "LAMBDA expects " + l.params().size() + " arguments, got " + args.size());
        }
        Ctx lc = o.ctx().usedFrom(c);
        List<Unit.OpDecl> decls = program.lambdaParams(l);
        for (int i = 0; i < args.size(); i++) {
          lc = lc.bind(decls.get(i), args.get(i));
        }
        return lower(l.body(), lc, structural);
      }
      // the operator is used where the argument was written (its environment), applied here
      return entity(sp, n, o.target(), args, o.ctx().usedFrom(c), structural);
    }
    if (en instanceof Entity.LetOperator lo) {
      return inlineBody(sp, lo.def(), args, lo.ctx().usedFrom(c), structural);
    }
    if (en instanceof Entity.LetFunction f) {
      noArgs(sp, n, args);
      return new IrExpr.Call(sp, f.key(), f.captured());
    }
    throw Unsupported.construct(sp, "use of " + n);
  }

  /** Binds the parameters of {@code od} to {@code args} in {@code bodyCtx} and lowers its body. */
  IrExpr inlineBody(Span sp, Unit.OperatorDef od, List<Entity> args, Ctx bodyCtx, boolean structural) {
    if (od.params().size() != args.size()) {
      throw new Unsupported(sp, "arity", "operator " + od.name() + " expects " + od.params().size()
          + " arguments, got " + args.size());
    }
    Ctx bc = bodyCtx;
    for (int i = 0; i < args.size(); i++) {
      bc = bc.bind(od.params().get(i), args.get(i));
    }
    return lower(od.body(), bc, structural);
  }

  private static void noArgs(Span sp, String n, List<Entity> args) {
    if (!args.isEmpty()) {
      throw new Unsupported(sp, "arity", n + " is not an operator with arguments");
    }
  }

  /** Binds one argument expression for an operator parameter of the given arity. */
  Entity argument(Expr arg, int arity, Ctx c) {
    if (arity == 0) {
      return new Entity.Thunk(arg, c);
    }
    if (arg instanceof Expr.Lambda l) {
      return new Entity.OpArg(null, l, c);
    }
    return new Entity.OpArg(bindingOf(arg, arg.span()), null, c);
  }

  private List<Entity> arguments(List<Expr> args, List<Integer> arities, Ctx c) {
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      out.add(argument(args.get(i), i < arities.size() ? arities.get(i) : 0, c));
    }
    return out;
  }

  /** The arities of the parameters of what {@code b} names (0 for a value parameter). */
  List<Integer> arities(Binding b, int n) {
    List<Integer> out = new ArrayList<>();
    List<Unit.OpDecl> params = b instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od
        ? od.params() : List.of();
    for (int i = 0; i < n; i++) {
      out.add(i < params.size() ? params.get(i).arity() : 0);
    }
    if (b instanceof Binding.Builtin bi) {
      List<Integer> ps = StdModules.OPERATOR_PARAMS.get(bi.name());
      for (int i = 0; ps != null && i < n && i < ps.size(); i++) {
        out.set(i, ps.get(i));
      }
    }
    return out;
  }

  private IrExpr apply(Expr.Apply a, Ctx c, boolean structural) {
    Span sp = a.span();
    String op = a.op();
    List<Expr> args = a.args();
    Binding b = bindingOf(a, sp);
    if (b instanceof Binding.Builtin bi && bi.module().isEmpty()) {
      IrExpr special = core(a, bi.name(), c, structural);
      if (special != null) {
        return special;
      }
    }
    return use(sp, op, b, args, List.of(), c, structural);
  }

  /** Core operators with their own lowering (priming, UNCHANGED, junctions in structural positions); else null. */
  private IrExpr core(Expr.Apply a, String op, Ctx c, boolean structural) {
    Span sp = a.span();
    List<Expr> args = a.args();
    if (op.equals("'")) {
      if (c.primed) {
        throw Unsupported.construct(sp, "double prime");
      }
      return lower(args.get(0), c.withPrimed(true), structural);
    }
    if (op.equals("UNCHANGED")) {
      if (c.primed) {
        throw Unsupported.construct(sp, "UNCHANGED inside a primed expression");
      }
      return unchanged(args.get(0), c);
    }
    if (op.equals("ENABLED")) {
      return enabled(sp, args.get(0), c);
    }
    if (UNSUPPORTED_CORE.contains(op)) {
      throw Unsupported.construct(sp, "operator " + op + " (temporal or action operator outside the fragment)");
    }
    if (structural && (op.equals("/\\") || op.equals("\\/"))) {
      List<IrExpr> items = new ArrayList<>();
      for (Expr x : args) {
        items.add(pred(x, c));
      }
      return new IrExpr.Apply(sp, op.equals("/\\") ? Operator.AND : Operator.OR, items);
    }
    if (structural && op.equals("=>")) {
      return new IrExpr.Apply(sp, Operator.IMPLIES, List.of(value(args.get(0), c), pred(args.get(1), c)));
    }
    return null;
  }

  /**
   * {@code ENABLED A}: A lowered as an action of Next is (assignments seen through its operators),
   * from the current state; true when it has a successor, as TLC's {@code enabled} computes it.
   */
  IrExpr enabled(Span sp, Expr action, Ctx c) {
    if (c.primed) {
      throw Unsupported.construct(sp, "ENABLED inside a primed expression");
    }
    return new IrExpr.Apply(sp, Operator.ENABLED, List.of(pred(action, c)));
  }

  private IrExpr qualified(Expr.Qualified q, Ctx c, boolean structural) {
    Target t = target(q, c);
    // the arguments are written here (the caller's context); the operator is used in the instance's
    List<Entity> args = arguments(q.args(), arities(t.op(), q.args().size()), c);
    return entity(q.span(), q.op(), t.op(), args, t.ctx(), structural);
  }

  /** The operator a qualified name {@code A!B!Op} denotes and the context (environment) to use it in. */
  record Target(Binding op, Ctx ctx) {}

  Target target(Expr.Qualified q, Ctx c) {
    Ctx at = c;
    Instantiation last = null;
    for (Expr.Step st : q.path()) {
      Binding b = bindingOf(st, st.span());
      if (!(b instanceof Binding.ModuleInstance mi)) {
        throw Unsupported.construct(st.span(), st.name() + " is not an instance");
      }
      Env env;
      if (c.local(mi.def(), null) instanceof Entity.Thunk letLevel) {
        // an instance defined in a LET: lowered afresh at each use, in the LET's context
        Ctx outer = letLevel.ctx();
        List<Entity> args = arguments(st.args(), mi.def().params().stream().map(Unit.OpDecl::arity).toList(), c);
        for (int i = 0; i < args.size(); i++) {
          outer = outer.bind(mi.def().params().get(i), args.get(i));
        }
        env = env(mi.instantiation(), outer, mi.def().name(), true);
      } else if (mi.def().params().isEmpty()) {
        env = env(mi.instantiation(), Ctx.root(at.env), mi.def().name(), false);
      } else {
        // P(e)!Op: the instance's parameters stand for this use's arguments
        Ctx outer = Ctx.root(at.env);
        List<Entity> args = arguments(st.args(), mi.def().params().stream().map(Unit.OpDecl::arity).toList(), c);
        for (int i = 0; i < args.size(); i++) {
          outer = outer.bind(mi.def().params().get(i), args.get(i));
        }
        env = env(mi.instantiation(), outer, mi.def().name(), true);
      }
      at = c.enter(env);
      last = mi.instantiation();
    }
    Binding op = bindingOf(q, q.span());
    if (op instanceof Binding.Definition d && d.via() == last) {
      op = new Binding.Definition(d.module(), d.def(), null);   // the path already entered it
    }
    if (!(op instanceof Binding.Definition)) {
      throw Unsupported.construct(q.span(), "qualified reference to a declaration " + q.op());
    }
    return new Target(op, at);
  }

  /** Lowers the value of a bound argument (an operator argument turned into a value). */
  IrExpr argValue(Span sp, Entity arg, Ctx c) {
    return local(sp, "argument", arg, List.of(), c, false);
  }

  /**
   * A binder of {@code kind} whose bound {@code e} ranges over the elements of {@code over} (a
   * sequence's, a bag's) and whose body is the operator argument {@code op} applied to e.
   */
  private IrExpr elementBinder(Span sp, IrExpr.BinderKind kind, String what, Entity over, Entity op, Ctx c) {
    int id = freshId();
    IrExpr.Ref e = new IrExpr.Ref(sp, RefKind.BOUND, "e", id);
    IrExpr elements = argValue(sp, over, c);
    IrExpr body = local(sp, what, op, List.of(new Entity.Value(e)), c, false);
    return new IrExpr.Binder(sp, kind, List.of(new IrExpr.Bound(sp, List.of("e"), List.of(id), false, elements)), body);
  }

  private IrExpr builtin(Span sp, String name, List<Entity> args, Ctx c) {
    int n = args.size();
    if (name.equals("SelectSeq") && n == 2) {
      return elementBinder(sp, IrExpr.BinderKind.SELECT_SEQ, "SelectSeq's test", args.get(0), args.get(1), c);
    }
    if (name.equals("BagOfAll") && n == 2) {
      return elementBinder(sp, IrExpr.BinderKind.BAG_OF_ALL, "BagOfAll's operator", args.get(1), args.get(0), c);
    }
    List<IrExpr> vals = new ArrayList<>();
    for (Entity a : args) {
      vals.add(argValue(sp, a, c));
    }
    if (name.equals("\\X")) {
      return new IrExpr.Apply(sp, Operator.PRODUCT, vals);
    }
    Operator op = Builtins.lookup(name, n);
    if (op == null) {
      throw Unsupported.construct(sp, "operator " + name + " with " + n + " arguments");
    }
    return new IrExpr.Apply(sp, op, vals);
  }

  private IrExpr fnApply(Expr.FnApply f, Ctx c) {
    Span sp = f.span();
    if (f.fn() instanceof Expr.Name nm && program.binding(nm) instanceof Binding.Definition bd
        && bd.def() instanceof Unit.FunctionDef) {
      Entity en = c.local(bd.def(), null);
      if (en == null) {
        Env env = bd.via() == null ? c.env : env(bd.via(), Ctx.root(c.env), null, false);
        MachineIr.Definition def = defs.lowerFunction(defs.info(bd.def(), env));
        List<IrExpr> args = values(f.args(), c);
        if (args.size() != def.params().size() - def.captured()) {
          return new IrExpr.Apply(sp, Operator.APPLY, List.of(value(f.fn(), c), tupleOf(sp, args)));
        }
        return new IrExpr.Call(sp, def.name(), args);
      }
      if (en instanceof Entity.LetFunction lf) {
        MachineIr.Definition def = defs.definition(lf.key());
        List<IrExpr> args = values(f.args(), c);
        if (def != null && args.size() == def.params().size() - def.captured()) {
          List<IrExpr> all = new ArrayList<>(lf.captured());
          all.addAll(args);
          return new IrExpr.Call(sp, lf.key(), all);
        }
      }
    }
    IrExpr fn = value(f.fn(), c);
    List<IrExpr> args = values(f.args(), c);
    return new IrExpr.Apply(sp, Operator.APPLY, List.of(fn, tupleOf(sp, args)));
  }

  private static IrExpr tupleOf(Span sp, List<IrExpr> args) {
    return args.size() == 1 ? args.get(0) : new IrExpr.Apply(sp, Operator.TUPLE, args);
  }

  private IrExpr except(Expr.Except x, Ctx c) {
    IrExpr fn = value(x.fn(), c);
    List<IrExpr.Clause> clauses = new ArrayList<>();
    for (Expr.ExceptClause cl : x.clauses()) {
      List<IrExpr> path = new ArrayList<>();
      for (Expr.PathStep st : cl.path()) {
        if (st instanceof Expr.FieldStep fs) {
          path.add(new IrExpr.Lit(fs.span(), LitKind.STRING, fs.field()));
        } else {
          Expr.IndexStep is = (Expr.IndexStep) st;
          path.add(tupleOf(is.span(), values(is.args(), c)));
        }
      }
      int atId = freshId();
      Ctx vc = c.bind(AT, new Entity.Value(new IrExpr.Ref(cl.span(), RefKind.AT, "@", atId)));
      clauses.add(new IrExpr.Clause(cl.span(), path, value(cl.value(), vc), atId));
    }
    return new IrExpr.Except(x.span(), fn, clauses);
  }

  // ------------------------------------------------------------------ LET and UNCHANGED

  private IrExpr let(Expr.Let l, Ctx c, boolean structural) {
    Ctx lc = c;
    List<IrExpr.LetDef> locals = new ArrayList<>();
    List<Unit> units = l.defs();
    Set<String> recursive = new java.util.HashSet<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u instanceof Unit.OperatorDef od) {
        if (!od.params().isEmpty() || recursive.contains(od.name())) {
          // with parameters (or RECURSIVE): inlined at each use, in the LET's context
          lc = lc.bind(od, new Entity.LetOperator(od, lc));
          continue;
        }
        int uses = Uses.count(program, od, units.subList(i + 1, units.size()), l.body());
        if (uses <= 1 || program.levels().ofDefinition(od) >= Levels.ACTION) {
          lc = lc.bind(od, new Entity.Thunk(od.body(), lc));
          continue;
        }
        IrExpr v = value(od.body(), lc);
        if (defs.level(v) >= Levels.ACTION) {
          lc = lc.bind(od, new Entity.Thunk(od.body(), lc));
          continue;
        }
        int id = freshId();
        locals.add(new IrExpr.LetDef(od.span(), od.name(), id, v));
        lc = lc.bind(od, new Entity.Cached(new IrExpr.Ref(od.span(), RefKind.BOUND, od.name(), id), od.body(), lc));
      } else if (u instanceof Unit.FunctionDef fd) {
        lc = defs.letFunction(fd, lc);
      } else if (u instanceof Unit.Recursive r) {
        r.names().forEach(d -> recursive.add(d.name()));
      } else if (u instanceof Unit.ModuleDef md) {
        // its substitutions may use this LET's context: remembered for the instance's uses
        lc = lc.bind(md, new Entity.Thunk(null, lc));
      } else {
        throw Unsupported.construct(u.span(), "this kind of LET definition");
      }
    }
    IrExpr body = lower(l.body(), lc, structural);
    return locals.isEmpty() ? body : new IrExpr.Let(l.span(), locals, body);
  }

  /** The number of the spec's variables (the first shadow slot, {@link Ctx.Shadow}). */
  int variableCount() {
    return variables.size();
  }

  /** {@code UNCHANGED e}: variables (assigned or tested), tuples of them, definitions unfolded, else a test. */
  IrExpr unchanged(Expr e, Ctx c) {
    List<IrExpr> items = new ArrayList<>();
    List<IrExpr> shadowed = new ArrayList<>();
    unchangedItems(e, c, items, shadowed);
    IrExpr unchanged = new IrExpr.Apply(e.span(), Operator.UNCHANGED, items);
    if (shadowed.isEmpty()) {
      return unchanged;
    }
    // the shadow slots of an instance's variables (Ctx.Shadow): x' = x, x read through its substitution
    List<IrExpr> all = new ArrayList<>(shadowed);
    if (!items.isEmpty()) {
      all.add(0, unchanged);
    }
    return all.size() == 1 ? all.get(0) : new IrExpr.Apply(e.span(), Operator.AND, all);
  }

  private void unchangedItems(Expr e, Ctx c, List<IrExpr> out, List<IrExpr> shadowed) {
    if (c.depth > MAX_DEPTH) {
      throw Unsupported.construct(e.span(), "UNCHANGED nesting too deep");
    }
    if (e instanceof Expr.Tuple t) {
      for (Expr x : t.elements()) {
        unchangedItems(x, c, out, shadowed);
      }
      return;
    }
    Binding b = e instanceof Expr.Name || e instanceof Expr.Qualified ? program.binding(e) : null;
    Ctx at = c;
    if (e instanceof Expr.Qualified q && q.args().isEmpty() && b != null) {
      Target t = target(q, c);
      b = t.op();
      at = t.ctx();
    }
    if (b instanceof Binding.Variable v && at.env.isRoot()) {
      out.add(new IrExpr.Ref(e.span(), RefKind.VAR, v.decl().name(), variables.indexOf(v)));
      return;
    }
    if (b instanceof Binding.Variable v && at.withPrimed(true).shadows(at.env)) {
      shadowed.add(new IrExpr.Apply(e.span(), Operator.EQ, List.of(entity(e.span(), v.decl().name(), v, List.of(),
          at.withPrimed(true), false), entity(e.span(), v.decl().name(), v, List.of(), at, false))));
      return;
    }
    if ((b instanceof Binding.Variable || b instanceof Binding.Constant) && !at.env.isRoot()) {
      String n = b instanceof Binding.Variable v ? v.decl().name() : ((Binding.Constant) b).decl().name();
      Expr sub = at.env.instantiation.substitutions().get(n);
      if (sub != null && b.arity() == 0) {
        unchangedItems(sub, at.env.outer.deeper(), out, shadowed);
        return;
      }
    }
    Entity en = null;
    if (b instanceof Binding.Param p) {
      en = at.local(p.decl(), null);
    } else if (b instanceof Binding.BoundVar bv) {
      en = at.local(bv.bound(), bv.name());
    } else if (b instanceof Binding.Definition d) {
      en = at.local(d.def(), null);
      if (en == null && d.def() instanceof Unit.OperatorDef od && od.params().isEmpty()
          && !(at.env.isRoot() && overrides.containsKey(od))) {
        Env env = d.via() == null ? at.env : env(d.via(), Ctx.root(at.env), null, false);
        unchangedItems(od.body(), at.enter(env), out, shadowed);
        return;
      }
    }
    if (en instanceof Entity.Thunk t && t.expr() != null) {
      unchangedItems(t.expr(), t.ctx().deeper(), out, shadowed);
      return;
    }
    IrExpr now = value(e, c);
    IrExpr next = value(e, c.withPrimed(true));
    out.add(new IrExpr.Apply(e.span(), Operator.EQ, List.of(next, now)));
  }

  /** For the lowering's callers: a literal IR value from a config value (sets normalized at run time). */
  static IrExpr literal(Span sp, CfgValue v) {
    if (v instanceof CfgValue.IntValue i) {
      return new IrExpr.Lit(sp, LitKind.INT, i.value().toString());
    }
    if (v instanceof CfgValue.StringValue s) {
      return new IrExpr.Lit(sp, LitKind.STRING, s.value());
    }
    if (v instanceof CfgValue.BoolValue b) {
      return new IrExpr.Lit(sp, LitKind.BOOL, Boolean.toString(b.value()));
    }
    if (v instanceof CfgValue.ModelValue m) {
      return new IrExpr.Lit(sp, LitKind.MODEL_VALUE, m.name());
    }
    List<IrExpr> elems = new ArrayList<>();
    List<CfgValue> src = v instanceof CfgValue.SetValue s ? s.elements() : ((CfgValue.TupleValue) v).elements();
    for (CfgValue x : src) {
      elems.add(literal(sp, x));
    }
    return new IrExpr.Apply(sp, v instanceof CfgValue.SetValue ? Operator.SET_ENUM : Operator.TUPLE, elems);
  }
}
