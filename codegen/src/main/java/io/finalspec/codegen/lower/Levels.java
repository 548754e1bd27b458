package io.finalspec.codegen.lower;

import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.Operator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/** Levels (0 constant, 1 state, 2 action) and free bound variables of IR expressions. */
final class Levels {
  private Levels() {}

  static int level(IrExpr e, ToIntFunction<String> defLevel) {
    if (e instanceof IrExpr.Lit) {
      return 0;
    }
    if (e instanceof IrExpr.Ref r) {
      switch (r.kind()) {
        case VAR: return 1;
        case PRIMED: return 2;
        default: return 0;
      }
    }
    if (e instanceof IrExpr.Apply a) {
      int l = a.op() == Operator.UNCHANGED ? 2 : 0;
      for (IrExpr x : a.args()) {
        l = Math.max(l, level(x, defLevel));
      }
      return l;
    }
    if (e instanceof IrExpr.Call c) {
      int l = defLevel.applyAsInt(c.def());
      for (IrExpr x : c.args()) {
        l = Math.max(l, level(x, defLevel));
      }
      return l;
    }
    if (e instanceof IrExpr.Binder b) {
      int l = level(b.body(), defLevel);
      for (IrExpr.Bound bd : b.bounds()) {
        l = Math.max(l, level(bd.set(), defLevel));
      }
      return l;
    }
    if (e instanceof IrExpr.Let let) {
      int l = level(let.body(), defLevel);
      for (IrExpr.LetDef d : let.defs()) {
        l = Math.max(l, level(d.value(), defLevel));
      }
      return l;
    }
    if (e instanceof IrExpr.If i) {
      return Math.max(level(i.cond(), defLevel), Math.max(level(i.then(), defLevel), level(i.otherwise(), defLevel)));
    }
    if (e instanceof IrExpr.Case c) {
      int l = c.other() == null ? 0 : level(c.other(), defLevel);
      for (IrExpr.Arm a : c.arms()) {
        l = Math.max(l, Math.max(level(a.guard(), defLevel), level(a.body(), defLevel)));
      }
      return l;
    }
    IrExpr.Except x = (IrExpr.Except) e;
    int l = level(x.fn(), defLevel);
    for (IrExpr.Clause c : x.clauses()) {
      l = Math.max(l, level(c.value(), defLevel));
      for (IrExpr p : c.path()) {
        l = Math.max(l, level(p, defLevel));
      }
    }
    return l;
  }

  /** The BOUND references of {@code e} not bound inside it, by id, in first-occurrence order. */
  static Map<Integer, IrExpr.Ref> freeBound(IrExpr e) {
    Map<Integer, IrExpr.Ref> out = new LinkedHashMap<>();
    free(e, out, new java.util.HashSet<>());
    return out;
  }

  private static void free(IrExpr e, Map<Integer, IrExpr.Ref> out, java.util.Set<Integer> bound) {
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
      java.util.Set<Integer> inner = new java.util.HashSet<>(bound);
      b.bounds().forEach(bd -> inner.addAll(bd.ids()));
      free(b.body(), out, inner);
    } else if (e instanceof IrExpr.Let let) {
      java.util.Set<Integer> inner = new java.util.HashSet<>(bound);
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
