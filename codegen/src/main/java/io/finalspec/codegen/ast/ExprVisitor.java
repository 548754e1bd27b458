package io.finalspec.codegen.ast;

/** One method per expression kind: adding a kind breaks every pass at compile time. */
public interface ExprVisitor<R> {
  R visitNum(Expr.Num e);
  R visitDecimal(Expr.Decimal e);
  R visitStr(Expr.Str e);
  R visitBool(Expr.Bool e);
  R visitName(Expr.Name e);
  R visitApply(Expr.Apply e);
  R visitQualified(Expr.Qualified e);
  R visitSubexprRef(Expr.SubexprRef e);
  R visitLabel(Expr.Label e);
  R visitOpArg(Expr.OpArg e);
  R visitLambda(Expr.Lambda e);
  R visitJunction(Expr.Junction e);
  R visitIf(Expr.If e);
  R visitCase(Expr.Case e);
  R visitLet(Expr.Let e);
  R visitQuant(Expr.Quant e);
  R visitChoose(Expr.Choose e);
  R visitSetEnum(Expr.SetEnum e);
  R visitSetFilter(Expr.SetFilter e);
  R visitSetMap(Expr.SetMap e);
  R visitTuple(Expr.Tuple e);
  R visitFnConstruct(Expr.FnConstruct e);
  R visitFnSet(Expr.FnSet e);
  R visitFnApply(Expr.FnApply e);
  R visitExcept(Expr.Except e);
  R visitAt(Expr.At e);
  R visitRecord(Expr.Record e);
  R visitRecordSet(Expr.RecordSet e);
  R visitSelect(Expr.Select e);
  R visitActionExpr(Expr.ActionExpr e);
  R visitFairness(Expr.Fairness e);
}
