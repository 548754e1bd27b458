package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Operators;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.TlaParser.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns expression contexts into {@link Expr} records; operator precedence via {@link Precedence}. */
final class ExprBuilder extends TlaParserBaseVisitor<Expr> {
  private final Spans spans;
  private final List<Diagnostic> diagnostics;
  private ModuleBuilder units;

  ExprBuilder(Spans spans, List<Diagnostic> diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
  }

  void setUnits(ModuleBuilder units) {
    this.units = units;
  }

  Expr expr(ExprContext ctx) {
    List<Precedence.Operand> operands = new ArrayList<>();
    for (OperandContext o : ctx.operand()) {
      operands.add(operand(o));
    }
    List<Precedence.Op> ops = new ArrayList<>();
    for (InfixOpContext op : ctx.infixOp()) {
      ops.add(new Precedence.Op(Operators.canonical(op.getText()), spans.of(op)));
    }
    return Precedence.resolve(operands, ops, diagnostics);
  }

  private Precedence.Operand operand(OperandContext ctx) {
    List<Precedence.Op> prefixes = new ArrayList<>();
    for (PrefixOpContext p : ctx.prefixOp()) {
      String name = p.MINUS() != null ? "-." : Operators.canonical(p.getText());
      prefixes.add(new Precedence.Op(name, spans.of(p)));
    }
    Expr e = visit(ctx.primary());
    // the operand's source extent, parentheses included (a parenthesised primary's expression
    // has the span of what is inside them): SANY's spans, which TLC names unnamed conjuncts by
    Span extent = spans.of(ctx.primary());
    List<Precedence.Op> postfixOps = new ArrayList<>();
    for (PostfixContext p : ctx.postfix()) {
      e = postfix(e, extent, p);
      extent = e.span();
      if (p instanceof PrimePostfixContext || p instanceof OpPostfixContext) {
        postfixOps.add(new Precedence.Op(Operators.canonical(p.getText()), spans.of(p)));
      }
    }
    return new Precedence.Operand(prefixes, e, List.copyOf(postfixOps), extent);
  }

  private Expr postfix(Expr base, Span baseExtent, PostfixContext p) {
    Span span = Span.union(baseExtent, spans.of(p));
    if (p instanceof ApplyPostfixContext a) {
      return new Expr.FnApply(span, base, exprs(a.expr()));
    }
    if (p instanceof SelectPostfixContext s) {
      return new Expr.Select(span, base, fieldName(s.fieldName()));
    }
    if (p instanceof PrimePostfixContext) {
      return new Expr.Apply(span, "'", List.of(base));
    }
    return new Expr.Apply(span, Operators.canonical(p.getText()), List.of(base));
  }

  List<Expr> exprs(List<ExprContext> cs) {
    List<Expr> out = new ArrayList<>(cs.size());
    for (ExprContext c : cs) {
      out.add(expr(c));
    }
    return List.copyOf(out);
  }

  String fieldName(FieldNameContext f) {
    return f.IDENT() != null ? f.IDENT().getText() : unquote(f.STRING().getText());
  }

  // ---- literals and names

  @Override
  public Expr visitNumber(NumberContext ctx) {
    String t = ctx.getText();
    BigInteger v;
    if (t.startsWith("\\")) {
      char base = Character.toLowerCase(t.charAt(1));
      int radix = base == 'b' ? 2 : base == 'o' ? 8 : 16;
      v = new BigInteger(t.substring(2), radix);
    } else {
      v = new BigInteger(t);
    }
    return new Expr.Num(spans.of(ctx), v);
  }

  @Override
  public Expr visitDecimal(DecimalContext ctx) {
    return new Expr.Decimal(spans.of(ctx), new java.math.BigDecimal(ctx.getText()));
  }

  @Override
  public Expr visitString(StringContext ctx) {
    return new Expr.Str(spans.of(ctx), unquote(ctx.getText()));
  }

  static String unquote(String quoted) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c == '\\' && i + 1 < quoted.length() - 1) {
        char d = quoted.charAt(++i);
        switch (d) {
          case 'n': sb.append('\n'); break;
          case 't': sb.append('\t'); break;
          case 'r': sb.append('\r'); break;
          case 'f': sb.append('\f'); break;
          default: sb.append(d);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public Expr visitBool(BoolContext ctx) {
    return new Expr.Bool(spans.of(ctx), ctx.TRUE() != null);
  }

  @Override
  public Expr visitBuiltinSet(BuiltinSetContext ctx) {
    return new Expr.Name(spans.of(ctx), ctx.getText());
  }

  @Override
  public Expr visitAt(AtContext ctx) {
    return new Expr.At(spans.of(ctx));
  }

  @Override
  public Expr visitName(NameContext ctx) {
    String name = ctx.IDENT().getText();
    if (ctx.args() == null) {
      return new Expr.Name(spans.of(ctx), name);
    }
    return new Expr.Apply(spans.of(ctx), name, args(ctx.args()));
  }

  List<Expr> args(ArgsContext a) {
    List<Expr> out = new ArrayList<>();
    for (ArgumentContext arg : a.argument()) {
      if (arg.expr() != null) {
        out.add(expr(arg.expr()));
      } else {
        String sym = arg.prefixSym() != null ? prefixSymName(arg.prefixSym()) : Operators.canonical(arg.getText());
        out.add(new Expr.OpArg(spans.of(arg), sym));
      }
    }
    return List.copyOf(out);
  }

  static String prefixSymName(PrefixSymContext p) {
    return p.MINUS_DOT() != null ? "-." : Operators.canonical(p.getText());
  }

  /**
   * {@code A!B!C(x)} is a {@link Expr.Qualified} (instance path or label: the resolver decides);
   * a chain with a structural selector ({@code !1}, {@code !<<}, {@code !:}, {@code !@}, {@code !(a)})
   * is a {@link Expr.SubexprRef}.
   */
  @Override
  public Expr visitQualified(QualifiedContext ctx) {
    List<Expr.Selector> chain = new ArrayList<>();
    chain.add(new Expr.Selector(Span.union(spans.of(ctx.IDENT().getSymbol()),
        ctx.args() == null ? spans.of(ctx.IDENT().getSymbol()) : spans.of(ctx.args())),
        Expr.SelectorKind.NAME, ctx.IDENT().getText(), ctx.args() == null ? List.of() : args(ctx.args())));
    for (SelectorContext s : ctx.selector()) {
      chain.add(selector(s));
    }
    if (chain.stream().anyMatch(s -> s.kind() != Expr.SelectorKind.NAME)) {
      return new Expr.SubexprRef(spans.of(ctx), List.copyOf(chain));
    }
    List<Expr.Step> path = new ArrayList<>();
    for (Expr.Selector s : chain.subList(0, chain.size() - 1)) {
      path.add(new Expr.Step(s.span(), s.name(), s.args()));
    }
    Expr.Selector last = chain.get(chain.size() - 1);
    return new Expr.Qualified(spans.of(ctx), List.copyOf(path), last.name(), last.args());
  }

  private Expr.Selector selector(SelectorContext s) {
    Span span = spans.of(s);
    if (s instanceof NameSelectorContext n) {
      return new Expr.Selector(span, Expr.SelectorKind.NAME, n.IDENT().getText(),
          n.args() == null ? List.of() : args(n.args()));
    }
    if (s instanceof SymbolSelectorContext y) {
      String op = y.prefixSym() != null ? prefixSymName(y.prefixSym()) : Operators.canonical(y.getChild(0).getText());
      return new Expr.Selector(span, Expr.SelectorKind.NAME, op, y.args() == null ? List.of() : args(y.args()));
    }
    if (s instanceof IndexSelectorContext i) {
      return new Expr.Selector(span, Expr.SelectorKind.INDEX, i.NUMBER().getText(), List.of());
    }
    if (s instanceof ArgsSelectorContext a) {
      return new Expr.Selector(span, Expr.SelectorKind.ARGS, "", args(a.args()));
    }
    Expr.SelectorKind kind = s instanceof LeftSelectorContext ? Expr.SelectorKind.LEFT
        : s instanceof RightSelectorContext ? Expr.SelectorKind.RIGHT
        : s instanceof ColonSelectorContext ? Expr.SelectorKind.COLON : Expr.SelectorKind.AT;
    return new Expr.Selector(span, kind, "", List.of());
  }

  @Override
  public Expr visitLabel(LabelContext ctx) {
    List<TerminalNode> ids = ctx.IDENT();
    return new Expr.Label(spans.of(ctx), ids.get(0).getText(), ids(ids.subList(1, ids.size())), expr(ctx.expr()));
  }

  /** {@code +(a, b)}: an operator symbol applied like a named operator, the same tree as {@code a + b}. */
  @Override
  public Expr visitNonfix(NonfixContext ctx) {
    String op = ctx.nonfixSym().MINUS_DOT() != null ? "-." : Operators.canonical(ctx.nonfixSym().getText());
    return new Expr.Apply(spans.of(ctx), op, args(ctx.args()));
  }

  /**
   * A proof step name ({@code BY <1>2}) is a fact only inside a proof, and proofs are not built:
   * reaching here means it is used outside one (SANY: "Step number used outside proof").
   */
  @Override
  public Expr visitStepName(StepNameContext ctx) {
    diagnostics.add(new Diagnostic(spans.of(ctx), "parse", "step name '" + ctx.getText() + "' used outside a proof"));
    return new Expr.Name(spans.of(ctx), ctx.getText());
  }

  @Override
  public Expr visitParen(ParenContext ctx) {
    return expr(ctx.expr());
  }

  @Override
  public Expr visitAndList(AndListContext ctx) {
    return junction(ctx.getStart(), ctx.expr(), true);
  }

  @Override
  public Expr visitOrList(OrListContext ctx) {
    return junction(ctx.getStart(), ctx.expr(), false);
  }

  private Expr junction(Token open, List<ExprContext> items, boolean conj) {
    List<Expr> es = exprs(items);
    Span span = Span.union(spans.of(open), es.get(es.size() - 1).span());
    return new Expr.Junction(span, conj, es);
  }

  // ---- sets, tuples, functions, records

  @Override
  public Expr visitSetFilter(SetFilterContext ctx) {
    Bound b = ctx.tupleIds() != null
        ? new Bound(Span.union(spans.of(ctx.tupleIds()), spans.of(ctx.expr(0))), ids(ctx.tupleIds().IDENT()), true,
            expr(ctx.expr(0)))
        : new Bound(Span.union(spans.of(ctx.IDENT().getSymbol()), spans.of(ctx.expr(0))),
            List.of(ctx.IDENT().getText()), false, expr(ctx.expr(0)));
    return new Expr.SetFilter(spans.of(ctx), b, expr(ctx.expr(1)));
  }

  /** {@code {x, y \in S : P}} is not TLA+ (SANY: "expecting \in" at the comma); parsed only to say so. */
  @Override
  public Expr visitSetFilterSeveral(SetFilterSeveralContext ctx) {
    diagnostics.add(new Diagnostic(spans.of(ctx.COMMA(0).getSymbol()), "parse",
        "a set filter binds one variable or one tuple: write {<<x, y>> \\in S : P}, not {x, y \\in S : P}"));
    Bound b = new Bound(spans.of(ctx), ids(ctx.IDENT()), false, expr(ctx.expr(0)));
    return new Expr.SetFilter(spans.of(ctx), b, expr(ctx.expr(1)));
  }

  @Override
  public Expr visitSetMap(SetMapContext ctx) {
    return new Expr.SetMap(spans.of(ctx), expr(ctx.expr()), bounds(ctx.bound()));
  }

  @Override
  public Expr visitSetEnum(SetEnumContext ctx) {
    return new Expr.SetEnum(spans.of(ctx), exprs(ctx.expr()));
  }

  @Override
  public Expr visitTuple(TupleContext ctx) {
    return new Expr.Tuple(spans.of(ctx), exprs(ctx.expr()));
  }

  @Override
  public Expr visitAngleAction(AngleActionContext ctx) {
    return new Expr.ActionExpr(spans.of(ctx), false, expr(ctx.expr()), subscript(ctx.subscript()));
  }

  @Override
  public Expr visitBoxAction(BoxActionContext ctx) {
    return new Expr.ActionExpr(spans.of(ctx), true, expr(ctx.expr()), subscript(ctx.subscript()));
  }

  private Expr subscript(SubscriptContext ctx) {
    if (ctx.IDENT() != null) {
      return new Expr.Name(spans.of(ctx), ctx.IDENT().getText());
    }
    if (ctx.LANGLE() != null) {
      return new Expr.Tuple(spans.of(ctx), exprs(ctx.expr()));
    }
    return expr(ctx.expr(0));
  }

  @Override
  public Expr visitFnConstruct(FnConstructContext ctx) {
    return new Expr.FnConstruct(spans.of(ctx), bounds(ctx.bound()), expr(ctx.expr()));
  }

  @Override
  public Expr visitRecord(RecordContext ctx) {
    return new Expr.Record(spans.of(ctx), fields(ctx.fieldName(), ctx.expr()));
  }

  @Override
  public Expr visitRecordSet(RecordSetContext ctx) {
    return new Expr.RecordSet(spans.of(ctx), fields(ctx.fieldName(), ctx.expr()));
  }

  private List<Expr.Field> fields(List<FieldNameContext> names, List<ExprContext> values) {
    List<Expr.Field> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Expr v = expr(values.get(i));
      out.add(new Expr.Field(Span.union(spans.of(names.get(i)), v.span()), fieldName(names.get(i)), v));
    }
    return List.copyOf(out);
  }

  @Override
  public Expr visitFnSet(FnSetContext ctx) {
    return new Expr.FnSet(spans.of(ctx), expr(ctx.expr(0)), expr(ctx.expr(1)));
  }

  @Override
  public Expr visitExcept(ExceptContext ctx) {
    List<Expr.ExceptClause> clauses = new ArrayList<>();
    for (ExceptClauseContext c : ctx.exceptClause()) {
      List<Expr.PathStep> path = new ArrayList<>();
      for (ExceptStepContext s : c.exceptStep()) {
        if (s instanceof FieldStepContext f) {
          path.add(new Expr.FieldStep(spans.of(f), fieldName(f.fieldName())));
        } else {
          IndexStepContext i = (IndexStepContext) s;
          path.add(new Expr.IndexStep(spans.of(i), exprs(i.expr())));
        }
      }
      clauses.add(new Expr.ExceptClause(spans.of(c), List.copyOf(path), expr(c.expr())));
    }
    return new Expr.Except(spans.of(ctx), expr(ctx.expr()), List.copyOf(clauses));
  }

  // ---- binders and control

  List<Bound> bounds(List<BoundContext> cs) {
    List<Bound> out = new ArrayList<>();
    for (BoundContext b : cs) {
      if (b.tupleIds() != null) {
        out.add(new Bound(spans.of(b), ids(b.tupleIds().IDENT()), true, expr(b.expr())));
      } else {
        out.add(new Bound(spans.of(b), ids(b.IDENT()), false, expr(b.expr())));
      }
    }
    return List.copyOf(out);
  }

  static List<String> ids(List<TerminalNode> ts) {
    List<String> out = new ArrayList<>();
    for (TerminalNode t : ts) {
      out.add(t.getText());
    }
    return List.copyOf(out);
  }

  private static Expr.Quantifier quantifier(Token t) {
    switch (t.getType()) {
      case TlaLexer.FORALL: return Expr.Quantifier.FORALL;
      case TlaLexer.EXISTS: return Expr.Quantifier.EXISTS;
      case TlaLexer.TFORALL: return Expr.Quantifier.TEMPORAL_FORALL;
      default: return Expr.Quantifier.TEMPORAL_EXISTS;
    }
  }

  @Override
  public Expr visitBoundedQuant(BoundedQuantContext ctx) {
    return new Expr.Quant(spans.of(ctx), quantifier(ctx.getStart()), bounds(ctx.bound()), expr(ctx.expr()));
  }

  @Override
  public Expr visitUnboundedQuant(UnboundedQuantContext ctx) {
    List<Bound> bs = new ArrayList<>();
    for (TerminalNode id : ctx.IDENT()) {
      bs.add(new Bound(spans.of(id.getSymbol()), List.of(id.getText()), false, null));
    }
    return new Expr.Quant(spans.of(ctx), quantifier(ctx.getStart()), List.copyOf(bs), expr(ctx.expr()));
  }

  @Override
  public Expr visitChoose(ChooseContext ctx) {
    List<ExprContext> es = ctx.expr();
    Expr set = es.size() == 2 ? expr(es.get(0)) : null;
    Expr body = expr(es.get(es.size() - 1));
    Bound b = ctx.tupleIds() != null
        ? new Bound(spans.of(ctx.tupleIds()), ids(ctx.tupleIds().IDENT()), true, set)
        : new Bound(spans.of(ctx.IDENT().getSymbol()), List.of(ctx.IDENT().getText()), false, set);
    return new Expr.Choose(spans.of(ctx), b, body);
  }

  @Override
  public Expr visitIfThenElse(IfThenElseContext ctx) {
    return new Expr.If(spans.of(ctx), expr(ctx.expr(0)), expr(ctx.expr(1)), expr(ctx.expr(2)));
  }

  @Override
  public Expr visitCaseExpr(CaseExprContext ctx) {
    List<Expr.Arm> arms = new ArrayList<>();
    for (CaseArmContext a : ctx.caseArm()) {
      arms.add(new Expr.Arm(spans.of(a), expr(a.expr(0)), expr(a.expr(1))));
    }
    Expr other = ctx.OTHER() != null ? expr(ctx.expr()) : null;
    return new Expr.Case(spans.of(ctx), List.copyOf(arms), other);
  }

  @Override
  public Expr visitLetIn(LetInContext ctx) {
    List<Unit> defs = new ArrayList<>();
    for (LetDefContext d : ctx.letDef()) {
      defs.add(units.letDef(d));
    }
    return new Expr.Let(spans.of(ctx), List.copyOf(defs), expr(ctx.expr()));
  }

  @Override
  public Expr visitFairness(FairnessContext ctx) {
    return new Expr.Fairness(spans.of(ctx), ctx.SF() != null, fairnessSubscript(ctx.fairnessSubscript()),
        expr(ctx.expr()));
  }

  /** {@code WF_vars(A)}, {@code WF_f(x)(A)}, {@code WF_<<x, y>>(A)}, {@code WF_(e)(A)}. */
  private Expr fairnessSubscript(FairnessSubscriptContext ctx) {
    if (ctx.IDENT() != null) {
      String name = ctx.IDENT().getText();
      return ctx.args() == null ? new Expr.Name(spans.of(ctx), name) : new Expr.Apply(spans.of(ctx), name, args(ctx.args()));
    }
    if (ctx.LANGLE() != null) {
      return new Expr.Tuple(spans.of(ctx), exprs(ctx.expr()));
    }
    return expr(ctx.expr(0));
  }

  @Override
  public Expr visitLambda(LambdaContext ctx) {
    return new Expr.Lambda(spans.of(ctx), ids(ctx.IDENT()), expr(ctx.expr()));
  }
}
