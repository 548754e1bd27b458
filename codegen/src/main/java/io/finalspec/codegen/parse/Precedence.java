package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Operators;
import io.finalspec.codegen.ast.Operators.Prec;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a flat sequence {@code operand (op operand)*}, where operands carry prefix operators,
 * into a tree, using precedence ranges: an operator binds inside another's operand when its
 * range is entirely above, ends it when entirely below, groups to the left when it is the same
 * left-associative operator, and is a conflict otherwise (as in SANY). {@code \X} is n-ary.
 */
final class Precedence {

  /** An operand: prefix operators (outermost first) applied to a core expression. */
  record Operand(List<Op> prefixes, Expr core) {}

  /** An operator occurrence with its canonical name and span. */
  record Op(String name, Span span) {}

  private final List<Operand> operands;
  private final List<Op> infixes;
  private final List<Diagnostic> diagnostics;
  private int next = 0;     // index of the next infix operator
  private int operand = 0;  // index of the next operand

  private Precedence(List<Operand> operands, List<Op> infixes, List<Diagnostic> diagnostics) {
    this.operands = operands;
    this.infixes = infixes;
    this.diagnostics = diagnostics;
  }

  static Expr resolve(List<Operand> operands, List<Op> infixes, List<Diagnostic> diagnostics) {
    Precedence p = new Precedence(operands, infixes, diagnostics);
    Expr e = p.binary(null);
    while (p.next < infixes.size()) {
      // only reached after a conflict: keep going so the tree is complete
      Op op = infixes.get(p.next++);
      Expr right = p.binary(null);
      e = new Expr.Apply(Span.union(e.span(), right.span()), op.name(), List.of(e, right));
    }
    return e;
  }

  private enum Decision { BIND, STOP, CONFLICT }

  private static Decision compare(Op ctx, boolean ctxPrefix, Op op) {
    if (ctx == null) {
      return Decision.BIND;
    }
    Prec c = ctxPrefix ? Operators.prefix(ctx.name()) : Operators.infix(ctx.name());
    Prec o = Operators.infix(op.name());
    if (c == null || o == null) {
      return Decision.BIND;
    }
    if (ctxPrefix && op.name().equals("\\X")) {
      // SANY compares a prefix operator with \X as if \X started at 8: ~a \X b binds,
      // SUBSET S \X T and DOMAIN f \X g are conflicts
      o = new Prec(8, o.high(), o.leftAssoc());
    }
    if (o.low() > c.high()) {
      return Decision.BIND;
    }
    if (o.high() < c.low() || (ctxPrefix && o.high() <= c.low())) {
      // SANY applies a prefix operator first on a tie: SUBSET S \cup T is (SUBSET S) \cup T
      return Decision.STOP;
    }
    if (!ctxPrefix && ctx.name().equals(op.name()) && (o.leftAssoc() || op.name().equals("\\X"))) {
      return Decision.STOP;
    }
    return Decision.CONFLICT;
  }

  /** Parses an operand and every following infix operator that binds inside context {@code ctx}. */
  private Expr binary(Op ctx) {
    return loop(unary(), ctx, false);
  }

  private Expr loop(Expr left, Op ctx, boolean ctxPrefix) {
    while (next < infixes.size()) {
      Op op = infixes.get(next);
      Decision d = compare(ctx, ctxPrefix, op);
      if (d == Decision.STOP) {
        return left;
      }
      if (d == Decision.CONFLICT) {
        diagnostics.add(new Diagnostic(op.span(), "precedence",
            "precedence conflict between '" + ctx.name() + "' and '" + op.name() + "'; add parentheses"));
      }
      next++;
      checkMinusOperand(op);
      if (op.name().equals("\\X")) {
        List<Expr> factors = new ArrayList<>();
        factors.add(left);
        factors.add(binary(op));
        while (next < infixes.size() && infixes.get(next).name().equals("\\X")) {
          next++;
          factors.add(binary(op));
        }
        left = new Expr.Apply(Span.union(left.span(), factors.get(factors.size() - 1).span()), "\\X",
            List.copyOf(factors));
      } else {
        Expr right = binary(op);
        left = new Expr.Apply(Span.union(left.span(), right.span()), op.name(), List.of(left, right));
      }
    }
    return left;
  }

  /**
   * SANY treats a prefix minus right after an infix operator like an operator of precedence 12:
   * {@code a * -b} and {@code a ^ -b} are conflicts, {@code a + -b} is not. Other prefix operators
   * are not checked this way ({@code a = ~b} is fine).
   */
  private void checkMinusOperand(Op op) {
    if (operand < operands.size()) {
      List<Op> ps = operands.get(operand).prefixes();
      Prec o = Operators.infix(op.name());
      if (!ps.isEmpty() && ps.get(0).name().equals("-.") && o != null && o.high() >= 12) {
        diagnostics.add(new Diagnostic(ps.get(0).span(), "precedence",
            "precedence conflict between '" + op.name() + "' and '-.'; add parentheses"));
      }
    }
  }

  private Expr unary() {
    Operand o = operands.get(operand++);
    return applyPrefixes(o, 0);
  }

  private Expr applyPrefixes(Operand o, int i) {
    if (i == o.prefixes().size()) {
      return o.core();
    }
    Op q = o.prefixes().get(i);
    Expr inner = applyPrefixes(o, i + 1);
    Expr arg = loop(inner, q, true);
    return new Expr.Apply(Span.union(q.span(), arg.span()), q.name(), List.of(arg));
  }
}
