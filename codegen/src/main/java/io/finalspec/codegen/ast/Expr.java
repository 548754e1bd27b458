package io.finalspec.codegen.ast;

import java.math.BigInteger;
import java.util.List;

/**
 * TLA+ expressions. Built-in and user operators applied with operator syntax or call syntax are
 * all {@link Apply} with the operator's canonical name (see {@link Operators}); constructs with
 * binders or special syntax have their own records. Parentheses leave no node.
 */
public sealed interface Expr {
  Span span();

  <R> R accept(ExprVisitor<R> v);

  /** Integer literal (decimal, {@code \b}, {@code \o}, {@code \h}). */
  record Num(Span span, BigInteger value) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitNum(this); }
  }

  /** Decimal literal {@code 1.5} (SANY needs digits on both sides of the point: {@code .5} is an error). */
  record Decimal(Span span, java.math.BigDecimal value) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitDecimal(this); }
  }

  /** String literal, escapes already decoded. */
  record Str(Span span, String value) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitStr(this); }
  }

  record Bool(Span span, boolean value) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitBool(this); }
  }

  /** A bare identifier: variable, constant, parameter, bound variable or 0-ary definition; also BOOLEAN and STRING. */
  record Name(Span span, String name) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitName(this); }
  }

  /**
   * Application of an operator to arguments: {@code F(a, b)}, {@code a + b}, {@code ~a}, {@code x'},
   * {@code UNCHANGED v}, {@code A \X B \X C} (one n-ary application). {@code op} is the canonical name.
   */
  record Apply(Span span, String op, List<Expr> args) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitApply(this); }
  }

  /** {@code M!Op(args)}, {@code M(x)!N!Op}: instance path then the operator. */
  record Qualified(Span span, List<Step> path, String op, List<Expr> args) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitQualified(this); }
  }

  /** One instance step {@code M(x)} of a qualified name. */
  record Step(Span span, String name, List<Expr> args) {}

  /**
   * Subexpression reference {@code Op!1!<<}, {@code Op(x)!2!:}, {@code M!Op!@}, {@code Op!(a, b)}:
   * a chain of selectors, the first always a {@link SelectorKind#NAME}. A chain of names only
   * ({@code M!Op}, {@code Op!lbl}) is a {@link Qualified}: only the resolver can tell an instance
   * from an operator whose label is selected.
   */
  record SubexprRef(Span span, List<Selector> selectors) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitSubexprRef(this); }
  }

  /** What a selector of {@code !} picks: a name (with args), the n-th operand, {@code <<}, {@code >>}, {@code :}, {@code @}, or arguments {@code (a, b)}. */
  enum SelectorKind { NAME, INDEX, LEFT, RIGHT, COLON, AT, ARGS }

  /** One selector: {@code name} is the name or operator symbol (NAME), the digits (INDEX), else "". */
  record Selector(Span span, SelectorKind kind, String name, List<Expr> args) {}

  /** A labelled expression {@code lbl:: e} or {@code lbl(a, b):: e}; the label names a subexpression, it does not change the value. */
  record Label(Span span, String name, List<String> params, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitLabel(this); }
  }

  /** An operator symbol passed as an argument, e.g. {@code F(+)}; names of operators are plain {@link Name}. */
  record OpArg(Span span, String op) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitOpArg(this); }
  }

  record Lambda(Span span, List<String> params, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitLambda(this); }
  }

  /** A bulleted junction list: one item per bullet. */
  record Junction(Span span, boolean conjunction, List<Expr> items) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitJunction(this); }
  }

  record If(Span span, Expr cond, Expr then, Expr otherwise) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitIf(this); }
  }

  /** {@code CASE g1 -> e1 [] ... [] OTHER -> d}; {@code other} is null without an OTHER arm. */
  record Case(Span span, List<Arm> arms, Expr other) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitCase(this); }
  }

  record Arm(Span span, Expr guard, Expr body) {}

  record Let(Span span, List<Unit> defs, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitLet(this); }
  }

  enum Quantifier { FORALL, EXISTS, TEMPORAL_FORALL, TEMPORAL_EXISTS }

  /** {@code \A b1, b2 : body}; bounds without a set are unbounded. */
  record Quant(Span span, Quantifier kind, List<Bound> bounds, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitQuant(this); }
  }

  record Choose(Span span, Bound bound, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitChoose(this); }
  }

  record SetEnum(Span span, List<Expr> elements) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitSetEnum(this); }
  }

  /** {@code {x \in S : P}}. */
  record SetFilter(Span span, Bound bound, Expr predicate) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitSetFilter(this); }
  }

  /** {@code {e : x \in S, y \in T}}. */
  record SetMap(Span span, Expr element, List<Bound> bounds) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitSetMap(this); }
  }

  record Tuple(Span span, List<Expr> elements) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitTuple(this); }
  }

  /** {@code [x \in S, y \in T |-> e]}. */
  record FnConstruct(Span span, List<Bound> bounds, Expr body) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitFnConstruct(this); }
  }

  /** {@code [S -> T]}. */
  record FnSet(Span span, Expr domain, Expr range) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitFnSet(this); }
  }

  /** {@code f[a]} or {@code f[a, b]} (the latter applies f to the tuple). */
  record FnApply(Span span, Expr fn, List<Expr> args) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitFnApply(this); }
  }

  /** {@code [f EXCEPT ![a].b = e, ...]}. */
  record Except(Span span, Expr fn, List<ExceptClause> clauses) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitExcept(this); }
  }

  record ExceptClause(Span span, List<PathStep> path, Expr value) {}

  /** One step of an EXCEPT path: {@code .field} or {@code [a, b]}. */
  sealed interface PathStep permits FieldStep, IndexStep {
    Span span();
  }

  record FieldStep(Span span, String field) implements PathStep {}

  record IndexStep(Span span, List<Expr> args) implements PathStep {}

  /** {@code @} inside an EXCEPT value: the old value at the path. */
  record At(Span span) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitAt(this); }
  }

  record Record(Span span, List<Field> fields) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitRecord(this); }
  }

  /** {@code [a : S, b : T]}. */
  record RecordSet(Span span, List<Field> fields) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitRecordSet(this); }
  }

  record Field(Span span, String name, Expr value) {}

  /** {@code r.a}. */
  record Select(Span span, Expr record, String field) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitSelect(this); }
  }

  /** {@code [A]_v} (box = true) or {@code <<A>>_v}. */
  record ActionExpr(Span span, boolean box, Expr action, Expr subscript) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitActionExpr(this); }
  }

  /** {@code WF_v(A)} / {@code SF_v(A)}. */
  record Fairness(Span span, boolean strong, Expr subscript, Expr action) implements Expr {
    public <R> R accept(ExprVisitor<R> v) { return v.visitFairness(this); }
  }
}
