package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Unit;

/**
 * What a name use refers to. {@link ResolvedModule#binding(Object)} gives the binding of every
 * {@code Name}, {@code Apply}, {@code Qualified}, {@code OpArg} and qualified-name {@code Step}.
 */
public sealed interface Binding {
  /** Number of arguments the named thing takes (0 for values). */
  int arity();

  /** A state variable declared in {@code module}. */
  record Variable(String module, Unit.OpDecl decl) implements Binding {
    public int arity() { return 0; }
  }

  /** A declared constant of {@code module} (may be an operator constant {@code F(_, _)}). */
  record Constant(String module, Unit.OpDecl decl) implements Binding {
    public int arity() { return decl.arity(); }
  }

  /** A parameter of an operator definition, module definition or LAMBDA. */
  record Param(Unit.OpDecl decl) implements Binding {
    public int arity() { return decl.arity(); }
  }

  /** A variable bound by a quantifier, CHOOSE, set comprehension, function constructor or function definition. */
  record BoundVar(Bound bound, String name) implements Binding {
    public int arity() { return 0; }
  }

  /**
   * An operator or function definition ({@link Unit.OperatorDef} or {@link Unit.FunctionDef}) of
   * {@code module}. {@code via} is the instantiation through which it was reached when it comes
   * from an {@code INSTANCE} (its module's constants and variables are then substituted), else null.
   */
  record Definition(String module, Unit def, Instantiation via) implements Binding {
    public int arity() {
      return def instanceof Unit.OperatorDef d ? d.params().size() : 0;
    }

    public String name() {
      return def instanceof Unit.OperatorDef d ? d.name() : ((Unit.FunctionDef) def).name();
    }
  }

  /** The {@code M} of {@code M == INSTANCE N ...} (used as {@code M!Op} or {@code M(x)!Op}). */
  record ModuleInstance(String module, Unit.ModuleDef def, Instantiation instantiation) implements Binding {
    public int arity() { return def.params().size(); }
  }

  /**
   * A built-in operator: {@code module} is "" for the core language (=, \in, SUBSET, BOOLEAN, ...)
   * or the standard module defining it (Naturals, Integers, Sequences, FiniteSets, TLC, Reals);
   * {@code name} is the canonical operator name; arity -1 means variadic ({@code \X}).
   */
  record Builtin(String module, String name, int arity) implements Binding {}
}
