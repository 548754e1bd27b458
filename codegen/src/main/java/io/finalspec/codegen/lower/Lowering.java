package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.config.ModelConfig;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lowering stage: a parsed root module (plus the modules it EXTENDS or INSTANCEs, read from
 * its folder) and a model config (the front end's {@link ModelConfig}, from
 * {@code config.ConfigParser}) to a {@link MachineIr}. Entry point: {@link #lower}. Builds the
 * minimal name resolution it needs itself (module scopes with INSTANCE substitutions, standard
 * operators); it does not use the front end's {@code resolve} package yet.
 */
public final class Lowering {
  private final Path dir;
  private final List<Diagnostic> diagnostics;
  private final Definitions defs = new Definitions();
  private final ExprLowering lowering = new ExprLowering(defs);
  private final List<MachineIr.Variable> variables = new ArrayList<>();
  private final List<String> constantNames = new ArrayList<>();
  private final Set<String> loading = new HashSet<>();

  private Lowering(Path dir, List<Diagnostic> diagnostics) {
    this.dir = dir;
    this.diagnostics = diagnostics;
    defs.setLowering(lowering);
  }

  /**
   * Lowers {@code root} (parsed from {@code specFile}) bound to {@code config}. Returns null with
   * diagnostics added when the spec is outside the fragment or the config does not fit it.
   */
  public static MachineIr lower(Path specFile, Module root, ModelConfig config, List<Diagnostic> diagnostics) {
    Path dir = specFile.toAbsolutePath().getParent();
    Lowering l = new Lowering(dir, diagnostics);
    try {
      return l.machine(specFile, root, config);
    } catch (Unsupported u) {
      diagnostics.add(u.diagnostic);
      return null;
    }
  }

  private MachineIr machine(Path specFile, Module root, ModelConfig cfg) {
    ModuleScope scope = new ModuleScope(root.name(), "");
    load(root, scope, true);
    Span cfgSpan = Span.point(cfg.span().file(), 1, 1);

    // constants from the config: values, then overrides (X <- Op)
    List<MachineIr.Constant> constants = new ArrayList<>();
    Set<String> bound = new HashSet<>();
    for (ModelConfig.ConstantValue cv : cfg.constants()) {
      Entity en = scope.lookup(cv.name());
      if (en == null) {
        continue; // as TLC: an assignment to an undeclared name (e.g. B = B) only introduces a model value
      }
      constants.add(new MachineIr.Constant(cv.span(), cv.name(), ExprLowering.literal(cv.span(), cv.value())));
      scope.names.put(cv.name(), new Entity.Constant(cv.name()));
      bound.add(cv.name());
    }
    for (ModelConfig.Replacement ov : cfg.replacements()) {
      if (ov.module() != null) {
        diagnostics.add(new Diagnostic(ov.span(), "unsupported", "unsupported: substitution in a named module ("
            + ov.name() + " <- [" + ov.module() + "] " + ov.definition() + ")"));
        continue;
      }
      Entity target = scope.lookup(ov.definition());
      if (target == null) {
        diagnostics.add(new Diagnostic(ov.span(), "config", "the config substitutes " + ov.name() + " by "
            + ov.definition() + ", which the spec does not define"));
        continue;
      }
      scope.names.put(ov.name(), target);
      bound.add(ov.name());
    }
    for (String k : constantNames) {
      if (!bound.contains(k)) {
        diagnostics.add(new Diagnostic(cfgSpan, "config", "the config gives no value to constant " + k));
      }
    }
    if (!diagnostics.isEmpty()) {
      return null;
    }

    // Init and Next, named directly or through SPECIFICATION
    String initName = cfg.init() == null ? null : cfg.init().name();
    String nextName = cfg.next() == null ? null : cfg.next().name();
    Expr initExpr = null;
    Expr nextExpr = null;
    if (cfg.specification() != null) {
      Expr spec = body(scope, cfg.specification().name(), cfgSpan);
      List<Expr> conjuncts = new ArrayList<>();
      conjuncts(spec, scope, conjuncts);
      List<Expr> inits = new ArrayList<>();
      for (Expr x : conjuncts) {
        if (x instanceof Expr.Apply a && a.op().equals("[]") && a.args().get(0) instanceof Expr.ActionExpr ae
            && ae.box()) {
          nextExpr = ae.action();
          nextName = ae.action() instanceof Expr.Name n ? n.name() : "UnnamedAction";
        } else if (temporal(x, scope, 0)) {
          continue; // fairness and other temporal conjuncts are left to TLC
        } else {
          inits.add(x);
        }
      }
      if (nextExpr == null || inits.isEmpty()) {
        throw new Unsupported(cfgSpan, "unsupported", "unsupported: SPECIFICATION " + cfg.specification().name()
            + " is not of the form Init /\\ [][Next]_vars /\\ fairness");
      }
      initExpr = inits.size() == 1 ? inits.get(0) : new Expr.Junction(spec.span(), true, inits);
    } else {
      if (initName == null || nextName == null) {
        throw new Unsupported(cfgSpan, "config", "the config names neither SPECIFICATION nor INIT and NEXT");
      }
      initExpr = new Expr.Name(cfgSpan, initName);
      nextExpr = new Expr.Name(cfgSpan, nextName);
    }
    Ctx rootCtx = Ctx.root(scope);
    final Expr ix = initExpr;
    IrExpr init = collect(() -> lowering.pred(ix, rootCtx.withInit()));
    final Expr nx = nextExpr;
    final String label = nextName == null ? "Next" : nextName;
    ActionPlan next = collect(() -> new NextSplitter(lowering, defs).split(nx, rootCtx, label, List.of()));

    List<MachineIr.Named> invariants = named(cfg.invariants(), rootCtx);
    List<MachineIr.Named> constraints = named(cfg.constraints(), rootCtx);
    List<MachineIr.Named> actionConstraints = named(cfg.actionConstraints(), rootCtx);
    IrExpr view = cfg.view() == null ? null
        : collect(() -> lowering.value(new Expr.Name(cfgSpan, cfg.view().name()), rootCtx));
    IrExpr symmetry = cfg.symmetry() == null ? null
        : collect(() -> lowering.value(new Expr.Name(cfgSpan, cfg.symmetry().name()), rootCtx));
    if (!diagnostics.isEmpty()) {
      return null;
    }
    boolean deadlock = cfg.checkDeadlock();
    return new MachineIr(root.name(), specFile.getFileName().toString(), variables, constants, defs.all(), init,
        next, invariants, constraints, actionConstraints, view, symmetry, deadlock, names(specFile, cfg));
  }

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

  private List<MachineIr.Named> named(List<ModelConfig.Named> names, Ctx root) {
    List<MachineIr.Named> out = new ArrayList<>();
    for (ModelConfig.Named n : names) {
      IrExpr e = collect(() -> lowering.value(new Expr.Name(n.span(), n.name()), root));
      if (e != null) {
        out.add(new MachineIr.Named(n.span(), n.name(), e));
      }
    }
    return out;
  }

  private Expr body(ModuleScope scope, String name, Span at) {
    Entity en = scope.lookup(name);
    if (en instanceof Entity.Definition d && d.def().unit instanceof Unit.OperatorDef od && od.params().isEmpty()) {
      return od.body();
    }
    throw new Unsupported(at, "config", "the config names " + name + ", which is not a definition without parameters");
  }

  /** Whether a SPECIFICATION conjunct is temporal (fairness, [], <>, ~>), unfolding 0-ary definitions. */
  private static boolean temporal(Expr e, ModuleScope scope, int depth) {
    if (depth > 20) {
      return false;
    }
    if (e instanceof Expr.Fairness) {
      return true;
    }
    if (e instanceof Expr.Apply a) {
      if (a.op().equals("[]") || a.op().equals("<>") || a.op().equals("~>")) {
        return true;
      }
      if (a.op().equals("/\\") || a.op().equals("\\/")) {
        return a.args().stream().anyMatch(x -> temporal(x, scope, depth + 1));
      }
    }
    if (e instanceof Expr.Junction j) {
      return j.items().stream().anyMatch(x -> temporal(x, scope, depth + 1));
    }
    if (e instanceof Expr.Quant q && (q.kind() == Expr.Quantifier.FORALL || q.kind() == Expr.Quantifier.EXISTS)) {
      return temporal(q.body(), scope, depth + 1);
    }
    if (e instanceof Expr.Name n && scope.lookup(n.name()) instanceof Entity.Definition d
        && d.def().unit instanceof Unit.OperatorDef od && od.params().isEmpty()) {
      return temporal(od.body(), scope, depth + 1);
    }
    return false;
  }

  /** The conjuncts of a SPECIFICATION formula, unfolding 0-ary definitions that are themselves conjunctions. */
  private void conjuncts(Expr e, ModuleScope scope, List<Expr> out) {
    if (e instanceof Expr.Junction j && j.conjunction()) {
      for (Expr x : j.items()) {
        conjuncts(x, scope, out);
      }
    } else if (e instanceof Expr.Apply a && a.op().equals("/\\")) {
      for (Expr x : a.args()) {
        conjuncts(x, scope, out);
      }
    } else {
      out.add(e);
    }
  }

  // ------------------------------------------------------------------ modules

  private void load(Module m, ModuleScope scope, boolean root) {
    if (!loading.add(m.name() + "@" + scope.prefix)) {
      return;
    }
    for (String ext : m.extendsNames()) {
      if (Builtins.STANDARD_MODULES.contains(ext)) {
        continue;
      }
      Module em = parse(ext, m.span());
      load(em, scope, root);
    }
    for (Unit u : m.units()) {
      if (u instanceof Unit.Variables v) {
        for (Unit.OpDecl d : v.names()) {
          if (!root) {
            throw Unsupported.construct(d.span(), "variable declared in an extended module");
          }
          scope.names.put(d.name(), new Entity.Variable(variables.size(), d.name()));
          variables.add(new MachineIr.Variable(d.span(), d.name()));
        }
      } else if (u instanceof Unit.Constants cs) {
        for (Unit.OpDecl d : cs.names()) {
          if (d.arity() > 0) {
            throw Unsupported.construct(d.span(), "operator constant " + d.name());
          }
          scope.names.put(d.name(), new Entity.Constant(d.name()));
          constantNames.add(d.name());
        }
      } else if (u instanceof Unit.OperatorDef od) {
        scope.names.put(od.name(), new Entity.Definition(new DefInfo(scope.prefix + od.name(), od, scope)));
      } else if (u instanceof Unit.FunctionDef fd) {
        scope.names.put(fd.name(), new Entity.Definition(new DefInfo(scope.prefix + fd.name(), fd, scope)));
      } else if (u instanceof Unit.ModuleDef md) {
        if (!md.params().isEmpty()) {
          throw Unsupported.construct(md.span(), "parameterized INSTANCE " + md.name());
        }
        ModuleScope inst = instance(md.instance(), scope, scope.prefix + md.name() + "!");
        scope.names.put(md.name(), new Entity.Instance(inst));
      } else if (u instanceof Unit.Instance in) {
        ModuleScope inst = instance(in, scope, scope.prefix);
        for (var e : inst.names.entrySet()) {
          if (e.getValue() instanceof Entity.Definition) {
            scope.names.put(e.getKey(), e.getValue());
          }
        }
      }
      // RECURSIVE declarations need nothing; ASSUME, THEOREM and submodules are not evaluated.
    }
  }

  private ModuleScope instance(Unit.Instance in, ModuleScope outer, String prefix) {
    Module m = parse(in.module(), in.span());
    ModuleScope scope = new ModuleScope(m.name(), prefix);
    scope.substituted = !in.substitutions().isEmpty();
    Ctx outerCtx = Ctx.root(outer);
    for (String ext : m.extendsNames()) {
      if (!Builtins.STANDARD_MODULES.contains(ext)) {
        throw Unsupported.construct(in.span(), "INSTANCE of a module that EXTENDS a user module (" + ext + ")");
      }
    }
    for (Unit u : m.units()) {
      List<Unit.OpDecl> decls = u instanceof Unit.Variables v ? v.names() : u instanceof Unit.Constants cs ? cs.names() : null;
      if (decls != null) {
        for (Unit.OpDecl d : decls) {
          Expr sub = null;
          for (Unit.Substitution s : in.substitutions()) {
            if (s.name().equals(d.name())) {
              sub = s.value();
            }
          }
          if (sub == null) {
            Entity same = outer.lookup(d.name());
            if (same == null) {
              throw new Unsupported(in.span(), "undefined", "INSTANCE " + m.name() + " needs a substitution for "
                  + d.name());
            }
            scope.names.put(d.name(), same);
          } else {
            scope.names.put(d.name(), new Entity.Thunk(sub, outerCtx));
          }
        }
      } else if (u instanceof Unit.OperatorDef od) {
        scope.names.put(od.name(), new Entity.Definition(new DefInfo(prefix + od.name(), od, scope)));
      } else if (u instanceof Unit.FunctionDef fd) {
        scope.names.put(fd.name(), new Entity.Definition(new DefInfo(prefix + fd.name(), fd, scope)));
      } else if (u instanceof Unit.ModuleDef || u instanceof Unit.Instance) {
        throw Unsupported.construct(u.span(), "nested INSTANCE inside an instantiated module");
      }
    }
    return scope;
  }

  private Module parse(String name, Span at) {
    Path file = dir.resolve(name + ".tla");
    if (!Files.exists(file)) {
      throw new Unsupported(at, "undefined", "cannot find module " + name + " (looked for " + name + ".tla next to the spec)");
    }
    ParseResult r = Frontend.parseFile(file);
    if (!r.ok()) {
      diagnostics.addAll(r.diagnostics());
      throw new Unsupported(at, "parse", "module " + name + " does not parse");
    }
    return r.module();
  }

  /** Every name TLC interns before it checks this spec, in TLC's order (see {@link NameOrder}). */
  private List<String> names(Path specFile, ModelConfig cfg) {
    return NameOrder.forSpec(specFile, cfg.constants().stream().map(ModelConfig.ConstantValue::value).toList());
  }
}
