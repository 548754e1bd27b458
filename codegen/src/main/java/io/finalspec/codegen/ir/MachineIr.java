package io.finalspec.codegen.ir;

import io.finalspec.codegen.ast.Span;
import java.util.List;

/**
 * One spec bound to one model: everything the emitter needs, nothing of the AST. Variables are in
 * declaration order; constants are bound to IR expressions from the model config; definitions are
 * the user operators compiled to methods; {@link #next} is Next split the way TLC's
 * {@code Tool.getActions} splits it. {@link #init} and {@link #next} are null when the config names
 * no behaviour spec (only constants and ASSUMEs: TLC then checks the assumptions and reports 0
 * states). {@link #assumptions} are the module's ASSUMEs (every one evaluated, as TLC does, before
 * Init); {@link #fairness} the WF/SF conjuncts of SPECIFICATION; {@link #properties} the config's
 * PROPERTY names; {@link #constantFormulas} the INVARIANTs and PROPERTYs that are constant-level,
 * which TLC evaluates once before the search (and before the ASSUMEs).
 */
public record MachineIr(
    String moduleName,
    String fileName,
    List<Variable> variables,
    List<Constant> constants,
    List<Definition> definitions,
    IrExpr init,
    ActionPlan next,
    List<Named> invariants,
    List<Named> constraints,
    List<Named> actionConstraints,
    IrExpr view,
    IrExpr symmetry,
    boolean checkDeadlock,
    List<String> names,
    List<Named> assumptions,
    List<Fairness> fairness,
    List<Property> properties,
    List<ConstantFormula> constantFormulas) {

  public MachineIr {
    variables = List.copyOf(variables);
    constants = List.copyOf(constants);
    definitions = List.copyOf(definitions);
    invariants = List.copyOf(invariants);
    constraints = List.copyOf(constraints);
    actionConstraints = List.copyOf(actionConstraints);
    names = List.copyOf(names);
    assumptions = List.copyOf(assumptions);
    fairness = List.copyOf(fairness);
    properties = List.copyOf(properties);
    constantFormulas = List.copyOf(constantFormulas);
  }

  /**
   * A config INVARIANT or PROPERTY ({@code kind} "invariant" or "property") whose definition is
   * constant-level: TLC stops before the search when its value is FALSE.
   */
  public record ConstantFormula(Span span, String kind, String name, IrExpr body) {}

  public record Variable(Span span, String name) {}

  /** A model constant and its value (from {@code N = 3}, {@code S = {a, b}} or {@code X <- Op}). */
  public record Constant(Span span, String name, IrExpr value) {}

  /**
   * A user definition compiled to a method (or, when 0-ary and constant-level, to a field computed
   * once). {@code function} marks {@code f[x \in S] == e}: then {@code params} are the first
   * {@code captured} variables of an enclosing scope (for a LET function lifted to a method) followed
   * by the bound's variables, and {@code domain} its set (a product for several). {@code level}: 0
   * constant, 1 state.
   */
  public record Definition(Span span, String name, List<String> params, List<Integer> paramIds,
                           IrExpr body, int level, boolean recursive, boolean function, IrExpr domain,
                           int captured) {
    public Definition {
      params = List.copyOf(params);
      paramIds = List.copyOf(paramIds);
    }
  }

  /** A named predicate (invariant, constraint, action constraint, ASSUME). */
  public record Named(Span span, String name, IrExpr body) {}

  /**
   * A fairness conjunct {@code WF_subscript(action)} / {@code SF_subscript(action)} of the
   * SPECIFICATION formula, inside the {@code \A} binders {@code forall} (constant domains: one
   * condition per binding, as TLC expands them): {@code action} is split like Next (labels as
   * TLC's), {@code subscript} a state-level expression; {@code guards}: the constant conditions of
   * enclosing implications ({@code c => WF_v(A)}), a binding where one is false has no condition.
   * Checked by the liveness explorer, not by safety exploration.
   */
  public record Fairness(Span span, boolean strong, List<IrExpr.Bound> forall, List<IrExpr> guards, IrExpr subscript,
                         ActionPlan action) {
    public Fairness {
      forall = List.copyOf(forall);
      guards = List.copyOf(guards);
    }
  }

  /**
   * A temporal property named by the config's PROPERTY/PROPERTIES ({@code span} is where the config
   * names it, {@code definition} where the spec defines it), lowered by {@code lower.TemporalLowering}
   * to the conjunction of {@code clauses}; a clause the explorer cannot decide is
   * {@link TemporalClause.Unchecked}, so that the property is reported as not checked.
   * {@code triviallyFalse}: it has the conjunct {@code FALSE} (also nested), which TLC refuses before
   * the search ("The spec is trivially false because FALSE is false."), and so does the machine.
   */
  public record Property(Span span, String name, Span definition, List<TemporalClause> clauses, boolean triviallyFalse) {
    public Property {
      clauses = List.copyOf(clauses);
    }
  }
}
