package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.ir.TemporalClause;
import io.finalspec.codegen.resolve.Binding;
import io.finalspec.codegen.resolve.Levels;
import io.finalspec.codegen.resolve.ResolvedModule;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporal part of a model: the fairness conjuncts of SPECIFICATION and the PROPERTY formulas,
 * lowered to what the explorer's liveness checker decides.
 *
 * <p>Fairness: {@code WF_v(A)}/{@code SF_v(A)} conjuncts, also inside conjunctions, 0-ary
 * definitions, {@code \A p \in S} with a constant S (one condition per p, as TLC expands it) and
 * implications {@code c => F} with a constant c (a condition only where c holds);
 * A is split like Next (it may be a disjunction, an {@code \E}, a named action with parameters).
 * A SPECIFICATION conjunct of any other temporal shape, or a fairness conjunct that cannot be
 * lowered, leaves the behaviours' fairness unknown: every liveness conjunct of every property then
 * becomes {@link TemporalClause.Unchecked} (its safety conjuncts are still checked).
 *
 * <p>Properties: conjunctions (also through 0-ary definitions, instances' definitions such as a
 * refinement's {@code Abs!Spec}, and constant {@code \A}) of P (checked on the initial states),
 * {@code []P}, {@code [][A]_v}, {@code <>P}, {@code []<>P}, {@code <>[]P}, {@code P ~> Q},
 * {@code [](P => <>Q)}, {@code [](P => []Q)}, {@code WF_v(A)} and {@code SF_v(A)} with P, Q state
 * predicates, and implications {@code c => F}, {@code S => F} and {@code A => F} (c constant, S a
 * state predicate, A a conjunction of WF/SF conditions, {@code []<>P} and {@code <>[]P}) of those;
 * any other conjunct is Unchecked with the reason.
 */
final class TemporalLowering {
  private static final int MAX_UNFOLD = 50;

  private final ResolvedModule program;
  private final Levels levels;
  private final ExprLowering lowering;
  private final NextSplitter splitter;
  private final Definitions defs;
  /** Why the fairness of the behaviour spec is not fully known (null when it is). */
  private String fairnessGap;

  TemporalLowering(ResolvedModule program, ExprLowering lowering, NextSplitter splitter, Definitions defs) {
    this.program = program;
    this.levels = program.levels();
    this.lowering = lowering;
    this.splitter = splitter;
    this.defs = defs;
  }

  // ------------------------------------------------------------------ fairness

  /** The fairness conditions among the temporal conjuncts of SPECIFICATION (those not [][Next]_v). */
  List<MachineIr.Fairness> fairness(List<Expr> conjuncts, Ctx root) {
    List<MachineIr.Fairness> out = new ArrayList<>();
    for (Expr x : conjuncts) {
      fairness(x, root, new Conditions(List.of(), List.of()), out, 0);
    }
    return out;
  }

  /**
   * Where a fairness conjunct applies: the enclosing {@code \A}'s bounds and the constant conditions
   * {@code c} of the enclosing implications {@code c => F}.
   */
  private record Conditions(List<IrExpr.Bound> forall, List<IrExpr> guards) {
    Conditions under(IrExpr guard) {
      List<IrExpr> more = new ArrayList<>(guards);
      more.add(guard);
      return new Conditions(forall, List.copyOf(more));
    }
  }

  private void fairness(Expr e, Ctx c, Conditions where, List<MachineIr.Fairness> out, int depth) {
    if (depth > MAX_UNFOLD) {
      gap(e.span(), "definitions nested too deeply");
      return;
    }
    if (e instanceof Expr.Fairness f) {
      try {
        String label = f.action() instanceof Expr.Name n ? n.name() : "Next";
        ActionPlan action = splitter.splitFair(f.action(), c, label);
        IrExpr sub = lowering.value(f.subscript(), c);
        out.add(new MachineIr.Fairness(f.span(), f.strong(), where.forall(), where.guards(), sub, action));
      } catch (Unsupported u) {
        gap(f.span(), u.diagnostic.message());
      }
      return;
    }
    List<Expr> parts = conjunction(e);
    if (parts != null) {
      parts.forEach(x -> fairness(x, c, where, out, depth + 1));
      return;
    }
    List<Expr> implication = operands(e, "=>");
    if (implication != null && levels.of(implication.get(1)) == Levels.TEMPORAL) {
      // c => WF_v(A) with a constant c (a model's switch, or a condition on the \A's names): TLC
      // asks for the fairness only where c holds
      Expr cond = implication.get(0);
      if (levels.of(cond) != Levels.CONSTANT) {
        gap(cond.span(), "the condition of an implication between fairness conjuncts is not constant");
        return;
      }
      try {
        fairness(implication.get(1), c, where.under(lowering.pred(cond, c)), out, depth + 1);
      } catch (Unsupported u) {
        gap(cond.span(), u.diagnostic.message());
      }
      return;
    }
    if (e instanceof Expr.Quant q && q.kind() == Expr.Quantifier.FORALL) {
      List<IrExpr.Bound> inner = new ArrayList<>(where.forall());
      Ctx ic = constantBounds(q, c, inner);
      if (ic == null) {
        gap(q.span(), "\\A over a set that is not constant");
      } else {
        fairness(q.body(), ic, new Conditions(inner, where.guards()), out, depth + 1);
      }
      return;
    }
    Unfolded u = unfold(e, c);
    if (u != null) {
      fairness(u.body, u.ctx, where, out, depth + 1);
      return;
    }
    gap(e.span(), "a conjunct of the behaviour spec that is neither WF nor SF");
  }

  private void gap(Span at, String why) {
    if (fairnessGap == null) {
      fairnessGap = "the behaviour spec's fairness is not fully supported (" + at.where() + ": " + why + ")";
    }
  }

  // ------------------------------------------------------------------ properties

  /**
   * The property the config names, {@code d} its definition; {@code constant}: TLC evaluates it once
   * before the search (its level by TLC's bound, which counts unused LET definitions).
   */
  MachineIr.Property property(Span at, String name, Binding.Definition d, boolean constant, Ctx root) {
    List<TemporalClause> clauses = new ArrayList<>();
    boolean triviallyFalse = false;
    Unit.OperatorDef od = (Unit.OperatorDef) d.def();
    Env env = d.via() == null ? root.env : lowering.env(d.via(), Ctx.root(root.env), null, false);
    Ctx c = d.via() == null ? root : root.enter(env);
    if (constant) {
      // TLC evaluates a constant property once, before the search, and stops when it is FALSE
      // (MachineIr.constantFormulas); one that holds holds in every state
      try {
        clauses.add(new TemporalClause.Always(od.body().span(), List.of(), name, lowering.pred(od.body(), c)));
      } catch (Unsupported u) {
        clauses.add(new TemporalClause.Unchecked(od.body().span(), u.diagnostic.message()));
      }
    } else {
      // a state-level property too is split into its conjuncts, each checked on the initial
      // states and named (as TLC names it) by its position unless it is the whole body
      triviallyFalse = clauses(od.body(), c, List.of(), clauses, name, 0);
    }
    return new MachineIr.Property(at, name, d.def().span(), clauses, triviallyFalse);
  }

  /**
   * {@code named}: the definition {@code e} is the body of (null below a conjunction or a
   * quantifier), which TLC uses to name an implied invariant or action. Returns whether {@code e} has
   * the conjunct {@code FALSE} (also nested), which adds no clause: TLC refuses such a property before
   * the search.
   */
  private boolean clauses(Expr e, Ctx c, List<IrExpr.Bound> forall, List<TemporalClause> out, String named, int depth) {
    if (depth > MAX_UNFOLD) {
      out.add(new TemporalClause.Unchecked(e.span(), "definitions nested too deeply"));
      return false;
    }
    List<Expr> parts = conjunction(e);
    if (parts != null) {
      boolean triviallyFalse = false;
      for (Expr x : parts) {
        triviallyFalse |= clauses(x, c, forall, out, null, depth + 1);
      }
      return triviallyFalse;
    }
    if (e instanceof Expr.Bool b && !b.value()) {
      // TLC stops before the search: "The spec is trivially false because FALSE is false."
      return true;
    }
    List<Expr> implication = operands(e, "=>");
    if (implication != null && (levels.of(implication.get(1)) == Levels.TEMPORAL
        || levels.of(implication.get(0)) == Levels.TEMPORAL)) {
      // a temporal consequent, or a state predicate under a temporal condition (A => P: P asked of
      // the initial states of the behaviours that satisfy A)
      return guarded(implication.get(0), implication.get(1), c, forall, out, depth);
    }
    if (e instanceof Expr.Quant q && q.kind() == Expr.Quantifier.FORALL && levels.of(q.body()) == Levels.TEMPORAL) {
      List<IrExpr.Bound> inner = new ArrayList<>(forall);
      Ctx ic = constantBounds(q, c, inner);
      if (ic == null) {
        out.add(new TemporalClause.Unchecked(q.span(), "\\A over a set that is not constant"));
        return false;
      }
      return clauses(q.body(), ic, inner, out, null, depth + 1);
    }
    if (levels.of(e) == Levels.TEMPORAL) {
      Unfolded u = unfold(e, c);
      if (u != null) {
        return clauses(u.body, u.ctx, forall, out, u.name, depth + 1);
      }
    }
    try {
      out.add(clause(e, c, forall, named));
    } catch (Unsupported u) {
      out.add(new TemporalClause.Unchecked(e.span(), u.diagnostic.message()));
    }
    return false;
  }

  /**
   * {@code cond => body} in a property: body's clauses, each asked only where cond holds. A constant
   * cond (a condition on the enclosing {@code \A}'s names, or a model's switch) is evaluated once
   * per binding ({@link TemporalClause.Guarded}); a state predicate is a condition on the first state
   * of a behaviour ({@link TemporalClause.From}). Under either, TLC decides {@code []P} and P with its
   * tableau, as temporal formulas, and so does the liveness checker here.
   */
  private boolean guarded(Expr cond, Expr body, Ctx c, List<IrExpr.Bound> forall, List<TemporalClause> out, int depth) {
    if (levels.of(cond) > Levels.STATE) {
      return assuming(cond, body, c, forall, out, depth);
    }
    boolean constant = levels.of(cond) == Levels.CONSTANT;
    IrExpr condition;
    try {
      condition = lowering.pred(cond, c);
    } catch (Unsupported u) {
      out.add(new TemporalClause.Unchecked(cond.span(), u.diagnostic.message()));
      return false;
    }
    consequent(body, c, forall, out, depth, x -> constant ? underConstant(condition, x) : underState(condition, x));
    return false;
  }

  /**
   * The clauses of {@code body}, the consequent of an implication, each as {@code under} makes it
   * (but an unchecked one, and {@code [][A]_v}, which TLC refuses there) into {@code out}.
   */
  private void consequent(Expr body, Ctx c, List<IrExpr.Bound> forall, List<TemporalClause> out, int depth,
                          java.util.function.UnaryOperator<TemporalClause> under) {
    List<TemporalClause> inner = new ArrayList<>();
    if (clauses(body, c, forall, inner, null, depth + 1)) {
      // the conjunct FALSE under a condition is no refusal for TLC: a violation by every behaviour
      // where the condition holds (nothing where it does not), so a conjunct <>FALSE
      inner.add(liveness(new TemporalClause.Eventually(body.span(), forall,
          new IrExpr.Lit(body.span(), IrExpr.LitKind.BOOL, Boolean.toString(false)))));
    }
    for (TemporalClause x : inner) {
      out.add(x instanceof TemporalClause.Unchecked ? x
          : x instanceof TemporalClause.AlwaysAction ? actionUnderImplication(x)
          : under.apply(x));
    }
  }

  /**
   * {@code A => body} in a property, A a conjunction of fairness conditions, {@code []<>P} and
   * {@code <>[]P} (also through 0-ary definitions, {@code \A} over constant sets and constant
   * conditions): body's clauses, each asked only of the behaviours that satisfy A too
   * ({@link TemporalClause.Assuming}), as TLC's tableau decides them.
   */
  private boolean assuming(Expr cond, Expr body, Ctx c, List<IrExpr.Bound> forall, List<TemporalClause> out,
                           int depth) {
    List<TemporalClause> assumed = new ArrayList<>();
    String notFair;
    try {
      notFair = assumptions(cond, c, forall, List.of(), assumed, depth + 1);
    } catch (Unsupported u) {
      notFair = u.diagnostic.message();
    }
    if (notFair != null) {
      out.add(new TemporalClause.Unchecked(cond.span(), notFair));
      return false;
    }
    consequent(body, c, forall, out, depth, x -> liveness(assumingFair(assumed, x)));
    return false;
  }

  /** Clause {@code x} (neither unchecked nor {@code [][A]_v}) asked of the behaviours that satisfy {@code assumed} too. */
  private static TemporalClause assumingFair(List<TemporalClause> assumed, TemporalClause x) {
    if (x instanceof TemporalClause.Guarded g) {
      return new TemporalClause.Guarded(g.guards(), assumingFair(assumed, g.clause()));
    }
    if (x instanceof TemporalClause.Assuming a) {
      List<TemporalClause> all = new ArrayList<>(assumed);
      all.addAll(a.assumptions());
      return new TemporalClause.Assuming(all, a.clause());
    }
    return new TemporalClause.Assuming(assumed, x.implied() ? new TemporalClause.From(null, x) : x);
  }

  /**
   * The conditions of the antecedent {@code e} into {@code out}, each under the constant conditions
   * {@code guards} of the implications around it ({@code \A p \in S : p # 1 => WF_v(A(p))}); null
   * when all of it is such conditions, else why not.
   */
  private String assumptions(Expr e, Ctx c, List<IrExpr.Bound> forall, List<IrExpr> guards, List<TemporalClause> out,
                             int depth) {
    if (depth > MAX_UNFOLD) {
      return "definitions nested too deeply";
    }
    TemporalClause assumed = e instanceof Expr.Fairness f ? fair(f, c, forall) : recurrence(e, c, forall);
    if (assumed != null) {
      out.add(guards.isEmpty() ? assumed : new TemporalClause.Guarded(guards, assumed));
      return null;
    }
    List<Expr> parts = conjunction(e);
    if (parts != null) {
      for (Expr x : parts) {
        String why = assumptions(x, c, forall, guards, out, depth + 1);
        if (why != null) {
          return why;
        }
      }
      return null;
    }
    List<Expr> implication = operands(e, "=>");
    if (implication != null && levels.of(implication.get(0)) == Levels.CONSTANT) {
      List<IrExpr> more = new ArrayList<>(guards);
      more.add(lowering.pred(implication.get(0), c));
      return assumptions(implication.get(1), c, forall, more, out, depth + 1);
    }
    if (e instanceof Expr.Quant q && q.kind() == Expr.Quantifier.FORALL) {
      List<IrExpr.Bound> inner = new ArrayList<>(forall);
      Ctx ic = constantBounds(q, c, inner);
      return ic == null ? "\\A over a set that is not constant in the condition of an implication"
          : assumptions(q.body(), ic, inner, guards, out, depth + 1);
    }
    Unfolded u = unfold(e, c);
    if (u != null) {
      return assumptions(u.body, u.ctx, forall, guards, out, depth + 1);
    }
    return "an implication whose condition is an action or a temporal formula other than a conjunction of WF_v(A), "
        + "SF_v(A), []<>P and <>[]P";
  }

  /** Clause {@code x} of {@code c => F}, c constant ({@code x} neither unchecked nor {@code [][A]_v}). */
  private TemporalClause underConstant(IrExpr guard, TemporalClause x) {
    if (x instanceof TemporalClause.Guarded g) {
      List<IrExpr> both = new ArrayList<>(List.of(guard));
      both.addAll(g.guards());
      return new TemporalClause.Guarded(both, g.clause());
    }
    TemporalClause decided = x.implied() ? liveness(new TemporalClause.From(null, x)) : x;
    return decided instanceof TemporalClause.Unchecked ? decided : new TemporalClause.Guarded(List.of(guard), decided);
  }

  /**
   * Clause {@code x} of {@code S => F}, S a state predicate ({@code x} neither unchecked nor
   * {@code [][A]_v}); in {@code S => (S2 => G)} the behaviours asked are those whose first state has
   * both.
   */
  private TemporalClause underState(IrExpr start, TemporalClause x) {
    if (x instanceof TemporalClause.Assuming a) {
      return new TemporalClause.Assuming(a.assumptions(), underState(start, a.clause()));
    }
    if (x instanceof TemporalClause.Guarded g) {
      TemporalClause decided = underState(start, g.clause());
      return decided instanceof TemporalClause.Unchecked ? decided : new TemporalClause.Guarded(g.guards(), decided);
    }
    if (x instanceof TemporalClause.From f) {
      IrExpr both = f.start() == null ? start
          : new IrExpr.Apply(start.span(), Operator.AND, List.of(start, f.start()));
      return new TemporalClause.From(both, f.clause());
    }
    return liveness(new TemporalClause.From(start, x));
  }

  /** TLC refuses {@code [][A]_v} under an implication ("must be of forms <>[]A or []<>A"). */
  private static TemporalClause actionUnderImplication(TemporalClause x) {
    return new TemporalClause.Unchecked(x.span(), "an action property under an implication, which TLC refuses "
        + "(temporal formulas with actions must be of the forms <>[]A or []<>A)");
  }

  /** One conjunct in one of the decided forms, else Unchecked. */
  private TemporalClause clause(Expr e, Ctx c, List<IrExpr.Bound> forall, String named) {
    Span sp = e.span();
    if (isState(e)) {
      // a conjunct without a temporal operator (the Init of an Abs!Spec): TLC's implied init
      return new TemporalClause.Initially(sp, forall, name(e, sp, c, named), lowering.pred(e, c));
    }
    if (e instanceof Expr.Fairness f) {
      return liveness(fair(f, c, forall));
    }
    TemporalClause recurrence = recurrence(e, c, forall);
    if (recurrence != null) {
      return liveness(recurrence);
    }
    Expr always = operand(e, "[]");
    if (always != null) {
      if (always instanceof Expr.ActionExpr a && a.box() && levels.of(a) <= Levels.ACTION) {
        return new TemporalClause.AlwaysAction(sp, forall, named != null ? named : position(sp), lowering.value(a, c));
      }
      if (isState(always)) {
        return new TemporalClause.Always(sp, forall, name(always, sp, c, named), lowering.pred(always, c));
      }
      List<Expr> implication = operands(always, "=>");
      if (implication != null && isState(implication.get(0))) {
        Expr then = operand(implication.get(1), "<>");
        if (then != null && isState(then)) {
          return liveness(new TemporalClause.LeadsTo(sp, forall, lowering.pred(implication.get(0), c),
              lowering.pred(then, c)));
        }
        Expr henceforth = operand(implication.get(1), "[]");
        if (henceforth != null && isState(henceforth)) {
          return liveness(new TemporalClause.AlwaysAfter(sp, forall, lowering.pred(implication.get(0), c),
              lowering.pred(henceforth, c)));
        }
      }
    }
    Expr eventually = operand(e, "<>");
    if (eventually != null) {
      if (isState(eventually)) {
        return liveness(new TemporalClause.Eventually(sp, forall, lowering.pred(eventually, c)));
      }
    }
    List<Expr> leads = operands(e, "~>");
    if (leads != null && isState(leads.get(0)) && isState(leads.get(1))) {
      return liveness(new TemporalClause.LeadsTo(sp, forall, lowering.pred(leads.get(0), c),
          lowering.pred(leads.get(1), c)));
    }
    return new TemporalClause.Unchecked(sp, "not one of the checked forms P, []P, [][A]_v, <>P, []<>P, <>[]P, "
        + "P ~> Q, [](P => []Q) (P, Q state predicates), WF_v(A), SF_v(A), their conjunctions, \\A over constant "
        + "sets and implications whose condition is constant, state-level or a conjunction of WF, SF, []<>P and <>[]P");
  }

  /** {@code []<>P} or {@code <>[]P} with P a state predicate, as a clause; else null. */
  private TemporalClause recurrence(Expr e, Ctx c, List<IrExpr.Bound> forall) {
    Expr always = operand(e, "[]");
    Expr often = always == null ? null : operand(always, "<>");
    if (often != null && isState(often)) {
      return new TemporalClause.InfinitelyOften(e.span(), forall, lowering.pred(often, c));
    }
    Expr eventually = operand(e, "<>");
    Expr stays = eventually == null ? null : operand(eventually, "[]");
    if (stays != null && isState(stays)) {
      return new TemporalClause.EventuallyAlways(e.span(), forall, lowering.pred(stays, c));
    }
    return null;
  }

  /** {@code WF_v(A)} or {@code SF_v(A)} in a property: ENABLED {@code <<A>>_v} and the step {@code <<A>>_v}. */
  private TemporalClause.Fair fair(Expr.Fairness f, Ctx c, List<IrExpr.Bound> forall) {
    Span sp = f.span();
    Expr.ActionExpr step = new Expr.ActionExpr(sp, false, f.action(), f.subscript());
    // TLC evaluates the ENABLED of an instance's action over the instance's own variables (their
    // primed values free, their values now the substitutions'), not over the spec's variables
    // substituted for them (the same where the instance only renames); the step itself is a
    // step of the spec's variables
    Ctx enabledIn = c.env.substituted ? c.withShadow(lowering.variableCount()) : c;
    return new TemporalClause.Fair(sp, forall, f.strong(), lowering.enabled(sp, step, enabledIn), lowering.pred(step, c));
  }

  /** A liveness clause, or Unchecked when the fairness it is judged under is not known. */
  private TemporalClause liveness(TemporalClause c) {
    return fairnessGap == null ? c : new TemporalClause.Unchecked(c.span(), fairnessGap);
  }

  /**
   * TLC's name for an implied invariant or init P: the definition the conjunct is the body of, else
   * the 0-ary definition P names, else the position of the conjunct ({@code conjunct}: all of
   * {@code [](P)}, not P).
   */
  private String name(Expr p, Span conjunct, Ctx c, String named) {
    return named != null ? named : unfold(p, c) != null ? unfoldedName(p) : position(conjunct);
  }

  /** TLC's name for an unnamed implied invariant or action: its position. */
  private static String position(Span sp) {
    String module = sp.file().endsWith(".tla") ? sp.file().substring(0, sp.file().length() - 4) : sp.file();
    return "line " + sp.line() + ", col " + sp.column() + " to line " + sp.endLine() + ", col "
        + Math.max(1, sp.endColumn() - 1) + " of module " + module;
  }

  private static String unfoldedName(Expr e) {
    return e instanceof Expr.Name n ? n.name() : e instanceof Expr.Qualified q ? q.op() : ((Expr.Apply) e).op();
  }

  private boolean isState(Expr e) {
    return levels.of(e) <= Levels.STATE;
  }

  // ------------------------------------------------------------------ shapes

  /** The operand of the built-in prefix operator {@code op} applied in {@code e}, or null. */
  private Expr operand(Expr e, String op) {
    List<Expr> args = operands(e, op);
    return args != null && args.size() == 1 ? args.get(0) : null;
  }

  private List<Expr> operands(Expr e, String op) {
    if (e instanceof Expr.Junction j && j.items().size() == 1) {
      return operands(j.items().get(0), op);
    }
    if (e instanceof Expr.Apply a && a.op().equals(op) && program.binding(a) instanceof Binding.Builtin) {
      return a.args();
    }
    return null;
  }

  /** The conjuncts of a conjunction (list or {@code /\}), or null. */
  private List<Expr> conjunction(Expr e) {
    if (e instanceof Expr.Junction j && j.conjunction()) {
      return j.items();
    }
    if (e instanceof Expr.Junction j && j.items().size() == 1) {
      return List.of(j.items().get(0));
    }
    List<Expr> args = operands(e, "/\\");
    return args;
  }

  private record Unfolded(Expr body, Ctx ctx, String name) {}

  /**
   * A use of a 0-ary definition, also of an instance ({@code Abs!Spec}): its body and the context to
   * lower it in; else null.
   */
  private Unfolded unfold(Expr e, Ctx c) {
    Binding b;
    Ctx at = c;
    if (e instanceof Expr.Name || e instanceof Expr.Apply a0 && a0.args().isEmpty()) {
      b = program.binding(e);
    } else if (e instanceof Expr.Qualified q && q.args().isEmpty()) {
      try {
        ExprLowering.Target t = lowering.target(q, c);
        b = t.op();
        at = t.ctx();
      } catch (Unsupported u) {
        return null;
      }
    } else {
      return null;
    }
    if (!(b instanceof Binding.Definition d) || !(d.def() instanceof Unit.OperatorDef od)
        || !od.params().isEmpty() || at.local(od, null) != null) {
      return null;
    }
    Env env = d.via() == null ? at.env : lowering.env(d.via(), Ctx.root(at.env), null, false);
    return new Unfolded(od.body(), c.enter(env), od.name());
  }

  /** Binds the bounds of {@code q} (constant sets only) into {@code into}; the inner context, or null. */
  private Ctx constantBounds(Expr.Quant q, Ctx c, List<IrExpr.Bound> into) {
    if (q.bounds().stream().anyMatch(b -> b.set() == null)) {
      return null;
    }
    Ctx[] inner = {c};
    List<IrExpr.Bound> bounds = lowering.bounds(q.bounds(), c, inner, "unbounded quantifier");
    for (IrExpr.Bound b : bounds) {
      if (defs.level(b.set()) != 0) {
        return null;
      }
    }
    into.addAll(bounds);
    return inner[0];
  }
}
