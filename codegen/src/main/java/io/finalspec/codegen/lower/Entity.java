package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.IrExpr;
import java.util.List;

/** What a name denotes during lowering. */
sealed interface Entity {

  /** A state variable of the root module. */
  record Variable(int index, String name) implements Entity {}

  /** A model constant of the root module (bound by the config). */
  record Constant(String name) implements Entity {}

  /** A user definition (operator or function) in the module context it was written in. */
  record Definition(DefInfo def) implements Entity {}

  /** A built-in operator of the standard modules. */
  record Builtin(String name) implements Entity {}

  /** A value already lowered: a bound variable or a parameter bound to a constant id. */
  record Value(IrExpr expr) implements Entity {}

  /**
   * An expression substituted by name (operator arguments, INSTANCE substitutions, LET definitions
   * used once): lowered at each use in the context it was written in, primed when used primed.
   */
  record Thunk(Expr expr, Ctx ctx) implements Entity {}

  /** An operator passed to an operator parameter: a definition, a built-in, a LAMBDA, or a LET operator. */
  record OpArg(Entity target, Expr.Lambda lambda, Ctx ctx) implements Entity {}

  /** A LET-defined operator with parameters (inlined at each use). */
  record LetOperator(Unit.OperatorDef def, Ctx ctx) implements Entity {}

  /** A LET-defined function {@code f[x \in S] == e}, lifted to a definition with captured variables. */
  record LetFunction(String key, List<IrExpr> captured) implements Entity {}

  /** {@code M == INSTANCE N WITH ...}: names qualified with {@code M!} resolve in {@code scope}. */
  record Instance(ModuleScope scope) implements Entity {}
}
