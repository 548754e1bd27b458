package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.resolve.Binding;
import java.util.List;

/** What a local declaration (parameter, bound variable, LET definition, {@code @}) stands for while lowering. */
sealed interface Entity {

  /** A value already lowered: a bound variable or a parameter bound to a constant id. */
  record Value(IrExpr expr) implements Entity {}

  /**
   * A LET definition without parameters used more than once, computed once into a local
   * ({@code ref}). Used primed it is its body lowered primed (TLA+: {@code p'} is the body with
   * every variable primed), never the local, which holds the unprimed value.
   */
  record Cached(IrExpr ref, Expr body, Ctx ctx) implements Entity {}

  /**
   * An expression substituted by name (operator arguments, INSTANCE substitutions, LET definitions
   * used once): lowered at each use in the context it was written in, primed when used primed.
   */
  record Thunk(Expr expr, Ctx ctx) implements Entity {}

  /**
   * An operator passed to an operator parameter: what the resolver bound the argument's name to
   * ({@code target}, in {@code ctx}), or a LAMBDA.
   */
  record OpArg(Binding target, Expr.Lambda lambda, Ctx ctx) implements Entity {}

  /** A LET-defined operator with parameters (inlined at each use). */
  record LetOperator(Unit.OperatorDef def, Ctx ctx) implements Entity {}

  /** A LET-defined function {@code f[x \in S] == e}, lifted to a definition with captured variables. */
  record LetFunction(String key, List<IrExpr> captured) implements Entity {}
}
