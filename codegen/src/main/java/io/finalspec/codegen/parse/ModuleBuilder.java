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
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns module, unit and declaration contexts into {@link Module} and {@link Unit} records. */
final class ModuleBuilder {
  private final Spans spans;
  private final ExprBuilder exprs;

  ModuleBuilder(Spans spans, List<Diagnostic> diagnostics) {
    this.spans = spans;
    this.exprs = new ExprBuilder(spans, diagnostics);
    exprs.setUnits(this);
  }

  Module module(ModuleContext ctx) {
    List<String> ext = new ArrayList<>();
    if (ctx.extendsDecl() != null) {
      for (TerminalNode id : ctx.extendsDecl().IDENT()) {
        ext.add(id.getText());
      }
    }
    List<Unit> units = new ArrayList<>();
    for (UnitContext u : ctx.unit()) {
      Unit unit = unit(u);
      if (unit != null) {
        units.add(unit);
      }
    }
    return new Module(spans.of(ctx), ctx.name.getText(), ext, units);
  }

  private Unit unit(UnitContext u) {
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
      return new Unit.Theorem(span, t.IDENT() == null ? null : t.IDENT().getText(), exprs.expr(t.expr()));
    }
    if (u instanceof SubmoduleUnitContext s) {
      return new Unit.Submodule(span, module(s.module()));
    }
    return null; // separator line
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
