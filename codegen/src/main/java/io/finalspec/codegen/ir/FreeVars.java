package io.finalspec.codegen.ir;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Free bound variables of IR expressions. */
public final class FreeVars {
  private FreeVars() {}

  /** The BOUND references of {@code e} not bound inside it, by id, in first-occurrence order. */
  public static Map<Integer, IrExpr.Ref> of(IrExpr e) {
    Map<Integer, IrExpr.Ref> out = new LinkedHashMap<>();
    free(e, out, new HashSet<>());
    return out;
  }

  private static void free(IrExpr e, Map<Integer, IrExpr.Ref> out, Set<Integer> bound) {
    if (e instanceof IrExpr.Ref r) {
      if (r.kind() == IrExpr.RefKind.BOUND && !bound.contains(r.index())) {
        out.putIfAbsent(r.index(), r);
      }
    } else if (e instanceof IrExpr.Apply a) {
      a.args().forEach(x -> free(x, out, bound));
    } else if (e instanceof IrExpr.Call c) {
      c.args().forEach(x -> free(x, out, bound));
    } else if (e instanceof IrExpr.Binder b) {
      for (IrExpr.Bound bd : b.bounds()) {
        free(bd.set(), out, bound);
      }
      Set<Integer> inner = new HashSet<>(bound);
      b.bounds().forEach(bd -> inner.addAll(bd.ids()));
      free(b.body(), out, inner);
    } else if (e instanceof IrExpr.Let let) {
      Set<Integer> inner = new HashSet<>(bound);
      for (IrExpr.LetDef d : let.defs()) {
        free(d.value(), out, inner);
        inner.add(d.id());
      }
      free(let.body(), out, inner);
    } else if (e instanceof IrExpr.If i) {
      free(i.cond(), out, bound);
      free(i.then(), out, bound);
      free(i.otherwise(), out, bound);
    } else if (e instanceof IrExpr.Case c) {
      for (IrExpr.Arm a : c.arms()) {
        free(a.guard(), out, bound);
        free(a.body(), out, bound);
      }
      if (c.other() != null) {
        free(c.other(), out, bound);
      }
    } else if (e instanceof IrExpr.Except x) {
      free(x.fn(), out, bound);
      for (IrExpr.Clause c : x.clauses()) {
        c.path().forEach(p -> free(p, out, bound));
        free(c.value(), out, bound);
      }
    }
  }
}
