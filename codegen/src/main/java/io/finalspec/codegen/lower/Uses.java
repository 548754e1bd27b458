package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Unit;
import java.util.List;

/** Counts the syntactic uses of a name (to decide whether a LET definition becomes a local). */
final class Uses {
  private Uses() {}

  static int count(String name, List<Unit> laterDefs, Expr body) {
    int n = count(name, body);
    for (Unit u : laterDefs) {
      if (u instanceof Unit.OperatorDef od) {
        n += 2 * count(name, od.body());
      } else if (u instanceof Unit.FunctionDef fd) {
        n += 2 * count(name, fd.body());
        for (Bound b : fd.bounds()) {
          n += b.set() == null ? 0 : 2 * count(name, b.set());
        }
      }
    }
    return n;
  }

  /** Occurrences of {@code name} as a name or operator in {@code e} (binders inside count as 2: evaluated many times). */
  static int count(String name, Expr e) {
    if (e == null) {
      return 0;
    }
    if (e instanceof Expr.Name n) {
      return n.name().equals(name) ? 1 : 0;
    }
    if (e instanceof Expr.Apply a) {
      int k = a.op().equals(name) ? 1 : 0;
      for (Expr x : a.args()) {
        k += count(name, x);
      }
      return k;
    }
    if (e instanceof Expr.Qualified q) {
      int k = 0;
      for (Expr x : q.args()) {
        k += count(name, x);
      }
      return k;
    }
    if (e instanceof Expr.Lambda l) {
      return 2 * count(name, l.body());
    }
    if (e instanceof Expr.Junction j) {
      return sum(name, j.items());
    }
    if (e instanceof Expr.If i) {
      return count(name, i.cond()) + count(name, i.then()) + count(name, i.otherwise());
    }
    if (e instanceof Expr.Case c) {
      int k = count(name, c.other());
      for (Expr.Arm a : c.arms()) {
        k += count(name, a.guard()) + count(name, a.body());
      }
      return k;
    }
    if (e instanceof Expr.Let l) {
      return count(name, l.defs(), l.body());
    }
    if (e instanceof Expr.Quant q) {
      return bounds(name, q.bounds()) + 2 * count(name, q.body());
    }
    if (e instanceof Expr.Choose c) {
      return bounds(name, List.of(c.bound())) + 2 * count(name, c.body());
    }
    if (e instanceof Expr.SetEnum s) {
      return sum(name, s.elements());
    }
    if (e instanceof Expr.SetFilter f) {
      return bounds(name, List.of(f.bound())) + 2 * count(name, f.predicate());
    }
    if (e instanceof Expr.SetMap m) {
      return bounds(name, m.bounds()) + 2 * count(name, m.element());
    }
    if (e instanceof Expr.Tuple t) {
      return sum(name, t.elements());
    }
    if (e instanceof Expr.FnConstruct f) {
      return bounds(name, f.bounds()) + 2 * count(name, f.body());
    }
    if (e instanceof Expr.FnSet f) {
      return count(name, f.domain()) + count(name, f.range());
    }
    if (e instanceof Expr.FnApply f) {
      return count(name, f.fn()) + sum(name, f.args());
    }
    if (e instanceof Expr.Except x) {
      int k = count(name, x.fn());
      for (Expr.ExceptClause c : x.clauses()) {
        k += count(name, c.value());
        for (Expr.PathStep st : c.path()) {
          if (st instanceof Expr.IndexStep is) {
            k += sum(name, is.args());
          }
        }
      }
      return k;
    }
    if (e instanceof Expr.Record r) {
      int k = 0;
      for (Expr.Field f : r.fields()) {
        k += count(name, f.value());
      }
      return k;
    }
    if (e instanceof Expr.RecordSet r) {
      int k = 0;
      for (Expr.Field f : r.fields()) {
        k += count(name, f.value());
      }
      return k;
    }
    if (e instanceof Expr.Select s) {
      return count(name, s.record());
    }
    if (e instanceof Expr.ActionExpr a) {
      return count(name, a.action()) + count(name, a.subscript());
    }
    if (e instanceof Expr.Fairness f) {
      return count(name, f.action()) + count(name, f.subscript());
    }
    return 0;
  }

  private static int sum(String name, List<Expr> es) {
    int k = 0;
    for (Expr x : es) {
      k += count(name, x);
    }
    return k;
  }

  private static int bounds(String name, List<Bound> bs) {
    int k = 0;
    for (Bound b : bs) {
      k += count(name, b.set());
    }
    return k;
  }
}
