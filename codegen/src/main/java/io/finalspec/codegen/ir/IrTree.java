package io.finalspec.codegen.ir;

import java.util.function.Predicate;

/** Walks over IR expressions. */
public final class IrTree {
  private IrTree() {}

  /** Whether {@code e} or any expression inside it (bound sets, LET values, EXCEPT paths included) satisfies {@code p}. */
  public static boolean anyMatch(IrExpr e, Predicate<IrExpr> p) {
    if (p.test(e)) {
      return true;
    }
    if (e instanceof IrExpr.Apply a) {
      return a.args().stream().anyMatch(x -> anyMatch(x, p));
    }
    if (e instanceof IrExpr.Call c) {
      return c.args().stream().anyMatch(x -> anyMatch(x, p));
    }
    if (e instanceof IrExpr.Binder b) {
      return anyMatch(b.body(), p) || b.bounds().stream().anyMatch(bd -> anyMatch(bd.set(), p));
    }
    if (e instanceof IrExpr.Let l) {
      return anyMatch(l.body(), p) || l.defs().stream().anyMatch(d -> anyMatch(d.value(), p));
    }
    if (e instanceof IrExpr.If i) {
      return anyMatch(i.cond(), p) || anyMatch(i.then(), p) || anyMatch(i.otherwise(), p);
    }
    if (e instanceof IrExpr.Case c) {
      return (c.other() != null && anyMatch(c.other(), p))
          || c.arms().stream().anyMatch(a -> anyMatch(a.guard(), p) || anyMatch(a.body(), p));
    }
    if (e instanceof IrExpr.Except x) {
      return anyMatch(x.fn(), p) || x.clauses().stream().anyMatch(c -> anyMatch(c.value(), p)
          || c.path().stream().anyMatch(k -> anyMatch(k, p)));
    }
    return false;
  }
}
