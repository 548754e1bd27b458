package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Operators;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ast.Unit.Fixity;
import io.finalspec.codegen.ast.Unit.OpDecl;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.parse.TlaParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns module, unit and declaration contexts into {@link Module} and {@link Unit} records. */
final class ModuleBuilder {
  private final Spans spans;
  private final ExprBuilder exprs;
  private final List<Diagnostic> diagnostics;
  private final List<Token> tokens;

  /** {@code tokens}: the whole token list, to position errors after a proof. */
  ModuleBuilder(Spans spans, List<Diagnostic> diagnostics, List<Token> tokens) {
    this.spans = spans;
    this.diagnostics = diagnostics;
    this.tokens = tokens;
    this.exprs = new ExprBuilder(spans, diagnostics);
    exprs.setUnits(this);
  }

  /** A nested module. */
  Module module(ModuleContext ctx) {
    return module(ctx.header(), ctx.unit(), spans.of(ctx));
  }

  /** A module from its header and the units that parsed (Frontend parses the top level unit by unit). */
  Module module(HeaderContext header, List<UnitContext> unitContexts, Span span) {
    List<String> ext = new ArrayList<>();
    if (header.extendsDecl() != null) {
      for (TerminalNode id : header.extendsDecl().IDENT()) {
        ext.add(id.getText());
      }
    }
    List<Unit> units = new ArrayList<>();
    for (UnitContext u : unitContexts) {
      Unit unit = unit(u);
      if (unit != null) {
        units.add(unit);
      }
    }
    return new Module(span, header.name.getText(), ext, units);
  }

  /** The unit, or null for what the AST does not keep (separators, USE and HIDE). */
  Unit unit(UnitContext u) {
    Span span = spans.of(u);
    if (u instanceof VariableDeclContext v) {
      List<OpDecl> names = new ArrayList<>();
      for (TerminalNode id : v.IDENT()) {
        names.add(new OpDecl(spans.of(id.getSymbol()), id.getText(), 0, Fixity.NAMED));
      }
      return new Unit.Variables(span, List.copyOf(names));
    }
    if (u instanceof ConstantDeclContext c) {
      return new Unit.Constants(span, decls(c.opDecl()));
    }
    if (u instanceof RecursiveDeclContext r) {
      return new Unit.Recursive(span, decls(r.opDecl()));
    }
    if (u instanceof OperatorUnitContext o) {
      return operatorDef(o.operatorDef(), o.LOCAL() != null, span);
    }
    if (u instanceof FunctionUnitContext f) {
      return functionDef(f.functionDef(), f.LOCAL() != null, span);
    }
    if (u instanceof InstanceUnitContext i) {
      return instance(i.instance(), i.LOCAL() != null, span);
    }
    if (u instanceof ModuleDefUnitContext m) {
      return moduleDef(m.moduleDef(), m.LOCAL() != null, span);
    }
    if (u instanceof AssumeUnitContext a) {
      return new Unit.Assume(span, a.IDENT() == null ? null : a.IDENT().getText(), exprs.expr(a.expr()));
    }
    if (u instanceof TheoremUnitContext t) {
      if (t.proof() instanceof StepListProofContext steps) {
        new ProofLevels(steps.step(), after(steps), diagnostics, spans).check();
      }
      String name = t.IDENT() == null ? null : t.IDENT().getText();
      if (t.assumeProve() != null) {
        return new Unit.TheoremAssumeProve(span, name, assumeProve(t.assumeProve()));
      }
      return new Unit.Theorem(span, name, exprs.expr(t.expr()));
    }
    if (u instanceof SubmoduleUnitContext s) {
      return new Unit.Submodule(span, module(s.module()));
    }
    return null; // separator line, USE, HIDE
  }

  private Token after(StepListProofContext ctx) {
    int next = ctx.getStop().getTokenIndex() + 1;
    return next < tokens.size() ? tokens.get(next) : ctx.getStop();
  }

  private Unit.AssumeProve assumeProve(AssumeProveContext ctx) {
    List<Unit.Assumption> out = new ArrayList<>();
    for (AssumptionContext a : ctx.assumption()) {
      Span span = spans.of(a);
      if (a instanceof NewAssumptionContext n) {
        out.add(newDecl(n.newDecl(), span));
      } else if (a instanceof NestedAssumptionContext n) {
        out.add(new Unit.NestedAssumeProve(span, n.IDENT() == null ? null : n.IDENT().getText(),
            assumeProve(n.assumeProve())));
      } else {
        out.add(new Unit.Fact(span, exprs.expr(((FactAssumptionContext) a).expr())));
      }
    }
    return new Unit.AssumeProve(spans.of(ctx), List.copyOf(out), exprs.expr(ctx.expr()));
  }

  private Unit.NewDecl newDecl(NewDeclContext n, Span span) {
    Unit.DeclKind kind = Unit.DeclKind.CONSTANT;
    if (n.declKind() != null) {
      kind = switch (n.declKind().getStart().getType()) {
        case TlaLexer.VARIABLE -> Unit.DeclKind.VARIABLE;
        case TlaLexer.STATE -> Unit.DeclKind.STATE;
        case TlaLexer.ACTION -> Unit.DeclKind.ACTION;
        case TlaLexer.TEMPORAL -> Unit.DeclKind.TEMPORAL;
        default -> Unit.DeclKind.CONSTANT;
      };
    }
    if (n.opDecl() != null) {
      return new Unit.NewDecl(span, kind, decl(n.opDecl()), null);
    }
    return new Unit.NewDecl(span, kind, param(n.IDENT()), exprs.expr(n.expr()));
  }

  Unit letDef(LetDefContext d) {
    Span span = spans.of(d);
    if (d.operatorDef() != null) {
      return operatorDef(d.operatorDef(), false, span);
    }
    if (d.functionDef() != null) {
      return functionDef(d.functionDef(), false, span);
    }
    if (d.moduleDef() != null) {
      return moduleDef(d.moduleDef(), false, span);
    }
    return new Unit.Recursive(span, decls(d.opDecl()));
  }

  private List<OpDecl> decls(List<OpDeclContext> cs) {
    List<OpDecl> out = new ArrayList<>();
    for (OpDeclContext c : cs) {
      out.add(decl(c));
    }
    return List.copyOf(out);
  }

  private OpDecl decl(OpDeclContext c) {
    Span span = spans.of(c);
    if (c instanceof PlainDeclContext p) {
      return new OpDecl(span, p.IDENT().getText(), 0, Fixity.NAMED);
    }
    if (c instanceof HigherDeclContext h) {
      return new OpDecl(span, h.IDENT().getText(), h.UNDERSCORE().size(), Fixity.NAMED);
    }
    if (c instanceof PrefixDeclContext p) {
      return new OpDecl(span, ExprBuilder.prefixSymName(p.prefixSym()), 1, Fixity.PREFIX);
    }
    if (c instanceof InfixDeclContext i) {
      return new OpDecl(span, Operators.canonical(i.infixSym().getText()), 2, Fixity.INFIX);
    }
    PostfixDeclContext p = (PostfixDeclContext) c;
    return new OpDecl(span, p.postfixSym().getText(), 1, Fixity.POSTFIX);
  }

  private Unit.OperatorDef operatorDef(OperatorDefContext d, boolean local, Span span) {
    Expr body = exprs.expr(d.expr());
    LhsContext lhs = d.lhs();
    if (lhs instanceof NamedLhsContext n) {
      return new Unit.OperatorDef(span, local, n.IDENT().getText(), Fixity.NAMED, decls(n.opDecl()), body);
    }
    if (lhs instanceof PrefixLhsContext p) {
      return new Unit.OperatorDef(span, local, ExprBuilder.prefixSymName(p.prefixSym()), Fixity.PREFIX,
          List.of(param(p.IDENT())), body);
    }
    if (lhs instanceof InfixLhsContext i) {
      return new Unit.OperatorDef(span, local, Operators.canonical(i.infixSym().getText()), Fixity.INFIX,
          List.of(param(i.IDENT(0)), param(i.IDENT(1))), body);
    }
    PostfixLhsContext p = (PostfixLhsContext) lhs;
    return new Unit.OperatorDef(span, local, p.postfixSym().getText(), Fixity.POSTFIX,
        List.of(param(p.IDENT())), body);
  }

  private OpDecl param(TerminalNode id) {
    return new OpDecl(spans.of(id.getSymbol()), id.getText(), 0, Fixity.NAMED);
  }

  private Unit.FunctionDef functionDef(FunctionDefContext f, boolean local, Span span) {
    return new Unit.FunctionDef(span, local, f.IDENT().getText(), exprs.bounds(f.bound()), exprs.expr(f.expr()));
  }

  private Unit.Instance instance(InstanceContext i, boolean local, Span span) {
    List<Unit.Substitution> subs = new ArrayList<>();
    for (SubstitutionContext s : i.substitution()) {
      String name;
      if (s.IDENT() != null) {
        name = s.IDENT().getText();
      } else if (s.prefixSym() != null) {
        name = ExprBuilder.prefixSymName(s.prefixSym());
      } else {
        name = Operators.canonical(s.getChild(0).getText());
      }
      ArgumentContext a = s.argument();
      Expr value = a.expr() != null ? exprs.expr(a.expr())
          : new Expr.OpArg(spans.of(a), a.prefixSym() != null ? ExprBuilder.prefixSymName(a.prefixSym())
              : Operators.canonical(a.getText()));
      subs.add(new Unit.Substitution(spans.of(s), name, value));
    }
    return new Unit.Instance(span, local, i.IDENT().getText(), List.copyOf(subs));
  }

  private Unit.ModuleDef moduleDef(ModuleDefContext m, boolean local, Span span) {
    return new Unit.ModuleDef(span, local, m.IDENT().getText(), decls(m.opDecl()),
        instance(m.instance(), local, spans.of(m.instance())));
  }
}
