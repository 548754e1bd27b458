package io.finalspec.codegen.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generic traversal helpers: the direct sub-expressions of an expression, in source order
 * (bound sets before bodies; LET definitions' bodies before the LET body).
 */
public final class ExprWalker {
  private ExprWalker() {}

  public static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    forEachChild(e, out::add);
    return out;
  }

  /** Every expression directly inside a unit (operator/function body, bound sets, substitutions, assumptions). */
  public static List<Expr> children(Unit u) {
    List<Expr> out = new ArrayList<>();
    if (u instanceof Unit.OperatorDef d) {
      out.add(d.body());
    } else if (u instanceof Unit.FunctionDef f) {
      bounds(f.bounds(), out::add);
      out.add(f.body());
    } else if (u instanceof Unit.Instance i) {
      i.substitutions().forEach(s -> out.add(s.value()));
    } else if (u instanceof Unit.ModuleDef m) {
      m.instance().substitutions().forEach(s -> out.add(s.value()));
    } else if (u instanceof Unit.Assume a) {
      out.add(a.expr());
    } else if (u instanceof Unit.Theorem t) {
      out.add(t.expr());
    }
    return out;
  }

  private static void bounds(List<Bound> bs, Consumer<Expr> f) {
    for (Bound b : bs) {
      if (b.set() != null) {
        f.accept(b.set());
      }
    }
  }

  public static void forEachChild(Expr e, Consumer<Expr> f) {
    if (e instanceof Expr.Apply a) {
      a.args().forEach(f);
    } else if (e instanceof Expr.Qualified q) {
      q.path().forEach(s -> s.args().forEach(f));
      q.args().forEach(f);
    } else if (e instanceof Expr.SubexprRef r) {
      r.selectors().forEach(s -> s.args().forEach(f));
    } else if (e instanceof Expr.Label l) {
      f.accept(l.body());
    } else if (e instanceof Expr.Lambda l) {
      f.accept(l.body());
    } else if (e instanceof Expr.Junction j) {
      j.items().forEach(f);
    } else if (e instanceof Expr.If i) {
      f.accept(i.cond());
      f.accept(i.then());
      f.accept(i.otherwise());
    } else if (e instanceof Expr.Case c) {
      for (Expr.Arm a : c.arms()) {
        f.accept(a.guard());
        f.accept(a.body());
      }
      if (c.other() != null) {
        f.accept(c.other());
      }
    } else if (e instanceof Expr.Let l) {
      l.defs().forEach(u -> children(u).forEach(f));
      f.accept(l.body());
    } else if (e instanceof Expr.Quant q) {
      bounds(q.bounds(), f);
      f.accept(q.body());
    } else if (e instanceof Expr.Choose c) {
      bounds(List.of(c.bound()), f);
      f.accept(c.body());
    } else if (e instanceof Expr.SetEnum s) {
      s.elements().forEach(f);
    } else if (e instanceof Expr.SetFilter s) {
      bounds(List.of(s.bound()), f);
      f.accept(s.predicate());
    } else if (e instanceof Expr.SetMap s) {
      f.accept(s.element());
      bounds(s.bounds(), f);
    } else if (e instanceof Expr.Tuple t) {
      t.elements().forEach(f);
    } else if (e instanceof Expr.FnConstruct fc) {
      bounds(fc.bounds(), f);
      f.accept(fc.body());
    } else if (e instanceof Expr.FnSet fs) {
      f.accept(fs.domain());
      f.accept(fs.range());
    } else if (e instanceof Expr.FnApply fa) {
      f.accept(fa.fn());
      fa.args().forEach(f);
    } else if (e instanceof Expr.Except x) {
      f.accept(x.fn());
      for (Expr.ExceptClause c : x.clauses()) {
        for (Expr.PathStep s : c.path()) {
          if (s instanceof Expr.IndexStep i) {
            i.args().forEach(f);
          }
        }
        f.accept(c.value());
      }
    } else if (e instanceof Expr.Record r) {
      r.fields().forEach(fl -> f.accept(fl.value()));
    } else if (e instanceof Expr.RecordSet r) {
      r.fields().forEach(fl -> f.accept(fl.value()));
    } else if (e instanceof Expr.Select s) {
      f.accept(s.record());
    } else if (e instanceof Expr.ActionExpr a) {
      f.accept(a.action());
      f.accept(a.subscript());
    } else if (e instanceof Expr.Fairness fa) {
      f.accept(fa.subscript());
      f.accept(fa.action());
    }
    // Num, Decimal, Str, Bool, Name, OpArg, At: leaves
  }
}
