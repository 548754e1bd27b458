package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprWalker;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.config.CfgValue;
import io.finalspec.codegen.config.ModelConfig;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.resolve.Binding;
import io.finalspec.codegen.resolve.Levels;
import io.finalspec.codegen.resolve.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lowering stage: a resolved program ({@code resolve.Resolver}'s output: every name already
 * linked to its declaration, levels known) and a model config to a {@link MachineIr}. Entry point:
 * {@link #lower}. Binds the config's constants and overrides, extracts Init, Next and fairness from
 * SPECIFICATION the way TLC does, checks that every name the config gives is a definition of the
 * right level, and lowers each root (one diagnostic per root that cannot be lowered, all reported).
 */
public final class Lowering {
  private final Path dir;
  private final ResolvedModule program;
  private final Levels levels;
  /** The levels TLC gives the definitions the config names (see {@link Levels#asTlcJudgesConfigNames}). */
  private final Levels configLevels;
  private final List<Diagnostic> diagnostics;
  private final Map<Object, Object> overrides = new IdentityHashMap<>();
  /** The config's overrides of standard modules' operators ({@code Nat <- def_ov_...}), by name. */
  private final Map<String, Binding> builtinOverrides = new java.util.HashMap<>();
  private final Definitions defs;
  private final ExprLowering lowering;
  private final NextSplitter splitter;
  private final TemporalLowering temporal;

  private Lowering(Path dir, ResolvedModule program, List<Diagnostic> diagnostics) {
    this.dir = dir;
    this.program = program;
    this.levels = program.levels();
    this.configLevels = levels.asTlcJudgesConfigNames();
    this.diagnostics = diagnostics;
    this.defs = new Definitions(program);
    this.lowering = new ExprLowering(program, defs, overrides, builtinOverrides);
    this.splitter = new NextSplitter(program, lowering, defs);
    this.temporal = new TemporalLowering(program, lowering, splitter, defs);
    defs.setLowering(lowering);
  }

  /**
   * Lowers {@code program} (resolved from {@code specFile}) bound to {@code config}. Returns null
   * with diagnostics added when the spec is outside the fragment or the config does not fit it.
   */
  public static MachineIr lower(Path specFile, ResolvedModule program, ModelConfig config,
      List<Diagnostic> diagnostics) {
    Lowering l = new Lowering(specFile.toAbsolutePath().getParent(), program, diagnostics);
    try {
      return l.machine(specFile, config);
    } catch (Unsupported u) {
      diagnostics.add(u.diagnostic);
      return null;
    }
  }

  private MachineIr machine(Path specFile, ModelConfig cfg) {
    Span cfgSpan = Span.point(cfg.span().file(), 1, 1);
    List<MachineIr.Constant> constants = bindConstants(cfg, cfgSpan);
    if (!diagnostics.isEmpty()) {
      return null;
    }
    Ctx root = Ctx.root(Env.root());
    List<MachineIr.Named> assumptions = assumptions(root);
    checkSubscriptLevels();
    Behaviour behaviour = behaviour(cfg, cfgSpan, root);
    List<MachineIr.Named> invariants = named("INVARIANT", cfg.invariants(), Levels.STATE, root);
    List<MachineIr.Named> constraints = named("CONSTRAINT", cfg.constraints(), Levels.STATE, root);
    List<MachineIr.Named> actionConstraints = named("ACTION_CONSTRAINT", cfg.actionConstraints(), Levels.ACTION,
        root);
    List<MachineIr.Property> properties = properties(cfg, root);
    List<MachineIr.ConstantFormula> constantFormulas = constantFormulas(cfg, invariants, root);
    IrExpr view = cfg.view() == null ? null : valueOf("VIEW", cfg.view(), Levels.STATE, root);
    IrExpr symmetry = cfg.symmetry() == null ? null : valueOf("SYMMETRY", cfg.symmetry(), Levels.CONSTANT, root);
    if (!diagnostics.isEmpty() || behaviour == null) {
      return null;
    }
    return new MachineIr(program.name(), specFile.getFileName().toString(), variables(), constants, defs.all(),
        behaviour.init, behaviour.next, invariants, constraints, actionConstraints, view, symmetry,
        cfg.checkDeadlock(), names(specFile, cfg), assumptions, behaviour.fairness, properties, constantFormulas);
  }

  private List<MachineIr.Variable> variables() {
    List<MachineIr.Variable> out = new ArrayList<>();
    for (Binding.Variable v : program.variables()) {
      out.add(new MachineIr.Variable(v.decl().span(), v.decl().name()));
    }
    return out;
  }

  // ------------------------------------------------------------------ the config's constants

  /**
   * Values ({@code N = 3}) and overrides ({@code X <- Op}) as TLC applies them: a value for a name
   * the spec does not declare only introduces a model value, a value for a variable is ignored
   * (TLC does the same), a value for a definition overrides it.
   */
  private List<MachineIr.Constant> bindConstants(ModelConfig cfg, Span cfgSpan) {
    List<MachineIr.Constant> constants = new ArrayList<>();
    Map<Object, Span> bound = new IdentityHashMap<>();
    for (ModelConfig.ConstantValue cv : cfg.constants()) {
      Binding b = program.globals().get(cv.name());
      if (b == null || b instanceof Binding.Variable || b instanceof Binding.Builtin) {
        continue;
      }
      if (!inRange(cv.value())) {
        diagnostics.add(new Diagnostic(cv.span(), "config", "the value of " + cv.name()
            + " is outside TLC's integers (-2147483648..2147483647)"));
        continue;
      }
      Object decl = declaration(b);
      if (decl == null || b.arity() > 0) {
        diagnostics.add(new Diagnostic(cv.span(), "config", cv.name() + " is "
            + (b.arity() > 0 ? "an operator of " + b.arity() + " argument(s): give it with " + cv.name() + " <- Op"
            : "not a constant or definition of the spec")));
        continue;
      }
      if (bound.put(decl, cv.span()) != null) {
        // TLC takes the last value given to a name: drop the earlier one
        constants.removeIf(k -> k.name().equals(cv.name()));
      }
      IrExpr value = ExprLowering.literal(cv.span(), cv.value());
      if (b instanceof Binding.Constant) {
        constants.add(new MachineIr.Constant(cv.span(), cv.name(), value));
      } else {
        overrides.put(decl, new IrExpr.Ref(cv.span(), IrExpr.RefKind.CONST, cv.name(), -1));
        constants.add(new MachineIr.Constant(cv.span(), cv.name(), value));
      }
    }
    for (ModelConfig.Replacement ov : cfg.replacements()) {
      if (ov.module() != null) {
        diagnostics.add(new Diagnostic(ov.span(), "unsupported", "unsupported: substitution in a named module ("
            + ov.name() + " <- [" + ov.module() + "] " + ov.definition() + ")"));
        continue;
      }
      Binding target = program.globals().get(ov.definition());
      Binding replaced = program.globals().get(ov.name());
      if (!(target instanceof Binding.Definition || target instanceof Binding.Builtin
          || target instanceof Binding.Constant)) {
        diagnostics.add(new Diagnostic(ov.span(), "config", "the config substitutes " + ov.name() + " by "
            + ov.definition() + ", which the spec does not define"));
        continue;
      }
      if (replaced instanceof Binding.Builtin builtin) {
        // a Toolbox definition override of a standard module's operator (a finite Nat, say):
        // TLC uses the definition wherever the spec names the operator
        overrideBuiltin(ov, builtin, target, bound);
        continue;
      }
      Object decl = replaced == null ? null : declaration(replaced);
      if (decl == null) {
        diagnostics.add(new Diagnostic(ov.span(), "config", "the config substitutes " + ov.name()
            + ", which is not a constant or definition of the spec"));
        continue;
      }
      if (replaced.arity() != target.arity() && target.arity() != -1) {
        diagnostics.add(new Diagnostic(ov.span(), "config", ov.name() + " takes " + replaced.arity()
            + " argument(s) but " + ov.definition() + " takes " + target.arity()));
        continue;
      }
      if (!twice(bound, decl, ov.span(), ov.name())) {
        overrides.put(decl, target);
      }
    }
    for (Binding.Constant k : program.constants()) {
      if (!bound.containsKey(k.decl())) {
        diagnostics.add(new Diagnostic(cfgSpan, "config", "the config gives no value to constant " + k.decl().name()));
      }
    }
    return constants;
  }

  private void overrideBuiltin(ModelConfig.Replacement ov, Binding.Builtin builtin, Binding target, Map<Object, Span> bound) {
    if (!(target instanceof Binding.Definition) || target.arity() != builtin.arity()) {
      diagnostics.add(new Diagnostic(ov.span(), "config", ov.name() + " (" + builtin.module() + ") takes "
          + builtin.arity() + " argument(s): it can only be replaced by a definition of the spec that takes as many ("
          + ov.definition() + (target instanceof Binding.Definition ? " takes " + target.arity() : " is no definition")
          + ")"));
      return;
    }
    if (!twice(bound, builtin, ov.span(), ov.name())) {
      builtinOverrides.put(builtin.name(), target);
    }
  }

  private boolean twice(Map<Object, Span> bound, Object decl, Span at, String name) {
    Span first = bound.putIfAbsent(decl, at);
    if (first != null) {
      diagnostics.add(new Diagnostic(at, "config", "the config gives " + name + " a value twice (first at "
          + first.where() + ")"));
      return true;
    }
    return false;
  }

  private static Object declaration(Binding b) {
    if (b instanceof Binding.Constant k) {
      return k.decl();
    }
    if (b instanceof Binding.Definition d && d.via() == null) {
      return d.def();
    }
    return null;
  }

  private static boolean inRange(CfgValue v) {
    if (v instanceof CfgValue.IntValue i) {
      return i.value().bitLength() <= 31;
    }
    List<CfgValue> parts = v instanceof CfgValue.SetValue s ? s.elements()
        : v instanceof CfgValue.TupleValue t ? t.elements() : List.of();
    return parts.stream().allMatch(Lowering::inRange);
  }

  // ------------------------------------------------------------------ Init, Next and fairness

  private record Behaviour(IrExpr init, ActionPlan next, List<MachineIr.Fairness> fairness) {}

  /**
   * Init and Next named by INIT/NEXT, or extracted from SPECIFICATION as TLC does; none when the
   * config names no behaviour (TLC then only checks the ASSUMEs).
   */
  private Behaviour behaviour(ModelConfig cfg, Span cfgSpan, Ctx root) {
    if (cfg.specification() != null) {
      return specification(cfg.specification(), root);
    }
    if (cfg.init() == null && cfg.next() == null) {
      return new Behaviour(null, null, List.of());
    }
    if (cfg.init() == null || cfg.next() == null) {
      diagnostics.add(new Diagnostic(cfgSpan, "config", "the config names " + (cfg.init() == null ? "NEXT" : "INIT")
          + " without " + (cfg.init() == null ? "INIT" : "NEXT") + " (or SPECIFICATION)"));
      return null;
    }
    Binding.Definition init = definition("INIT", cfg.init(), Levels.STATE);
    Binding.Definition next = definition("NEXT", cfg.next(), Levels.ACTION);
    if (init == null || next == null) {
      return null;
    }
    IrExpr i = collect(() -> lowering.entity(cfg.init().span(), cfg.init().name(), init, List.of(),
        root.withInit(), true));
    ActionPlan n = collect(() -> splitter.splitNamed(cfg.next().span(), cfg.next().name(), next, root));
    return new Behaviour(i, n, List.of());
  }

  private Behaviour specification(ModelConfig.Named spec, Ctx root) {
    Binding.Definition d = definition("SPECIFICATION", spec, Levels.TEMPORAL);
    if (d == null) {
      return null;
    }
    List<Expr> conjuncts = new ArrayList<>();
    conjuncts(((Unit.OperatorDef) d.def()).body(), conjuncts);
    List<Expr> inits = new ArrayList<>();
    Expr.ActionExpr next = null;
    List<Expr> fairness = new ArrayList<>();
    for (Expr x : conjuncts) {
      int level = levels.of(x);
      if (level <= Levels.STATE) {
        inits.add(x);
      } else if (x instanceof Expr.Apply a && program.binding(a) instanceof Binding.Builtin b && b.name().equals("[]")
          && a.args().get(0) instanceof Expr.ActionExpr ae && ae.box() && next == null) {
        next = ae;
      } else if (level == Levels.TEMPORAL) {
        fairness.add(x);   // WF/SF (also under \A), or a shape that leaves liveness unchecked: TemporalLowering's
      } else {
        diagnostics.add(new Diagnostic(x.span(), "unsupported", "unsupported: SPECIFICATION " + spec.name()
            + " has a conjunct that is neither an initial predicate, [][Next]_v nor WF/SF (it is "
            + Levels.describe(level) + "-level)"));
      }
    }
    if (next == null || inits.isEmpty()) {
      diagnostics.add(new Diagnostic(spec.span(), "unsupported", "unsupported: SPECIFICATION " + spec.name()
          + " is not of the form Init /\\ [][Next]_vars /\\ fairness"));
      return null;
    }
    Expr initExpr = inits.size() == 1 ? inits.get(0) : new Expr.Junction(inits.get(0).span(), true, inits);
    IrExpr init = collect(() -> lowering.pred(initExpr, root.withInit()));
    Expr nextExpr = next.action();
    String label = nextExpr instanceof Expr.Name n ? n.name() : "Next";
    ActionPlan plan = collect(() -> splitter.split(nextExpr, root, label, List.of()));
    return new Behaviour(init, plan, temporal.fairness(fairness, root));
  }

  /**
   * The conjuncts of a SPECIFICATION formula, unfolding conjunction lists, {@code /\} and 0-ary
   * definitions of temporal level (Spec == Init /\ Live, the Toolbox's {@code spec_123 == Spec}).
   */
  private void conjuncts(Expr e, List<Expr> out) {
    if (e instanceof Expr.Label l) {
      conjuncts(l.body(), out);
    } else if (e instanceof Expr.Junction j && j.conjunction()) {
      j.items().forEach(x -> conjuncts(x, out));
    } else if (e instanceof Expr.Apply a && program.binding(a) instanceof Binding.Builtin b && b.name().equals("/\\")) {
      a.args().forEach(x -> conjuncts(x, out));
    } else if ((e instanceof Expr.Name || e instanceof Expr.Apply a0 && a0.args().isEmpty())
        && program.binding(e) instanceof Binding.Definition d && d.via() == null
        && d.def() instanceof Unit.OperatorDef od && od.params().isEmpty()
        && levels.ofDefinition(od) == Levels.TEMPORAL) {
      conjuncts(od.body(), out);
    } else {
      out.add(e);
    }
  }

  // ------------------------------------------------------------------ names the config gives

  /** The definition the config names for {@code what}, if it exists, has no parameters and a level at most {@code max}. */
  private Binding.Definition definition(String what, ModelConfig.Named n, int max) {
    Binding b = program.globals().get(n.name());
    if (!(b instanceof Binding.Definition d) || !(d.def() instanceof Unit.OperatorDef od)) {
      diagnostics.add(new Diagnostic(n.span(), "config", what + " " + n.name()
          + (b == null ? ": the spec has no definition named " + n.name()
          : ": " + n.name() + " is not an operator definition")));
      return null;
    }
    if (!od.params().isEmpty()) {
      diagnostics.add(new Diagnostic(n.span(), "config", what + " " + n.name() + ": " + n.name() + " takes "
          + od.params().size() + " argument(s)"));
      return null;
    }
    int level = configLevels.of(d);
    if (level > max) {
      diagnostics.add(new Diagnostic(n.span(), "config", what + " " + n.name() + " is not "
          + (max == Levels.STATE ? "a state predicate" : max == Levels.ACTION ? "an action" : "a constant") + " (it is "
          + Levels.describe(level) + "-level)"));
      return null;
    }
    return d;
  }

  private List<MachineIr.Named> named(String what, List<ModelConfig.Named> names, int max, Ctx root) {
    List<MachineIr.Named> out = new ArrayList<>();
    for (ModelConfig.Named n : names) {
      IrExpr e = valueOf(what, n, max, root);
      if (e != null) {
        out.add(new MachineIr.Named(n.span(), n.name(), e));
      }
    }
    return out;
  }

  private IrExpr valueOf(String what, ModelConfig.Named n, int max, Ctx root) {
    Binding.Definition d = definition(what, n, max);
    return d == null ? null : collect(() -> lowering.entity(n.span(), n.name(), d, List.of(), root, false));
  }

  /** PROPERTY names: each must be a definition; {@link TemporalLowering} lowers its formula. */
  private List<MachineIr.Property> properties(ModelConfig cfg, Ctx root) {
    List<MachineIr.Property> out = new ArrayList<>();
    for (ModelConfig.Named n : cfg.properties()) {
      Binding.Definition d = definition("PROPERTY", n, Levels.TEMPORAL);
      if (d != null) {
        MachineIr.Property p = collect(() -> temporal.property(n.span(), n.name(), d, constantDefinition(n.name()), root));
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * The config's INVARIANTs, then its PROPERTYs, whose definitions are constant-level. TLC evaluates
   * every constant-level definition once before the search and stops with "The invariant of Inv is
   * equal to FALSE" (or "property") when one of them is FALSE, before it checks the ASSUMEs (checked
   * with TLC 2.18); a TRUE one is as if it were not there. TLC decides "constant" with its own level
   * bound, which counts every LET definition and every operator argument, used or not (SANY's level
   * of {@code (LET k == x IN TRUE) => FALSE} is constant, TLC's bound is state level: a violation in
   * the initial state, fuzz-regressions/ConstantLetInvariant): a definition that names a variable anywhere is not constant here.
   */
  private List<MachineIr.ConstantFormula> constantFormulas(ModelConfig cfg, List<MachineIr.Named> invariants,
      Ctx root) {
    List<MachineIr.ConstantFormula> out = new ArrayList<>();
    for (MachineIr.Named inv : invariants) {
      if (constantDefinition(inv.name())) {
        out.add(new MachineIr.ConstantFormula(inv.span(), "invariant", inv.name(), inv.body()));
      }
    }
    for (ModelConfig.Named n : cfg.properties()) {
      if (constantDefinition(n.name())) {
        IrExpr e = valueOf("PROPERTY", n, Levels.CONSTANT, root);
        if (e != null) {
          out.add(new MachineIr.ConstantFormula(n.span(), "property", n.name(), e));
        }
      }
    }
    return out;
  }

  /** Whether {@code e} names a variable, directly or through the definitions it names (every LET definition counted). */
  private boolean mentionsVariable(Expr e, java.util.Set<Object> seen) {
    Binding b = e instanceof Expr.Name || e instanceof Expr.Apply ? program.binding(e) : null;
    if (b instanceof Binding.Variable) {
      return true;
    }
    if (b instanceof Binding.Definition d && seen.add(d)
        && ExprWalker.children(d.def()).stream().anyMatch(x -> mentionsVariable(x, seen))) {
      return true;
    }
    return ExprWalker.children(e).stream().anyMatch(x -> mentionsVariable(x, seen));
  }

  private boolean constantDefinition(String name) {
    if (!(program.globals().get(name) instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od
        && od.params().isEmpty() && levels.of(d) == Levels.CONSTANT)) {
      return false;
    }
    java.util.Set<Object> seen = new java.util.HashSet<>();
    return ExprWalker.children(d.def()).stream().noneMatch(x -> mentionsVariable(x, seen));
  }

  // ------------------------------------------------------------------ ASSUME

  /**
   * SANY level-checks every definition, used or not: the subscript {@code v} of {@code [A]_v},
   * {@code <<A>>_v}, {@code WF_v(A)} and {@code SF_v(A)} must be a state function, so a module with
   * a primed variable in its {@code vars} tuple is refused (TLC: "Level error in applying operator
   * $SquareAct") even when the config names only INIT and NEXT.
   */
  private void checkSubscriptLevels() {
    for (ResolvedModule m : program.withExtended()) {
      for (Unit u : m.module().units()) {
        ExprWalker.children(u).forEach(this::checkSubscriptLevels);
      }
    }
  }

  private void checkSubscriptLevels(Expr e) {
    Expr subscript = e instanceof Expr.ActionExpr a ? a.subscript() : e instanceof Expr.Fairness f ? f.subscript() : null;
    if (subscript != null) {
      int level = levels.of(subscript);
      if (level > Levels.STATE) {
        diagnostics.add(new Diagnostic(subscript.span(), "level", "the subscript of " + (e instanceof Expr.Fairness ? "WF/SF"
            : "[A]_v or <<A>>_v") + " must be a state function (this one is " + Levels.describe(level) + "-level)"));
      }
    }
    ExprWalker.children(e).forEach(this::checkSubscriptLevels);
  }

  /**
   * The ASSUMEs of the root module and of the modules it extends (TLC evaluates each of them once
   * the constants are bound, and stops at a false one). An ASSUME must be constant-level, as SANY
   * requires.
   */
  private List<MachineIr.Named> assumptions(Ctx root) {
    List<MachineIr.Named> out = new ArrayList<>();
    for (ResolvedModule m : program.withExtended()) {
      for (Unit u : m.module().units()) {
        if (u instanceof Unit.Assume a) {
          int level = levels.of(a.expr());
          if (level > Levels.CONSTANT) {
            diagnostics.add(new Diagnostic(a.span(), "level", "ASSUME must be a constant formula (this one is "
                + Levels.describe(level) + "-level)"));
            continue;
          }
          IrExpr e = collect(() -> lowering.value(a.expr(), root));
          if (e != null) {
            out.add(new MachineIr.Named(a.expr().span(), a.name() == null ? "ASSUME" : a.name(), e));
          }
        }
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ helpers

  private interface Step<T> {
    T run();
  }

  private <T> T collect(Step<T> s) {
    try {
      return s.run();
    } catch (Unsupported u) {
      diagnostics.add(u.diagnostic);
      return null;
    }
  }

  /** Every name TLC interns before it checks this spec, in TLC's order (see {@link NameOrder}). */
  private List<String> names(Path specFile, ModelConfig cfg) {
    return NameOrder.forSpec(specFile, cfg.constants().stream().map(ModelConfig.ConstantValue::value).toList());
  }
}
