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
import java.util.ArrayList;
import java.util.List;

/**
 * AST expressions to IR. Names are resolved through {@link Ctx}; user operators are called when
 * they compile to a method (constant- or state-level, no operator parameters) and inlined
 * otherwise (action level, operator parameters, LAMBDA), call by name as TLC evaluates arguments
 * lazily. In <em>structural</em> positions (the conjuncts, disjuncts, quantifier bodies and branches
 * of Init and of an action, where TLC's {@code getInitStates}/{@code getNextStates} descend into
 * operator bodies) user operators are always inlined so the emitter sees their assignments.
 */
final class ExprLowering {
  private static final int MAX_DEPTH = 200;

  private final Definitions defs;
  private int nextId;

  ExprLowering(Definitions defs) {
    this.defs = defs;
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
      return name(sp, n.name(), c, structural);
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
      Entity at = c.lookup("@");
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
        ic = ic.bind(n, new Entity.Value(new IrExpr.Ref(b.span(), RefKind.BOUND, n, id)));
      }
      out.add(new IrExpr.Bound(b.span(), b.names(), ids, b.tuple(), set));
    }
    inner[0] = ic;
    return out;
  }

  // ------------------------------------------------------------------ names and applications

  private IrExpr name(Span sp, String n, Ctx c, boolean structural) {
    Entity en = c.lookup(n);
    if (en == null) {
      Operator op = Builtins.lookup(n, 0);
      if (op != null) {
        return new IrExpr.Apply(sp, op, List.of());
      }
      throw Unsupported.undefined(sp, n);
    }
    return entity(sp, n, en, List.of(), c, structural);
  }

  /** The value of entity {@code en} applied to {@code args} (bindings of the arguments). */
  IrExpr entity(Span sp, String n, Entity en, List<Entity> args, Ctx c, boolean structural) {
    if (en instanceof Entity.Variable v) {
      noArgs(sp, n, args);
      return new IrExpr.Ref(sp, c.primed ? RefKind.PRIMED : RefKind.VAR, v.name(), v.index());
    }
    if (en instanceof Entity.Constant k) {
      noArgs(sp, n, args);
      return new IrExpr.Ref(sp, RefKind.CONST, k.name(), -1);
    }
    if (en instanceof Entity.Value v) {
      noArgs(sp, n, args);
      return v.expr();
    }
    if (en instanceof Entity.Thunk t) {
      noArgs(sp, n, args);
      return lower(t.expr(), t.ctx().usedFrom(c), structural);
    }
    if (en instanceof Entity.Definition d) {
      return defs.use(d.def(), sp, args, c, structural);
    }
    if (en instanceof Entity.Builtin b) {
      return builtin(sp, b.name(), args, c);
    }
    if (en instanceof Entity.OpArg o) {
      if (o.lambda() != null) {
        Expr.Lambda l = o.lambda();
        if (l.params().size() != args.size()) {
          throw new Unsupported(sp, "arity", "LAMBDA expects " + l.params().size() + " arguments, got " + args.size());
        }
        Ctx lc = o.ctx().usedFrom(c);
        for (int i = 0; i < args.size(); i++) {
          lc = lc.bind(l.params().get(i), args.get(i));
        }
        return lower(l.body(), lc, structural);
      }
      return entity(sp, n, o.target(), args, c, structural);
    }
    if (en instanceof Entity.LetOperator lo) {
      Unit.OperatorDef od = lo.def();
      Ctx lc = lo.ctx().usedFrom(c);
      return inlineBody(sp, od, args, lc, structural);
    }
    if (en instanceof Entity.LetFunction f) {
      noArgs(sp, n, args);
      return new IrExpr.Call(sp, f.key(), f.captured());
    }
    throw Unsupported.construct(sp, "use of instance " + n + " as a value");
  }

  /** Binds the parameters of {@code od} to {@code args} in {@code bodyCtx} and lowers its body. */
  IrExpr inlineBody(Span sp, Unit.OperatorDef od, List<Entity> args, Ctx bodyCtx, boolean structural) {
    if (od.params().size() != args.size()) {
      throw new Unsupported(sp, "arity", "operator " + od.name() + " expects " + od.params().size()
          + " arguments, got " + args.size());
    }
    Ctx bc = bodyCtx;
    for (int i = 0; i < args.size(); i++) {
      bc = bc.bind(od.params().get(i).name(), args.get(i));
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
      if (arg instanceof Expr.Lambda || arg instanceof Expr.OpArg) {
        throw new Unsupported(arg.span(), "arity", "an operator passed where a value is expected");
      }
      return new Entity.Thunk(arg, c);
    }
    if (arg instanceof Expr.Lambda l) {
      return new Entity.OpArg(null, l, c);
    }
    if (arg instanceof Expr.OpArg o) {
      return new Entity.OpArg(new Entity.Builtin(o.op()), null, c);
    }
    if (arg instanceof Expr.Name n) {
      Entity en = c.lookup(n.name());
      if (en == null) {
        if (Builtins.isBuiltinName(n.name())) {
          return new Entity.OpArg(new Entity.Builtin(n.name()), null, c);
        }
        throw Unsupported.undefined(n.span(), n.name());
      }
      return new Entity.OpArg(en, null, c);
    }
    throw Unsupported.construct(arg.span(), "operator argument of this form");
  }

  private List<Entity> arguments(List<Expr> args, List<Integer> arities, Ctx c) {
    List<Entity> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      out.add(argument(args.get(i), i < arities.size() ? arities.get(i) : 0, c));
    }
    return out;
  }

  static List<Integer> arities(Entity en, int n) {
    List<Integer> out = new ArrayList<>();
    Unit.OperatorDef od = null;
    if (en instanceof Entity.Definition d && d.def().unit instanceof Unit.OperatorDef o) {
      od = o;
    } else if (en instanceof Entity.LetOperator lo) {
      od = lo.def();
    }
    for (int i = 0; i < n; i++) {
      out.add(od != null && i < od.params().size() ? od.params().get(i).arity() : 0);
    }
    if (en instanceof Entity.Builtin b && b.name().equals("SelectSeq") && n == 2) {
      out.set(1, 1);
    }
    return out;
  }

  private IrExpr apply(Expr.Apply a, Ctx c, boolean structural) {
    Span sp = a.span();
    String op = a.op();
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
    if (Builtins.UNSUPPORTED.contains(op)) {
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
    Entity en = c.lookup(op);
    if (en == null) {
      if (Builtins.isBuiltinName(op)) {
        List<Entity> bound = arguments(args, arities(new Entity.Builtin(op), args.size()), c);
        return builtin(sp, op, bound, c);
      }
      throw Unsupported.undefined(sp, op);
    }
    return entity(sp, op, en, arguments(args, arities(en, args.size()), c), c, structural);
  }

  private IrExpr qualified(Expr.Qualified q, Ctx c, boolean structural) {
    ModuleScope scope = null;
    for (Expr.Step st : q.path()) {
      if (!st.args().isEmpty()) {
        throw Unsupported.construct(st.span(), "parameterized INSTANCE " + st.name());
      }
      Entity en = scope == null ? c.lookup(st.name()) : scope.lookup(st.name());
      if (!(en instanceof Entity.Instance inst)) {
        throw Unsupported.undefined(st.span(), st.name());
      }
      scope = inst.scope();
    }
    Entity en = scope.lookup(q.op());
    if (en == null) {
      throw Unsupported.undefined(q.span(), q.op());
    }
    if (!(en instanceof Entity.Definition)) {
      throw Unsupported.construct(q.span(), "qualified reference to a declaration " + q.op());
    }
    return entity(q.span(), q.op(), en, arguments(q.args(), arities(en, q.args().size()), c), c, structural);
  }

  /** Lowers the value of a bound argument (an operator argument turned into a value). */
  IrExpr argValue(Span sp, Entity arg, Ctx c) {
    return entity(sp, "argument", arg, List.of(), c, false);
  }

  private IrExpr builtin(Span sp, String name, List<Entity> args, Ctx c) {
    int n = args.size();
    if (name.equals("SelectSeq") && n == 2) {
      int id = freshId();
      IrExpr.Ref x = new IrExpr.Ref(sp, RefKind.BOUND, "e", id);
      IrExpr seq = argValue(sp, args.get(0), c);
      IrExpr test = applyOperator(sp, args.get(1), List.of(new Entity.Value(x)), c);
      return new IrExpr.Binder(sp, IrExpr.BinderKind.SELECT_SEQ,
          List.of(new IrExpr.Bound(sp, List.of("e"), List.of(id), false, seq)), test);
    }
    List<IrExpr> vals = new ArrayList<>();
    for (Entity a : args) {
      vals.add(argValue(sp, a, c));
    }
    if (name.equals("\\X")) {
      return new IrExpr.Apply(sp, Operator.PRODUCT, vals);
    }
    if (name.equals("\\subset") && n == 2) {
      return new IrExpr.Apply(sp, Operator.AND, List.of(new IrExpr.Apply(sp, Operator.SUBSETEQ, vals),
          new IrExpr.Apply(sp, Operator.NEQ, vals)));
    }
    if (name.equals("\\supseteq") && n == 2) {
      return new IrExpr.Apply(sp, Operator.SUBSETEQ, List.of(vals.get(1), vals.get(0)));
    }
    if (name.equals("\\supset") && n == 2) {
      List<IrExpr> rev = List.of(vals.get(1), vals.get(0));
      return new IrExpr.Apply(sp, Operator.AND, List.of(new IrExpr.Apply(sp, Operator.SUBSETEQ, rev),
          new IrExpr.Apply(sp, Operator.NEQ, rev)));
    }
    Operator op = Builtins.lookup(name, n);
    if (op == null) {
      throw Unsupported.construct(sp, "operator " + name + " with " + n + " arguments");
    }
    return new IrExpr.Apply(sp, op, vals);
  }

  /** Applies an operator-valued binding (a parameter of arity > 0) to argument bindings. */
  IrExpr applyOperator(Span sp, Entity op, List<Entity> args, Ctx c) {
    if (op instanceof Entity.Thunk t && t.expr() instanceof Expr.Name nm) {
      Entity target = t.ctx().lookup(nm.name());
      if (target == null && Builtins.isBuiltinName(nm.name())) {
        target = new Entity.Builtin(nm.name());
      }
      if (target == null) {
        throw Unsupported.undefined(sp, nm.name());
      }
      return entity(sp, nm.name(), target, args, c, false);
    }
    return entity(sp, "operator", op, args, c, false);
  }

  private IrExpr fnApply(Expr.FnApply f, Ctx c) {
    Span sp = f.span();
    if (f.fn() instanceof Expr.Name nm) {
      Entity en = c.lookup(nm.name());
      if (en instanceof Entity.Definition d && d.def().isFunction()) {
        MachineIr.Definition def = defs.lowerFunction(d.def());
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
      Ctx vc = c.bind("@", new Entity.Value(new IrExpr.Ref(cl.span(), RefKind.AT, "@", atId)));
      clauses.add(new IrExpr.Clause(cl.span(), path, value(cl.value(), vc), atId));
    }
    return new IrExpr.Except(x.span(), fn, clauses);
  }

  // ------------------------------------------------------------------ LET and UNCHANGED

  private IrExpr let(Expr.Let l, Ctx c, boolean structural) {
    Ctx lc = c;
    List<IrExpr.LetDef> locals = new ArrayList<>();
    List<Unit> units = l.defs();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      if (u instanceof Unit.OperatorDef od) {
        if (!od.params().isEmpty()) {
          lc = lc.bind(od.name(), new Entity.LetOperator(od, lc));
          continue;
        }
        int uses = Uses.count(od.name(), units.subList(i + 1, units.size()), l.body());
        if (uses <= 1) {
          lc = lc.bind(od.name(), new Entity.Thunk(od.body(), lc));
          continue;
        }
        IrExpr v = value(od.body(), lc);
        if (defs.level(v) == 2) {
          lc = lc.bind(od.name(), new Entity.Thunk(od.body(), lc));
          continue;
        }
        int id = freshId();
        locals.add(new IrExpr.LetDef(od.span(), od.name(), id, v));
        lc = lc.bind(od.name(), new Entity.Value(new IrExpr.Ref(od.span(), RefKind.BOUND, od.name(), id)));
      } else if (u instanceof Unit.FunctionDef fd) {
        lc = defs.letFunction(fd, lc);
      } else if (u instanceof Unit.Recursive) {
        continue;
      } else {
        throw Unsupported.construct(u.span(), "this kind of LET definition");
      }
    }
    IrExpr body = lower(l.body(), lc, structural);
    return locals.isEmpty() ? body : new IrExpr.Let(l.span(), locals, body);
  }

  /** {@code UNCHANGED e}: variables (assigned or tested), tuples of them, definitions unfolded, else a test. */
  IrExpr unchanged(Expr e, Ctx c) {
    List<IrExpr> items = new ArrayList<>();
    unchangedItems(e, c, items);
    return new IrExpr.Apply(e.span(), Operator.UNCHANGED, items);
  }

  private void unchangedItems(Expr e, Ctx c, List<IrExpr> out) {
    if (c.depth > MAX_DEPTH) {
      throw Unsupported.construct(e.span(), "UNCHANGED nesting too deep");
    }
    if (e instanceof Expr.Tuple t) {
      for (Expr x : t.elements()) {
        unchangedItems(x, c, out);
      }
      return;
    }
    Entity en = null;
    if (e instanceof Expr.Name n) {
      en = c.lookup(n.name());
    } else if (e instanceof Expr.Qualified q && q.args().isEmpty()) {
      try {
        ModuleScope scope = null;
        for (Expr.Step st : q.path()) {
          Entity s = scope == null ? c.lookup(st.name()) : scope.lookup(st.name());
          scope = s instanceof Entity.Instance i ? i.scope() : null;
        }
        en = scope == null ? null : scope.lookup(q.op());
      } catch (RuntimeException ex) {
        en = null;
      }
    }
    if (en instanceof Entity.Variable v) {
      out.add(new IrExpr.Ref(e.span(), RefKind.VAR, v.name(), v.index()));
      return;
    }
    if (en instanceof Entity.Thunk t) {
      unchangedItems(t.expr(), t.ctx().deeper(), out);
      return;
    }
    if (en instanceof Entity.Definition d && d.def().unit instanceof Unit.OperatorDef od && od.params().isEmpty()) {
      unchangedItems(od.body(), c.enter(d.def().scope), out);
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
