package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Unit;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module after name resolution. The AST is unchanged; every name use is linked to its
 * {@link Binding} through {@link #binding(Object)} (an identity map shared by all modules of one
 * {@link Resolver#resolve} call, so bindings inside extended or instantiated modules are there too).
 */
public final class ResolvedModule {
  private final Module module;
  private final List<Binding.Variable> variables;
  private final List<Binding.Constant> constants;
  private final Map<String, Binding> globals;
  private final Map<String, Binding> exports;
  private final Map<String, ResolvedModule> dependencies;
  private final IdentityHashMap<Object, Binding> uses;
  private final IdentityHashMap<Expr.Lambda, List<Unit.OpDecl>> lambdaParams;
  private Levels levels;

  ResolvedModule(Module module, List<Binding.Variable> variables, List<Binding.Constant> constants,
      Map<String, Binding> globals, Map<String, Binding> exports, Map<String, ResolvedModule> dependencies,
      IdentityHashMap<Object, Binding> uses, IdentityHashMap<Expr.Lambda, List<Unit.OpDecl>> lambdaParams) {
    this.module = module;
    this.variables = List.copyOf(variables);
    this.constants = List.copyOf(constants);
    this.globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
    this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(exports));
    this.dependencies = dependencies;
    this.uses = uses;
    this.lambdaParams = lambdaParams;
  }

  public Module module() {
    return module;
  }

  public String name() {
    return module.name();
  }

  /** State variables in declaration order, those of extended modules first. */
  public List<Binding.Variable> variables() {
    return variables;
  }

  /** Constants in declaration order, those of extended modules first. */
  public List<Binding.Constant> constants() {
    return constants;
  }

  /**
   * Every name visible at the end of the module (definitions, variables, constants, standard
   * operators and instance names), in the order they became visible.
   */
  public Map<String, Binding> globals() {
    return globals;
  }

  /** What EXTENDS or INSTANCE of this module makes visible (no LOCAL definitions). */
  public Map<String, Binding> exports() {
    return exports;
  }

  public Optional<Binding> lookup(String name) {
    return Optional.ofNullable(globals.get(name));
  }

  /** Modules this one extends or instantiates, directly or not, by name (standard modules excluded). */
  public Map<String, ResolvedModule> dependencies() {
    return Collections.unmodifiableMap(dependencies);
  }

  /**
   * This module and the user modules it EXTENDS, directly or not, extended ones first (TLC's order):
   * the modules whose definitions share this module's constants and variables.
   */
  public List<ResolvedModule> withExtended() {
    java.util.Set<ResolvedModule> out = new java.util.LinkedHashSet<>();
    addExtended(this, out);
    return List.copyOf(out);
  }

  private void addExtended(ResolvedModule m, java.util.Set<ResolvedModule> out) {
    for (String ext : m.module.extendsNames()) {
      ResolvedModule e = dependencies.get(ext);
      if (e != null && !out.contains(e)) {
        addExtended(e, out);
      }
    }
    out.add(m);
  }

  /**
   * The binding of a name use: an {@code Expr.Name}, {@code Expr.Apply}, {@code Expr.Qualified},
   * {@code Expr.OpArg} or {@code Expr.Step} node (by identity); null for other nodes.
   */
  public Binding binding(Object node) {
    return uses.get(node);
  }

  /** The declarations of a LAMBDA's parameters (the {@link Binding.Param}s of their uses). */
  public List<Unit.OpDecl> lambdaParams(Expr.Lambda lambda) {
    return lambdaParams.get(lambda);
  }

  /** Levels of this program's expressions and definitions (computed on demand, memoized). */
  public Levels levels() {
    if (levels == null) {
      levels = new Levels(this);
    }
    return levels;
  }
}
