package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.ParseResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name resolution: scopes, definition-before-use, arity, RECURSIVE, LOCAL, EXTENDS and INSTANCE
 * (modules from the {@link ModuleLoader}, standard modules built in, see {@link StdModules}).
 * The AST is left as is; bindings go into an identity map exposed by {@link ResolvedModule}.
 * Like SANY, a name may not be redeclared while it is visible.
 */
public final class Resolver {
  private final ModuleLoader loader;
  final IdentityHashMap<Object, Binding> uses = new IdentityHashMap<>();
  final IdentityHashMap<Expr.Lambda, List<Unit.OpDecl>> lambdaParams = new IdentityHashMap<>();
  final List<Diagnostic> diagnostics = new ArrayList<>();
  private final Map<String, ResolvedModule> done = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();

  private Resolver(ModuleLoader loader) {
    this.loader = loader;
  }

  /** Resolves {@code root} and every module it extends or instantiates. */
  public static ResolveResult resolve(Module root, ModuleLoader loader) {
    Resolver r = new Resolver(loader);
    ResolvedModule m = r.resolveModule(root);
    if (!r.diagnostics.isEmpty()) {
      return new ResolveResult(null, r.diagnostics);
    }
    return new ResolveResult(m, List.of());
  }

  /** Parses {@code tla} and resolves it, loading EXTENDS/INSTANCE modules from its folder. */
  public static ResolveResult resolveFile(java.nio.file.Path tla) {
    ParseResult p = io.finalspec.codegen.parse.Frontend.parseFile(tla);
    if (!p.ok()) {
      return new ResolveResult(null, p.diagnostics());
    }
    java.nio.file.Path dir = tla.toAbsolutePath().getParent();
    return resolve(p.module(), ModuleLoader.folder(dir));
  }

  void error(Span span, String code, String message) {
    diagnostics.add(new Diagnostic(span, code, message));
  }

  /** Per-module state while its units are resolved. */
  final class ModuleState {
    final Module module;
    final Scope global;
    final Map<String, Binding> exports = new LinkedHashMap<>();
    final List<Binding.Variable> variables = new ArrayList<>();
    final List<Binding.Constant> constants = new ArrayList<>();
    final Map<String, ResolvedModule> deps = new LinkedHashMap<>();

    ModuleState(Module module) {
      this.module = module;
      Scope core = new Scope(null);
      StdModules.CORE.forEach((n, a) -> core.names.put(n, new Binding.Builtin("", n, a)));
      this.global = new Scope(core);
    }

    String name() {
      return module.name();
    }
  }

  private ResolvedModule resolveModule(Module m) {
    ModuleState st = new ModuleState(m);
    inProgress.add(m.name());
    for (String ext : m.extendsNames()) {
      ResolvedModule target = load(ext, m.span(), st);
      if (target != null) {
        for (Map.Entry<String, Binding> e : target.exports().entrySet()) {
          importName(st, e.getKey(), e.getValue(), true, m.span());
        }
        for (Binding.Variable v : target.variables()) {
          if (!st.variables.contains(v)) {
            st.variables.add(v);
          }
        }
        for (Binding.Constant c : target.constants()) {
          if (!st.constants.contains(c)) {
            st.constants.add(c);
          }
        }
      }
    }
    ExprResolver exprs = new ExprResolver(this, st);
    for (Unit u : m.units()) {
      unit(st, exprs, st.global, u, true);
    }
    checkRecursiveDefined(st.global);
    inProgress.remove(m.name());
    ResolvedModule rm = new ResolvedModule(m, st.variables, st.constants, flatten(st.global), st.exports, st.deps, uses, lambdaParams);
    done.put(m.name(), rm);
    return rm;
  }

  private static Map<String, Binding> flatten(Scope global) {
    Map<String, Binding> out = new LinkedHashMap<>(global.parent.names);
    out.putAll(global.names);
    return out;
  }

  void checkRecursiveDefined(Scope s) {
    for (Scope.RecursiveSlot slot : s.recursive.values()) {
      if (slot.definition == null) {
        error(slot.decl.span(), "recursive", "RECURSIVE operator '" + slot.decl.name() + "' is declared but never defined");
      }
    }
  }

  /** A module named by EXTENDS or INSTANCE: standard, already resolved, or loaded and resolved now. */
  ResolvedModule load(String name, Span at, ModuleState into) {
    if (StdModules.isStandard(name)) {
      return standard(name);
    }
    ResolvedModule r = done.get(name);
    if (r == null) {
      if (inProgress.contains(name)) {
        error(at, "cycle", "circular EXTENDS/INSTANCE involving module '" + name + "'");
        return null;
      }
      ParseResult pr = loader.load(name);
      if (pr == null) {
        error(at, "module", "cannot find module '" + name + "' (looked for " + name + ".tla in " + loader.describe() + ")");
        return null;
      }
      if (!pr.ok()) {
        diagnostics.addAll(pr.diagnostics());
        return null;
      }
      r = resolveModule(pr.module());
    }
    into.deps.put(name, r);
    into.deps.putAll(r.dependencies());
    return r;
  }

  private ResolvedModule standard(String name) {
    return done.computeIfAbsent("$std$" + name, k -> {
      Map<String, Binding> ex = new LinkedHashMap<>();
      StdModules.exports(name).forEach((n, a) -> ex.put(n, new Binding.Builtin(StdModules.homeOf(n), n, a)));
      Module m = new Module(Span.point(name + ".tla", 1, 1), name, List.of(), List.of());
      return new ResolvedModule(m, List.of(), List.of(), ex, ex, Map.of(), uses, lambdaParams);
    });
  }

  /** Imports a name from another module; importing the same thing twice (diamond EXTENDS) is fine. */
  private void importName(ModuleState st, String name, Binding b, boolean export, Span at) {
    Binding old = st.global.lookup(name);
    if (old != null) {
      if (!old.equals(b)) {
        error(at, "duplicate", "'" + name + "' is defined twice (imported definitions clash)");
      }
      return;
    }
    st.global.names.put(name, b);
    if (export) {
      st.exports.put(name, b);
    }
  }

  /** Declares a name in {@code scope}, reporting a clash with any visible name. */
  void declare(Scope scope, String name, Binding b, Span at) {
    Binding old = scope.lookup(name);
    Scope.RecursiveSlot slot = scope.lookupRecursive(name);
    if (old != null || (slot != null && !(b instanceof Binding.Definition))) {
      error(at, "duplicate", "'" + name + "' is already defined" + where(old));
      return;
    }
    scope.names.put(name, b);
  }

  private static String where(Binding b) {
    Span s = null;
    if (b instanceof Binding.Definition d) {
      s = d.def().span();
    } else if (b instanceof Binding.Variable v) {
      s = v.decl().span();
    } else if (b instanceof Binding.Constant c) {
      s = c.decl().span();
    } else if (b instanceof Binding.Param p) {
      s = p.decl().span();
    } else if (b instanceof Binding.BoundVar bv) {
      s = bv.bound().span();
    } else if (b instanceof Binding.ModuleInstance mi) {
      s = mi.def().span();
    } else if (b instanceof Binding.Builtin bi) {
      return bi.module().isEmpty() ? " (built in)" : " (in the standard module " + bi.module() + ")";
    }
    return s == null ? "" : " (at " + s.where() + ")";
  }

  /** Resolves one module-level or LET-level unit in {@code scope}. */
  void unit(ModuleState st, ExprResolver exprs, Scope scope, Unit u, boolean moduleLevel) {
    if (u instanceof Unit.Variables v) {
      for (Unit.OpDecl d : v.names()) {
        Binding.Variable b = new Binding.Variable(st.name(), d);
        declare(scope, d.name(), b, d.span());
        st.variables.add(b);
        st.exports.put(d.name(), b);
      }
    } else if (u instanceof Unit.Constants c) {
      for (Unit.OpDecl d : c.names()) {
        Binding.Constant b = new Binding.Constant(st.name(), d);
        declare(scope, d.name(), b, d.span());
        st.constants.add(b);
        st.exports.put(d.name(), b);
      }
    } else if (u instanceof Unit.Recursive r) {
      for (Unit.OpDecl d : r.names()) {
        if (scope.lookup(d.name()) != null || scope.recursive.containsKey(d.name())) {
          error(d.span(), "duplicate", "'" + d.name() + "' is already defined" + where(scope.lookup(d.name())));
        } else {
          scope.recursive.put(d.name(), new Scope.RecursiveSlot(d));
        }
      }
    } else if (u instanceof Unit.OperatorDef d) {
      Binding.Definition b = new Binding.Definition(st.name(), d, null);
      Scope inner = new Scope(scope);
      for (Unit.OpDecl p : d.params()) {
        declare(inner, p.name(), new Binding.Param(p), p.span());
      }
      Scope.RecursiveSlot slot = scope.recursive.get(d.name());
      if (slot != null) {
        slot.definition = b;   // visible in its own body
        if (slot.decl.arity() != d.params().size()) {
          error(d.span(), "arity", "RECURSIVE declares '" + d.name() + "' with " + slot.decl.arity()
              + " argument(s) but it is defined with " + d.params().size());
        }
      }
      exprs.resolve(d.body(), inner);
      define(st, scope, d.name(), b, d.local(), moduleLevel, d.span());
      if (slot != null) {
        for (Object use : slot.pendingUses) {
          uses.put(use, b);
        }
        slot.pendingUses.clear();
      }
    } else if (u instanceof Unit.FunctionDef f) {
      Binding.Definition b = new Binding.Definition(st.name(), f, null);
      for (var bound : f.bounds()) {
        exprs.resolve(bound.set(), scope);
      }
      Scope self = new Scope(scope);
      declare(self, f.name(), b, f.span());           // recursive functions see themselves
      Scope inner = new Scope(self);
      exprs.declareBounds(inner, f.bounds());
      exprs.resolve(f.body(), inner);
      define(st, scope, f.name(), b, f.local(), moduleLevel, f.span());
    } else if (u instanceof Unit.Instance i) {
      Instantiation inst = instantiation(st, exprs, scope, i, List.of());
      if (inst != null) {
        ResolvedModule target = done.get(i.module()) != null ? done.get(i.module()) : standard(i.module());
        for (Map.Entry<String, Binding> e : target.exports().entrySet()) {
          Binding b = e.getValue();
          if (b instanceof Binding.Variable || b instanceof Binding.Constant) {
            continue;   // substituted, not imported
          }
          if (b instanceof Binding.Definition d && d.via() == null) {
            b = new Binding.Definition(d.module(), d.def(), inst);
          }
          if (moduleLevel) {
            importName(st, e.getKey(), b, !i.local(), i.span());
          } else {
            declare(scope, e.getKey(), b, i.span());
          }
        }
      }
    } else if (u instanceof Unit.ModuleDef md) {
      Scope inner = new Scope(scope);
      for (Unit.OpDecl p : md.params()) {
        declare(inner, p.name(), new Binding.Param(p), p.span());
      }
      Instantiation inst = instantiation(st, exprs, inner, md.instance(), md.params());
      if (inst != null) {
        define(st, scope, md.name(), new Binding.ModuleInstance(st.name(), md, inst), md.local(), moduleLevel,
            md.span());
      }
    } else if (u instanceof Unit.Assume a) {
      exprs.resolve(a.expr(), scope);
    } else if (u instanceof Unit.Theorem t) {
      exprs.resolve(t.expr(), scope);
    }
    // Unit.Submodule: nested modules are parsed but not resolved (see README-frontend.md)
  }

  private void define(ModuleState st, Scope scope, String name, Binding b, boolean local, boolean moduleLevel,
      Span at) {
    declare(scope, name, b, at);
    if (moduleLevel && !local) {
      st.exports.put(name, b);
    }
  }

  private Instantiation instantiation(ModuleState st, ExprResolver exprs, Scope scope, Unit.Instance i,
      List<Unit.OpDecl> params) {
    ResolvedModule target = load(i.module(), i.span(), st);
    if (target == null) {
      return null;
    }
    Map<String, Expr> subs = new LinkedHashMap<>();
    Set<String> parameters = new java.util.LinkedHashSet<>();
    target.constants().forEach(c -> parameters.add(c.decl().name()));
    target.variables().forEach(v -> parameters.add(v.decl().name()));
    for (Unit.Substitution s : i.substitutions()) {
      if (!parameters.contains(s.name())) {
        error(s.span(), "instance", "'" + s.name() + "' is not a constant or variable of module " + i.module());
        continue;
      }
      exprs.resolveArgument(s.value(), scope, arityOf(target, s.name()), "substitution for '" + s.name() + "'");
      subs.put(s.name(), s.value());
    }
    for (String p : parameters) {
      if (!subs.containsKey(p)) {
        Expr.Name implicit = new Expr.Name(i.span(), p);
        Binding b = scope.lookup(p);
        if (b == null) {
          error(i.span(), "instance", "INSTANCE " + i.module() + ": no substitution for '" + p
              + "' and no '" + p + "' in scope");
          continue;
        }
        uses.put(implicit, b);
        subs.put(p, implicit);
      }
    }
    return new Instantiation(i.span(), st.name(), i.module(), params, subs);
  }

  private static int arityOf(ResolvedModule target, String name) {
    for (Binding.Constant c : target.constants()) {
      if (c.decl().name().equals(name)) {
        return c.arity();
      }
    }
    return 0;
  }
}
