package io.finalspec.codegen.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression with its binder ids renumbered in order of appearance, so that two expressions
 * equal up to the names of their bound ids compare equal as records.
 *
 * <p>The lowering gives every inlined copy of an operator fresh ids (so that inlining never
 * captures): the action {@code A(t)} reached from Next and from {@code WF_vars(A(t))} is one body
 * with two sets of ids. Its alpha form is the same for both, and the emitter compiles it once.
 * Ids become negative numbers from -1 down, parameters first; an id that is neither a parameter
 * nor bound inside the expression keeps its (non-negative, machine-wide unique) value, so two
 * expressions with different free variables never compare equal.
 */
public final class AlphaForm {
  private final Map<Integer, Integer> renamed = new HashMap<>();

  private AlphaForm() {}

  /** {@code e} with {@code params} renumbered first, then every id bound inside it. */
  public static IrExpr of(IrExpr e, List<Integer> params) {
    AlphaForm a = new AlphaForm();
    params.forEach(a::bind);
    return a.expr(e);
  }

  private int bind(int id) {
    return renamed.computeIfAbsent(id, k -> -1 - renamed.size());
  }

  private int id(int id) {
    return renamed.getOrDefault(id, id);
  }

  private IrExpr expr(IrExpr e) {
    if (e == null) {
      return null;
    }
    if (e instanceof IrExpr.Ref r) {
      boolean bound = r.kind() == IrExpr.RefKind.BOUND || r.kind() == IrExpr.RefKind.AT;
      return bound ? new IrExpr.Ref(r.span(), r.kind(), r.name(), id(r.index())) : r;
    }
    if (e instanceof IrExpr.Apply a) {
      return new IrExpr.Apply(a.span(), a.op(), exprs(a.args()));
    }
    if (e instanceof IrExpr.Call c) {
      return new IrExpr.Call(c.span(), c.def(), exprs(c.args()));
    }
    if (e instanceof IrExpr.Binder b) {
      return binder(b);
    }
    if (e instanceof IrExpr.Let l) {
      return let(l);
    }
    if (e instanceof IrExpr.If i) {
      return new IrExpr.If(i.span(), expr(i.cond()), expr(i.then()), expr(i.otherwise()));
    }
    if (e instanceof IrExpr.Case c) {
      return caseOf(c);
    }
    if (e instanceof IrExpr.Except x) {
      return except(x);
    }
    return e; // a literal
  }

  private List<IrExpr> exprs(List<IrExpr> es) {
    List<IrExpr> out = new ArrayList<>(es.size());
    es.forEach(x -> out.add(expr(x)));
    return out;
  }

  private IrExpr binder(IrExpr.Binder b) {
    List<IrExpr.Bound> bounds = new ArrayList<>();
    for (IrExpr.Bound bd : b.bounds()) {
      // the sets are outside the scope of the binder's own names
      bounds.add(new IrExpr.Bound(bd.span(), bd.names(), bd.ids(), bd.tuple(), expr(bd.set())));
    }
    List<IrExpr.Bound> renumbered = new ArrayList<>();
    for (IrExpr.Bound bd : bounds) {
      List<Integer> ids = new ArrayList<>();
      bd.ids().forEach(i -> ids.add(bind(i)));
      renumbered.add(new IrExpr.Bound(bd.span(), bd.names(), ids, bd.tuple(), bd.set()));
    }
    return new IrExpr.Binder(b.span(), b.kind(), renumbered, expr(b.body()));
  }

  private IrExpr let(IrExpr.Let l) {
    List<IrExpr.LetDef> defs = new ArrayList<>();
    for (IrExpr.LetDef d : l.defs()) {
      IrExpr value = expr(d.value());
      defs.add(new IrExpr.LetDef(d.span(), d.name(), bind(d.id()), value));
    }
    return new IrExpr.Let(l.span(), defs, expr(l.body()));
  }

  private IrExpr caseOf(IrExpr.Case c) {
    List<IrExpr.Arm> arms = new ArrayList<>();
    c.arms().forEach(a -> arms.add(new IrExpr.Arm(a.span(), expr(a.guard()), expr(a.body()))));
    return new IrExpr.Case(c.span(), arms, expr(c.other()));
  }

  private IrExpr except(IrExpr.Except x) {
    IrExpr fn = expr(x.fn());
    List<IrExpr.Clause> clauses = new ArrayList<>();
    for (IrExpr.Clause c : x.clauses()) {
      List<IrExpr> path = exprs(c.path());
      int at = bind(c.atId());
      clauses.add(new IrExpr.Clause(c.span(), path, expr(c.value()), at));
    }
    return new IrExpr.Except(x.span(), fn, clauses);
  }
}
