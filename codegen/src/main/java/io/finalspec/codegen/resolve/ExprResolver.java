package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprVisitor;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import java.util.List;

/** Resolves the names inside expressions for {@link Resolver}; one instance per module. */
final class ExprResolver implements ExprVisitor<Void> {
  private final Resolver r;
  private final Resolver.ModuleState st;
  private Scope scope;
  private int exceptDepth = 0;

  ExprResolver(Resolver r, Resolver.ModuleState st) {
    this.r = r;
    this.st = st;
  }

  void resolve(Expr e, Scope in) {
    if (e == null) {
      return;
    }
    Scope saved = scope;
    scope = in;
    try {
      e.accept(this);
    } finally {
      scope = saved;
    }
  }

  private void resolve(Expr e) {
    e.accept(this);
  }

  void declareBounds(Scope s, List<Bound> bounds) {
    for (Bound b : bounds) {
      for (String n : b.names()) {
        r.declare(s, n, new Binding.BoundVar(b, n), b.span());
      }
    }
  }

  /** Looks a name up, including RECURSIVE operators not yet defined (the use is patched later). */
  private Binding lookup(Object use, String name) {
    Binding b = scope.lookup(name);
    if (b != null) {
      return b;
    }
    Scope.RecursiveSlot slot = scope.lookupRecursive(name);
    if (slot != null) {
      if (slot.definition != null) {
        return slot.definition;
      }
      slot.pendingUses.add(use);
      return new Binding.Param(slot.decl);   // stands in for arity checks until the definition is seen
    }
    return null;
  }

  private void undefined(Span span, String name, boolean operator) {
    String home = io.finalspec.codegen.resolve.StdModules.homeOf(name);
    String hint = home == null ? "" : " (it is defined in the standard module " + home + ": add it to EXTENDS)";
    r.error(span, "undefined", "undefined " + (operator ? "operator" : "identifier") + " '" + name + "'" + hint);
  }

  private void record(Object use, Binding b) {
    if (!(b instanceof Binding.Param p && isPendingRecursive(p))) {
      r.uses.put(use, b);
    }
  }

  private boolean isPendingRecursive(Binding.Param p) {
    Scope.RecursiveSlot slot = scope.lookupRecursive(p.decl().name());
    return slot != null && slot.decl == p.decl();
  }

  /** An argument position: an operator of the given arity if {@code arity > 0}, else a value. */
  void resolveArgument(Expr arg, Scope in, int arity, String what) {
    Scope saved = scope;
    scope = in;
    try {
      argument(arg, arity, what);
    } finally {
      scope = saved;
    }
  }

  private void argument(Expr arg, int arity, String what) {
    if (arity == 0) {
      if (arg instanceof Expr.Lambda || arg instanceof Expr.OpArg) {
        r.error(arg.span(), "arity", what + " must be a value, not an operator");
        return;
      }
      resolve(arg);
      return;
    }
    if (arg instanceof Expr.Lambda l) {
      if (l.params().size() != arity) {
        r.error(arg.span(), "arity", what + " must be an operator of " + arity + " argument(s); this LAMBDA takes "
            + l.params().size());
      }
      resolve(arg);
      return;
    }
    String name = arg instanceof Expr.Name n ? n.name() : arg instanceof Expr.OpArg o ? o.op() : null;
    if (name == null) {
      r.error(arg.span(), "arity", what + " must be an operator of " + arity + " argument(s)");
      resolve(arg);
      return;
    }
    Binding b = lookup(arg, name);
    if (b == null) {
      undefined(arg.span(), name, true);
      return;
    }
    record(arg, b);
    if (b.arity() != arity && b.arity() != -1) {
      r.error(arg.span(), "arity", what + " must be an operator of " + arity + " argument(s); '" + name + "' takes "
          + b.arity());
    }
  }

  private static int paramArity(Binding callee, int i) {
    if (callee instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od && i < od.params().size()) {
      return od.params().get(i).arity();
    }
    if (callee instanceof Binding.Builtin b) {
      List<Integer> ps = StdModules.OPERATOR_PARAMS.get(b.name());
      return ps != null && i < ps.size() ? ps.get(i) : 0;
    }
    return 0;
  }

  private void call(Object use, Span span, Binding b, String name, List<Expr> args) {
    int n = args.size();
    if (b.arity() == -1 ? n < 2 : b.arity() != n) {
      if (b.arity() == 0) {
        r.error(span, "arity", "'" + name + "' is not an operator and takes no arguments"
            + (b instanceof Binding.Definition d && d.def() instanceof Unit.FunctionDef ? " (use " + name + "[...])" : ""));
      } else {
        r.error(span, "arity", "operator '" + name + "' takes " + b.arity() + " argument(s), got " + n);
      }
    }
    for (int i = 0; i < n; i++) {
      argument(args.get(i), paramArity(b, i), "argument " + (i + 1) + " of '" + name + "'");
    }
  }

  @Override public Void visitNum(Expr.Num e) { return null; }
  @Override public Void visitDecimal(Expr.Decimal e) { return null; }

  /** A label does not change its body's meaning; its parameters name bound variables already in scope. */
  @Override
  public Void visitLabel(Expr.Label e) {
    resolve(e.body());
    return null;
  }

  @Override
  public Void visitSubexprRef(Expr.SubexprRef e) {
    r.error(e.span(), "unsupported", "unsupported: subexpression reference (Op!1, Op!<<, Op!:, Op!@)");
    return null;
  }
  @Override public Void visitStr(Expr.Str e) { return null; }
  @Override public Void visitBool(Expr.Bool e) { return null; }

  @Override
  public Void visitName(Expr.Name e) {
    Binding b = lookup(e, e.name());
    if (b == null) {
      undefined(e.span(), e.name(), false);
      return null;
    }
    record(e, b);
    if (b.arity() > 0) {
      r.error(e.span(), "arity", "operator '" + e.name() + "' takes " + b.arity() + " argument(s)");
    }
    return null;
  }

  @Override
  public Void visitApply(Expr.Apply e) {
    Binding b = lookup(e, e.op());
    if (b == null) {
      undefined(e.span(), e.op(), true);
      for (Expr a : e.args()) {
        if (!(a instanceof Expr.Lambda || a instanceof Expr.OpArg)) {
          resolve(a);
        }
      }
      return null;
    }
    record(e, b);
    call(e, e.span(), b, e.op(), e.args());
    return null;
  }

  @Override
  public Void visitQualified(Expr.Qualified e) {
    ResolvedModule target = null;
    Instantiation via = null;
    for (int i = 0; i < e.path().size(); i++) {
      Expr.Step s = e.path().get(i);
      Binding b = i == 0 ? lookup(s, s.name()) : target.exports().get(s.name());
      if (!(b instanceof Binding.ModuleInstance mi)) {
        r.error(s.span(), "instance", "'" + s.name() + "' is not an instance (M == INSTANCE ...)");
        return null;
      }
      r.uses.put(s, b);
      call(s, s.span(), b, s.name(), s.args());
      via = mi.instantiation();
      target = i == 0 ? depOrStd(mi.instantiation().module()) : depOrStd(mi.instantiation().module());
      if (target == null) {
        return null;
      }
    }
    Binding op = target.exports().get(e.op());
    if (op == null || op instanceof Binding.Variable || op instanceof Binding.Constant) {
      r.error(e.span(), "undefined", "module " + target.name() + " has no definition '" + e.op() + "'");
      return null;
    }
    if (op instanceof Binding.Definition d && d.via() == null) {
      op = new Binding.Definition(d.module(), d.def(), via);
    }
    r.uses.put(e, op);
    call(e, e.span(), op, e.op(), e.args());
    return null;
  }

  private ResolvedModule depOrStd(String name) {
    ResolvedModule m = st.deps.get(name);
    if (m == null && StdModules.isStandard(name)) {
      return r.load(name, Span.point(name, 1, 1), st);
    }
    return m;
  }

  @Override
  public Void visitOpArg(Expr.OpArg e) {
    argument(e, 1, "operator argument");
    return null;
  }

  @Override
  public Void visitLambda(Expr.Lambda e) {
    Scope saved = scope;
    scope = new Scope(scope);
    List<Unit.OpDecl> decls = new java.util.ArrayList<>();
    for (String p : e.params()) {
      Unit.OpDecl decl = new Unit.OpDecl(e.span(), p, 0, Unit.Fixity.NAMED);
      decls.add(decl);
      r.declare(scope, p, new Binding.Param(decl), e.span());
    }
    r.lambdaParams.put(e, List.copyOf(decls));
    resolve(e.body());
    scope = saved;
    return null;
  }

  private void all(List<Expr> es) {
    for (Expr x : es) {
      resolve(x);
    }
  }

  @Override public Void visitJunction(Expr.Junction e) { all(e.items()); return null; }

  @Override
  public Void visitIf(Expr.If e) {
    all(List.of(e.cond(), e.then(), e.otherwise()));
    return null;
  }

  @Override
  public Void visitCase(Expr.Case e) {
    for (Expr.Arm a : e.arms()) {
      resolve(a.guard());
      resolve(a.body());
    }
    if (e.other() != null) {
      resolve(e.other());
    }
    return null;
  }

  @Override
  public Void visitLet(Expr.Let e) {
    Scope saved = scope;
    Scope let = new Scope(scope);
    for (Unit u : e.defs()) {
      r.unit(st, this, let, u, false);
    }
    r.checkRecursiveDefined(let);
    scope = let;
    resolve(e.body());
    scope = saved;
    return null;
  }

  /** Bound sets in the outer scope, then the names, then the body. */
  private void binder(List<Bound> bounds, List<Expr> bodies) {
    for (Bound b : bounds) {
      if (b.set() != null) {
        resolve(b.set());
      }
    }
    Scope saved = scope;
    scope = new Scope(scope);
    declareBounds(scope, bounds);
    all(bodies);
    scope = saved;
  }

  @Override public Void visitQuant(Expr.Quant e) { binder(e.bounds(), List.of(e.body())); return null; }
  @Override public Void visitChoose(Expr.Choose e) { binder(List.of(e.bound()), List.of(e.body())); return null; }
  @Override public Void visitSetEnum(Expr.SetEnum e) { all(e.elements()); return null; }
  @Override public Void visitSetFilter(Expr.SetFilter e) { binder(List.of(e.bound()), List.of(e.predicate())); return null; }
  @Override public Void visitSetMap(Expr.SetMap e) { binder(e.bounds(), List.of(e.element())); return null; }
  @Override public Void visitTuple(Expr.Tuple e) { all(e.elements()); return null; }
  @Override public Void visitFnConstruct(Expr.FnConstruct e) { binder(e.bounds(), List.of(e.body())); return null; }
  @Override public Void visitFnSet(Expr.FnSet e) { all(List.of(e.domain(), e.range())); return null; }

  @Override
  public Void visitFnApply(Expr.FnApply e) {
    resolve(e.fn());
    all(e.args());
    return null;
  }

  @Override
  public Void visitExcept(Expr.Except e) {
    resolve(e.fn());
    for (Expr.ExceptClause c : e.clauses()) {
      for (Expr.PathStep s : c.path()) {
        if (s instanceof Expr.IndexStep i) {
          all(i.args());
        }
      }
      exceptDepth++;
      resolve(c.value());
      exceptDepth--;
    }
    return null;
  }

  @Override
  public Void visitAt(Expr.At e) {
    if (exceptDepth == 0) {
      r.error(e.span(), "at", "'@' is only allowed in the value of an EXCEPT clause");
    }
    return null;
  }

  @Override
  public Void visitRecord(Expr.Record e) {
    e.fields().forEach(f -> resolve(f.value()));
    return null;
  }

  @Override
  public Void visitRecordSet(Expr.RecordSet e) {
    e.fields().forEach(f -> resolve(f.value()));
    return null;
  }

  @Override public Void visitSelect(Expr.Select e) { resolve(e.record()); return null; }
  @Override public Void visitActionExpr(Expr.ActionExpr e) { all(List.of(e.action(), e.subscript())); return null; }
  @Override public Void visitFairness(Expr.Fairness e) { all(List.of(e.subscript(), e.action())); return null; }
}
