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

  /**
   * An operand: prefix operators (outermost first) applied to a core expression, and the postfix
   * operators ({@code '}, {@code ^+}, {@code ^*}, {@code ^#}) inside that core, for SANY's
   * precedence check between them. {@code extent} is the core's source, parentheses included: an
   * application over it spans them, as in SANY.
   */
  record Operand(List<Op> prefixes, Expr core, List<Op> postfixes, Span extent) {}

  /** An operator occurrence with its canonical name and span. */
  record Op(String name, Span span) {}

  private final List<Operand> operands;
  private final List<Op> infixes;
  private final List<Diagnostic> diagnostics;
  /** Each operand's core, by identity, to its extent (parentheses included). */
  private final java.util.Map<Expr, Span> extents = new java.util.IdentityHashMap<>();
  private int next = 0;     // index of the next infix operator
  private int operand = 0;  // index of the next operand

  private Precedence(List<Operand> operands, List<Op> infixes, List<Diagnostic> diagnostics) {
    this.operands = operands;
    this.infixes = infixes;
    this.diagnostics = diagnostics;
    for (Operand o : operands) {
      extents.put(o.core(), o.extent());
    }
  }

  /** The source {@code e} covers: an operand's core with its parentheses. */
  private Span extent(Expr e) {
    return extents.getOrDefault(e, e.span());
  }

  static Expr resolve(List<Operand> operands, List<Op> infixes, List<Diagnostic> diagnostics) {
    Precedence p = new Precedence(operands, infixes, diagnostics);
    Expr e = p.binary(null);
    while (p.next < infixes.size()) {
      // only reached after a conflict: keep going so the tree is complete
      Op op = infixes.get(p.next++);
      Expr right = p.binary(null);
      e = new Expr.Apply(Span.union(p.extent(e), p.extent(right)), op.name(), List.of(e, right));
    }
    return e;
  }

  private enum Decision { BIND, STOP, CONFLICT }

  /**
   * SANY's rule (its OperatorStack): the operator on the left is applied first when its range is
   * entirely above the right one's, or when both are the same left-associative operator; the right
   * one binds inside when its range is entirely above; anything else is a conflict.
   */
  private static Decision compare(Op ctx, boolean ctxPrefix, Op op) {
    if (ctx == null) {
      return Decision.BIND;
    }
    Prec c = ctxPrefix ? Operators.prefix(ctx.name()) : Operators.infix(ctx.name());
    Prec o = Operators.infix(op.name());
    if (c == null || o == null) {
      return Decision.BIND;
    }
    if (c.high() < o.low()) {
      return Decision.BIND;
    }
    if (c.low() > o.high()) {
      return Decision.STOP;
    }
    if (!ctxPrefix && ctx.name().equals(op.name()) && o.leftAssoc()) {
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
        left = new Expr.Apply(Span.union(extent(left), extent(factors.get(factors.size() - 1))), "\\X",
            List.copyOf(factors));
      } else {
        Expr right = binary(op);
        left = new Expr.Apply(Span.union(extent(left), extent(right)), op.name(), List.of(left, right));
      }
    }
    return left;
  }

  /**
   * SANY reads a minus right after an infix operator as prefix minus (precedence 12) and rejects it
   * when the infix operator's range is entirely above 12: {@code a * -b} and {@code a ^ -b} are
   * conflicts, {@code a + -b} and {@code a \cdot -b} are not. Other prefix operators are not
   * checked this way ({@code a = ~b} is fine).
   */
  private void checkMinusOperand(Op op) {
    if (operand < operands.size()) {
      List<Op> ps = operands.get(operand).prefixes();
      Prec o = Operators.infix(op.name());
      if (!ps.isEmpty() && ps.get(0).name().equals("-.") && o != null && o.low() > 12) {
        diagnostics.add(new Diagnostic(ps.get(0).span(), "precedence",
            "precedence conflict between '" + op.name() + "' and '-.'; add parentheses"));
      }
    }
  }

  /**
   * A postfix operator after a prefix one is compared with the innermost prefix operator, as SANY
   * does: {@code ENABLED a'} and {@code [] x^+} are conflicts (both reach precedence 15), while
   * {@code ~a'} and {@code SUBSET a'} prime the operand first.
   */
  private void checkPostfixes(Operand o) {
    if (o.prefixes().isEmpty()) {
      return;
    }
    Op innermost = o.prefixes().get(o.prefixes().size() - 1);
    Prec p = Operators.prefix(innermost.name());
    for (Op post : o.postfixes()) {
      Prec q = Operators.postfix(post.name());
      if (p != null && q != null && p.high() >= q.low()) {
        diagnostics.add(new Diagnostic(post.span(), "precedence",
            "precedence conflict between '" + innermost.name() + "' and '" + post.name() + "'; add parentheses"));
        return;
      }
    }
  }

  private Expr unary() {
    Operand o = operands.get(operand++);
    checkPostfixes(o);
    return applyPrefixes(o, 0);
  }

  private Expr applyPrefixes(Operand o, int i) {
    if (i == o.prefixes().size()) {
      return o.core();
    }
    Op q = o.prefixes().get(i);
    Expr inner = applyPrefixes(o, i + 1);
    Expr arg = loop(inner, q, true);
    return new Expr.Apply(Span.union(q.span(), extent(arg)), q.name(), List.of(arg));
  }
}
