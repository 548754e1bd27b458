package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Operators;
import io.finalspec.codegen.ast.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparable shape of our AST (see {@link SanyShape}): a flat list of operator trees and
 * leaves (identifiers and numbers in expression position), in source order.
 */
final class AstShape {
  private AstShape() {}

  static String node(String op, List<String> kids) {
    return "(" + op + (kids.isEmpty() ? "" : " " + String.join(" ", kids)) + ")";
  }

  static List<String> shape(Module m) {
    List<String> out = new ArrayList<>();
    for (Unit u : m.units()) {
      unit(u, out);
    }
    return out;
  }

  static void unit(Unit u, List<String> out) {
    if (u instanceof Unit.OperatorDef d) {
      expr(d.body(), out);
    } else if (u instanceof Unit.FunctionDef f) {
      bounds(f.bounds(), out);
      expr(f.body(), out);
    } else if (u instanceof Unit.Instance i) {
      for (Unit.Substitution s : i.substitutions()) {
        expr(s.value(), out);
      }
    } else if (u instanceof Unit.ModuleDef md) {
      unit(md.instance(), out);
    } else if (u instanceof Unit.Assume a) {
      expr(a.expr(), out);
    } else if (u instanceof Unit.Theorem t) {
      expr(t.expr(), out);
    } else if (u instanceof Unit.TheoremAssumeProve t) {
      assumeProve(t.statement(), out);
    } else if (u instanceof Unit.Submodule s) {
      out.addAll(shape(s.module()));
    }
  }

  private static void assumeProve(Unit.AssumeProve ap, List<String> out) {
    for (Unit.Assumption a : ap.assumptions()) {
      if (a instanceof Unit.NewDecl n && n.set() != null) {
        expr(n.set(), out);
      } else if (a instanceof Unit.Fact f) {
        expr(f.expr(), out);
      } else if (a instanceof Unit.NestedAssumeProve n) {
        assumeProve(n.statement(), out);
      }
    }
    expr(ap.goal(), out);
  }

  private static void bounds(List<Bound> bs, List<String> out) {
    for (Bound b : bs) {
      if (b.set() != null) {
        expr(b.set(), out);
      }
    }
  }

  private static void exprs(List<Expr> es, List<String> out) {
    for (Expr e : es) {
      expr(e, out);
    }
  }

  private static List<String> sub(Expr... es) {
    List<String> out = new ArrayList<>();
    for (Expr e : es) {
      expr(e, out);
    }
    return out;
  }

  static void expr(Expr e, List<String> out) {
    if (e instanceof Expr.Num n) {
      out.add(n.value().toString());
    } else if (e instanceof Expr.Name n) {
      out.add(n.name());
    } else if (e instanceof Expr.Bool b) {
      out.add(b.value() ? "TRUE" : "FALSE");
    } else if (e instanceof Expr.Apply a) {
      String op = a.op();
      int n = a.args().size();
      boolean structural = (n == 2 && Operators.isInfix(op)) || (n == 1 && (Operators.isPrefix(op)
          || Operators.isPostfix(op))) || op.equals("\\X");
      if (structural) {
        out.add(node(op, sub(a.args().toArray(new Expr[0]))));
      } else {
        out.add(op);
        exprs(a.args(), out);
      }
    } else if (e instanceof Expr.Junction j) {
      List<String> kids = new ArrayList<>();
      for (Expr item : j.items()) {
        kids.add(node("item", sub(item)));
      }
      out.add(node(j.conjunction() ? "and" : "or", kids));
    } else if (e instanceof Expr.Qualified q) {
      exprs(q.args(), out);   // SANY's qualified GeneralId has no comparable leaf
    } else if (e instanceof Expr.Label l) {
      out.add(l.name());   // SANY's label and its parameters are identifiers in its tree
      out.addAll(l.params());
      expr(l.body(), out);
    } else if (e instanceof Expr.At) {
      out.add("@");
    } else if (e instanceof Expr.Lambda l) {
      expr(l.body(), out);
    } else if (e instanceof Expr.If i) {
      exprs(List.of(i.cond(), i.then(), i.otherwise()), out);
    } else if (e instanceof Expr.Case c) {
      for (Expr.Arm a : c.arms()) {
        exprs(List.of(a.guard(), a.body()), out);
      }
      if (c.other() != null) {
        expr(c.other(), out);
      }
    } else if (e instanceof Expr.Let l) {
      for (Unit u : l.defs()) {
        unit(u, out);
      }
      expr(l.body(), out);
    } else if (e instanceof Expr.Quant q) {
      bounds(q.bounds(), out);
      expr(q.body(), out);
    } else if (e instanceof Expr.Choose c) {
      bounds(List.of(c.bound()), out);
      expr(c.body(), out);
    } else if (e instanceof Expr.SetEnum s) {
      exprs(s.elements(), out);
    } else if (e instanceof Expr.SetFilter s) {
      bounds(List.of(s.bound()), out);
      expr(s.predicate(), out);
    } else if (e instanceof Expr.SetMap s) {
      expr(s.element(), out);
      bounds(s.bounds(), out);
    } else if (e instanceof Expr.Tuple t) {
      exprs(t.elements(), out);
    } else if (e instanceof Expr.FnConstruct f) {
      bounds(f.bounds(), out);
      expr(f.body(), out);
    } else if (e instanceof Expr.FnSet f) {
      exprs(List.of(f.domain(), f.range()), out);
    } else if (e instanceof Expr.FnApply f) {
      expr(f.fn(), out);
      exprs(f.args(), out);
    } else if (e instanceof Expr.Except x) {
      expr(x.fn(), out);
      for (Expr.ExceptClause c : x.clauses()) {
        for (Expr.PathStep s : c.path()) {
          if (s instanceof Expr.IndexStep i) {
            exprs(i.args(), out);
          }
        }
        expr(c.value(), out);
      }
    } else if (e instanceof Expr.Record r) {
      for (Expr.Field f : r.fields()) {
        expr(f.value(), out);
      }
    } else if (e instanceof Expr.RecordSet r) {
      for (Expr.Field f : r.fields()) {
        expr(f.value(), out);
      }
    } else if (e instanceof Expr.Select s) {
      expr(s.record(), out);
    } else if (e instanceof Expr.ActionExpr a) {
      exprs(List.of(a.action(), a.subscript()), out);
    } else if (e instanceof Expr.Fairness f) {
      exprs(List.of(f.subscript(), f.action()), out);
    }
    // Str, OpArg, Decimal, SubexprRef (SANY's qualified GeneralId): no shape
  }
}
