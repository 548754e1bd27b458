package io.finalspec.codegen.lower;

import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.Operator;
import java.util.function.ToIntFunction;

/**
 * Levels (0 constant, 1 state, 2 action) of lowered IR expressions: after substitution, where
 * operator arguments and config overrides can make an expression's level higher than the
 * resolver's syntactic level of the definition it came from ({@code resolve.Levels}).
 */
final class IrLevels {
  private IrLevels() {}

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
      if (a.op() == Operator.ENABLED) {
        return 1;   // ENABLED A is a state predicate whatever A's level
      }
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
}
