package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.resolve.Binding;
import io.finalspec.codegen.resolve.ResolvedModule;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Next into actions the way TLC's {@code Tool.getActions} does (checked with TLC 1.1.0):
 * descend through disjunctions, bounded {@code \E} whose domains are constant (one action per
 * binding, the first bound variable varying fastest), LET, and applications of user operators
 * (binding their formal parameters: constant arguments become label values, other arguments are
 * substituted). Anything else is a leaf, labelled with the innermost user operator entered.
 *
 * <p>A fairness condition's action is split further ({@link #splitFair}): {@code g /\ A} where g is
 * constant once the split-time bindings are fixed ({@code t \in Daemons /\ DStep(t)}) becomes a
 * {@link ActionPlan.Guard}, A split on when g holds. Its instances are then those of Next where
 * Next has them, and the explorer takes the condition's steps from Next's successors. Labels of
 * fairness instances are never shown, so the finer split changes nothing TLC would print.
 */
final class NextSplitter {
  private final ResolvedModule program;
  private final ExprLowering lowering;
  private final Definitions defs;

  NextSplitter(ResolvedModule program, ExprLowering lowering, Definitions defs) {
    this.program = program;
    this.lowering = lowering;
    this.defs = defs;
  }

  /** Splits the definition the config names as NEXT (entered like an application of it). */
  ActionPlan splitNamed(Span sp, String name, Binding.Definition next, Ctx c) {
    Env env = next.via() == null ? c.env : lowering.env(next.via(), Ctx.root(c.env), null, false);
    return enter(sp, name, env, (Unit.OperatorDef) next.def(), List.of(), c, !env.substituted, false);
  }

  ActionPlan split(Expr e, Ctx c, String label, List<ActionPlan.Param> params) {
    return split(e, c, label, params, false);
  }

  /** Splits the action of a fairness condition, with constant guards split too. */
  ActionPlan splitFair(Expr e, Ctx c, String label) {
    return split(e, c, label, List.of(), true);
  }

  private ActionPlan split(Expr e, Ctx c, String label, List<ActionPlan.Param> params, boolean fine) {
    if (c.depth > 100) {
      throw Unsupported.construct(e.span(), "recursive operator in the next-state relation");
    }
    if (e instanceof Expr.Label l) {
      return split(l.body(), c, label, params, fine);   // TLC's getActions looks through labels
    }
    if (e instanceof Expr.Junction j && !j.conjunction() && j.items().size() > 1) {
      List<ActionPlan> alts = new ArrayList<>();
      for (Expr x : j.items()) {
        alts.add(split(x, c, label, params, fine));
      }
      return new ActionPlan.Choice(e.span(), alts);
    }
    if (e instanceof Expr.Junction j && j.items().size() == 1) {
      return split(j.items().get(0), c, label, params, fine);
    }
    if (e instanceof Expr.Apply a && a.op().equals("\\/") && a.args().size() == 2) {
      return new ActionPlan.Choice(e.span(), List.of(split(a.args().get(0), c, label, params, fine),
          split(a.args().get(1), c, label, params, fine)));
    }
    if (e instanceof Expr.Quant q && q.kind() == Expr.Quantifier.EXISTS
        && q.bounds().stream().allMatch(b -> b.set() != null)) {
      Ctx[] inner = {c};
      List<IrExpr.Bound> bounds = lowering.bounds(q.bounds(), c, inner, "unbounded quantifier");
      boolean constant = true;
      for (IrExpr.Bound b : bounds) {
        constant &= defs.level(b.set()) == 0;
      }
      if (constant) {
        return new ActionPlan.Expand(e.span(), bounds, split(q.body(), inner[0], label, params, fine));
      }
      return leaf(e, c, label, params);
    }
    if (fine) {
      ActionPlan guarded = guarded(e, c, label, params);
      if (guarded != null) {
        return guarded;
      }
    }
    if (e instanceof Expr.Let l && l.defs().stream().allMatch(u -> u instanceof Unit.OperatorDef)) {
      Ctx lc = c;
      for (Unit u : l.defs()) {
        Unit.OperatorDef od = (Unit.OperatorDef) u;
        lc = lc.bind(od, od.params().isEmpty() ? new Entity.Thunk(od.body(), lc) : new Entity.LetOperator(od, lc));
      }
      return split(l.body(), lc, label, params, fine);
    }
    Binding b = null;
    List<Expr> args = List.of();
    String name = null;
    Ctx at = c;
    if (e instanceof Expr.Name n) {
      b = program.binding(n);
      name = n.name();
    } else if (e instanceof Expr.Apply a && program.binding(a) instanceof Binding.Definition) {
      b = program.binding(a);
      args = a.args();
      name = a.op();
    } else if (e instanceof Expr.Qualified q) {
      ExprLowering.Target t = lowering.target(q, c);
      b = t.op();
      at = t.ctx();
      args = q.args();
      StringBuilder qn = new StringBuilder();
      for (Expr.Step st : q.path()) {
        qn.append(st.name()).append('!');
      }
      name = qn.append(q.op()).toString();
    }
    if (b instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od
        && od.params().size() == args.size() && at.local(od, null) == null) {
      Env env = d.via() == null ? at.env : lowering.env(d.via(), Ctx.root(at.env), null, false);
      return enter(e.span(), name, env, od, args, c, !env.substituted, fine);
    }
    return leaf(e, c, label, params);
  }

  /**
   * Enters user operator {@code od}, binding its formal parameters; its body is split further
   * unless it was reached through an INSTANCE with substitutions (TLC keeps such an action whole).
   */
  private ActionPlan enter(Span sp, String name, Env env, Unit.OperatorDef od, List<Expr> args, Ctx c,
                           boolean splitBody, boolean fine) {
    Ctx bc = c.enter(env);
    List<ActionPlan.Param> params = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      Unit.OpDecl p = od.params().get(i);
      Entity arg = lowering.argument(args.get(i), p.arity(), c);
      if (p.arity() == 0) {
        IrExpr v = lowering.argValue(sp, arg, c);
        if (defs.level(v) == 0) {
          int id = lowering.freshId();
          params.add(new ActionPlan.Param(p.name(), id, v));
          bc = bc.bind(p, new Entity.Value(new IrExpr.Ref(p.span(), RefKind.BOUND, p.name(), id)));
          continue;
        }
      }
      params.add(new ActionPlan.Param(p.name(), -1, null));
      bc = bc.bind(p, arg);
    }
    ActionPlan body = splitBody ? split(od.body(), bc, name, params, fine) : leaf(od.body(), bc, name, params);
    return new ActionPlan.Enter(sp, name, params, body);
  }

  /**
   * {@code g1 /\ ... /\ gk /\ A} whose first conjuncts are constant given the split-time
   * bindings, as a guard around A's split (the whole conjunction kept as the leaf for when the
   * guard cannot be evaluated as the machine is built); null for anything else.
   */
  private ActionPlan guarded(Expr e, Ctx c, String label, List<ActionPlan.Param> params) {
    List<Expr> items;
    if (e instanceof Expr.Junction j && j.conjunction() && j.items().size() > 1) {
      items = j.items();
    } else if (e instanceof Expr.Apply a && a.op().equals("/\\") && a.args().size() == 2) {
      items = a.args();
    } else {
      return null;
    }
    List<IrExpr> guards = new ArrayList<>();
    for (Expr g : items.subList(0, items.size() - 1)) {
      IrExpr ir = lowering.pred(g, c);
      if (defs.level(ir) != 0) {
        return null;
      }
      guards.add(ir);
    }
    IrExpr condition = guards.size() == 1 ? guards.get(0) : new IrExpr.Apply(e.span(), Operator.AND, guards);
    return new ActionPlan.Guard(e.span(), condition, split(items.get(items.size() - 1), c, label, params, true),
        leaf(e, c, label, params));
  }

  private ActionPlan leaf(Expr e, Ctx c, String label, List<ActionPlan.Param> params) {
    List<ActionPlan.Param> known = new ArrayList<>();
    for (ActionPlan.Param p : params) {
      if (p.id() >= 0) {
        known.add(p);
      }
    }
    return new ActionPlan.Leaf(e.span(), label, known, lowering.pred(e, c));
  }
}
