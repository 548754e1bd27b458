package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprWalker;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.resolve.Binding;
import io.finalspec.codegen.resolve.ResolvedModule;
import java.util.List;

/** Counts the uses of a LET definition (to decide whether it becomes a local computed once). */
final class Uses {
  private Uses() {}

  /**
   * Uses of {@code def} in the later LET definitions and the body; a use inside a binder, a LAMBDA
   * or another definition counts twice (it may be evaluated many times).
   */
  static int count(ResolvedModule program, Unit def, List<Unit> laterDefs, Expr body) {
    int n = count(program, def, body);
    for (Unit u : laterDefs) {
      for (Expr x : ExprWalker.children(u)) {
        n += 2 * count(program, def, x);
      }
    }
    return n;
  }

  private static int count(ResolvedModule program, Unit def, Expr e) {
    int own = program.binding(e) instanceof Binding.Definition d && d.def() == def ? 1 : 0;
    int weight = e instanceof Expr.Quant || e instanceof Expr.Choose || e instanceof Expr.SetFilter
        || e instanceof Expr.SetMap || e instanceof Expr.FnConstruct || e instanceof Expr.Lambda ? 2 : 1;
    int[] inner = {0};
    ExprWalker.forEachChild(e, c -> inner[0] += count(program, def, c));
    return own + weight * inner[0];
  }
}
