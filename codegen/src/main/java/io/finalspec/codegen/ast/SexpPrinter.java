package io.finalspec.codegen.ast;

import java.util.List;

/**
 * Prints a module as S-expressions, one unit per line, without spans: junction lists are
 * {@code (and ...)}/{@code (or ...)} with one child per bullet, operator applications
 * {@code (op a b)}, so nesting and precedence can be compared in golden files and with SANY.
 */
public final class SexpPrinter implements ExprVisitor<String> {
  private SexpPrinter() {}

  private static final SexpPrinter INSTANCE = new SexpPrinter();

  public static String print(Module m) {
    StringBuilder sb = new StringBuilder();
    module(sb, m, "");
    return sb.toString();
  }

  public static String print(Expr e) {
    return e.accept(INSTANCE);
  }

  private static void module(StringBuilder sb, Module m, String indent) {
    sb.append(indent).append("(module ").append(m.name());
    if (!m.extendsNames().isEmpty()) {
      sb.append(" (extends ").append(String.join(" ", m.extendsNames())).append(')');
    }
    sb.append('\n');
    for (Unit u : m.units()) {
      if (u instanceof Unit.Submodule s) {
        module(sb, s.module(), indent + "  ");
      } else {
        sb.append(indent).append("  ").append(unit(u)).append('\n');
      }
    }
    sb.append(indent).append(")\n");
  }

  public static String unit(Unit u) {
    if (u instanceof Unit.Variables v) {
      return "(variables " + decls(v.names()) + ")";
    }
    if (u instanceof Unit.Constants c) {
      return "(constants " + decls(c.names()) + ")";
    }
    if (u instanceof Unit.Recursive r) {
      return "(recursive " + decls(r.names()) + ")";
    }
    if (u instanceof Unit.OperatorDef d) {
      return "(" + (d.local() ? "local-def " : "def ") + d.name() + " (" + decls(d.params()) + ") "
          + print(d.body()) + ")";
    }
    if (u instanceof Unit.FunctionDef f) {
      return "(" + (f.local() ? "local-fundef " : "fundef ") + f.name() + " " + bounds(f.bounds()) + " "
          + print(f.body()) + ")";
    }
    if (u instanceof Unit.Instance i) {
      return instance(i);
    }
    if (u instanceof Unit.ModuleDef m) {
      return "(" + (m.local() ? "local-moddef " : "moddef ") + m.name() + " (" + decls(m.params()) + ") "
          + instance(m.instance()) + ")";
    }
    if (u instanceof Unit.Assume a) {
      return "(assume" + (a.name() == null ? "" : " " + a.name()) + " " + print(a.expr()) + ")";
    }
    if (u instanceof Unit.Theorem t) {
      return "(theorem" + (t.name() == null ? "" : " " + t.name()) + " " + print(t.expr()) + ")";
    }
    if (u instanceof Unit.TheoremAssumeProve t) {
      return "(theorem" + (t.name() == null ? "" : " " + t.name()) + " " + assumeProve(t.statement()) + ")";
    }
    Unit.Submodule s = (Unit.Submodule) u;
    return print(s.module()).trim();
  }

  private static String assumeProve(Unit.AssumeProve ap) {
    StringBuilder sb = new StringBuilder("(assume-prove (");
    for (int i = 0; i < ap.assumptions().size(); i++) {
      sb.append(i == 0 ? "" : " ").append(assumption(ap.assumptions().get(i)));
    }
    return sb.append(") ").append(print(ap.goal())).append(')').toString();
  }

  private static String assumption(Unit.Assumption a) {
    if (a instanceof Unit.NewDecl n) {
      String decl = "(new " + n.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + decls(List.of(n.decl()));
      return decl + (n.set() == null ? "" : " " + print(n.set())) + ")";
    }
    if (a instanceof Unit.Fact f) {
      return print(f.expr());
    }
    Unit.NestedAssumeProve n = (Unit.NestedAssumeProve) a;
    return n.label() == null ? assumeProve(n.statement()) : "(label " + n.label() + " " + assumeProve(n.statement()) + ")";
  }

  private static String instance(Unit.Instance i) {
    StringBuilder sb = new StringBuilder("(" + (i.local() ? "local-instance " : "instance ") + i.module());
    for (Unit.Substitution s : i.substitutions()) {
      sb.append(" (<- ").append(s.name()).append(' ').append(print(s.value())).append(')');
    }
    return sb.append(')').toString();
  }

  private static String decls(List<Unit.OpDecl> ds) {
    StringBuilder sb = new StringBuilder();
    for (Unit.OpDecl d : ds) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(d.name());
      if (d.arity() > 0) {
        sb.append('/').append(d.arity());
      }
    }
    return sb.toString();
  }

  private static String bounds(List<Bound> bs) {
    StringBuilder sb = new StringBuilder("(");
    for (Bound b : bs) {
      if (sb.length() > 1) {
        sb.append(' ');
      }
      sb.append(bound(b));
    }
    return sb.append(')').toString();
  }

  private static String bound(Bound b) {
    String names = b.tuple() ? "<<" + String.join(" ", b.names()) + ">>" : String.join(" ", b.names());
    return b.set() == null ? names : "(\\in " + names + " " + print(b.set()) + ")";
  }

  private static String list(String head, List<Expr> es) {
    StringBuilder sb = new StringBuilder("(").append(head);
    for (Expr e : es) {
      sb.append(' ').append(print(e));
    }
    return sb.append(')').toString();
  }

  @Override public String visitNum(Expr.Num e) { return e.value().toString(); }
  @Override public String visitDecimal(Expr.Decimal e) { return "(decimal " + e.value().toPlainString() + ")"; }

  @Override public String visitSubexprRef(Expr.SubexprRef e) {
    StringBuilder sb = new StringBuilder("(subexpr");
    for (Expr.Selector s : e.selectors()) {
      String head = switch (s.kind()) {
        case NAME, INDEX -> s.name();
        case LEFT -> "<<";
        case RIGHT -> ">>";
        case COLON -> ":";
        case AT -> "@";
        case ARGS -> "args";
      };
      sb.append(' ').append(s.args().isEmpty() && s.kind() != Expr.SelectorKind.ARGS ? head : list(head, s.args()));
    }
    return sb.append(')').toString();
  }

  @Override public String visitLabel(Expr.Label e) {
    return "(label " + e.name() + " (" + String.join(" ", e.params()) + ") " + print(e.body()) + ")";
  }

  @Override public String visitStr(Expr.Str e) {
    return '"' + e.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
  }

  @Override public String visitBool(Expr.Bool e) { return e.value() ? "TRUE" : "FALSE"; }
  @Override public String visitName(Expr.Name e) { return e.name(); }
  @Override public String visitApply(Expr.Apply e) { return list(e.op(), e.args()); }

  @Override public String visitQualified(Expr.Qualified e) {
    StringBuilder sb = new StringBuilder();
    for (Expr.Step s : e.path()) {
      sb.append(s.args().isEmpty() ? s.name() : list(s.name(), s.args())).append('!');
    }
    sb.append(e.op());
    return e.args().isEmpty() ? sb.toString() : list(sb.toString(), e.args());
  }

  @Override public String visitOpArg(Expr.OpArg e) { return "(op " + e.op() + ")"; }

  @Override public String visitLambda(Expr.Lambda e) {
    return "(lambda (" + String.join(" ", e.params()) + ") " + print(e.body()) + ")";
  }

  @Override public String visitJunction(Expr.Junction e) { return list(e.conjunction() ? "and" : "or", e.items()); }

  @Override public String visitIf(Expr.If e) {
    return "(if " + print(e.cond()) + " " + print(e.then()) + " " + print(e.otherwise()) + ")";
  }

  @Override public String visitCase(Expr.Case e) {
    StringBuilder sb = new StringBuilder("(case");
    for (Expr.Arm a : e.arms()) {
      sb.append(" (").append(print(a.guard())).append(' ').append(print(a.body())).append(')');
    }
    if (e.other() != null) {
      sb.append(" (other ").append(print(e.other())).append(')');
    }
    return sb.append(')').toString();
  }

  @Override public String visitLet(Expr.Let e) {
    StringBuilder sb = new StringBuilder("(let (");
    for (int i = 0; i < e.defs().size(); i++) {
      sb.append(i == 0 ? "" : " ").append(unit(e.defs().get(i)));
    }
    return sb.append(") ").append(print(e.body())).append(')').toString();
  }

  @Override public String visitQuant(Expr.Quant e) {
    String q = switch (e.kind()) {
      case FORALL -> "\\A";
      case EXISTS -> "\\E";
      case TEMPORAL_FORALL -> "\\AA";
      case TEMPORAL_EXISTS -> "\\EE";
    };
    return "(" + q + " " + bounds(e.bounds()) + " " + print(e.body()) + ")";
  }

  @Override public String visitChoose(Expr.Choose e) {
    return "(CHOOSE " + bound(e.bound()) + " " + print(e.body()) + ")";
  }

  @Override public String visitSetEnum(Expr.SetEnum e) { return list("set", e.elements()); }

  @Override public String visitSetFilter(Expr.SetFilter e) {
    return "(filter " + bound(e.bound()) + " " + print(e.predicate()) + ")";
  }

  @Override public String visitSetMap(Expr.SetMap e) {
    return "(map " + print(e.element()) + " " + bounds(e.bounds()) + ")";
  }

  @Override public String visitTuple(Expr.Tuple e) { return list("tuple", e.elements()); }

  @Override public String visitFnConstruct(Expr.FnConstruct e) {
    return "(fn " + bounds(e.bounds()) + " " + print(e.body()) + ")";
  }

  @Override public String visitFnSet(Expr.FnSet e) { return "(fnset " + print(e.domain()) + " " + print(e.range()) + ")"; }

  @Override public String visitFnApply(Expr.FnApply e) {
    StringBuilder sb = new StringBuilder("(apply ").append(print(e.fn()));
    for (Expr a : e.args()) {
      sb.append(' ').append(print(a));
    }
    return sb.append(')').toString();
  }

  @Override public String visitExcept(Expr.Except e) {
    StringBuilder sb = new StringBuilder("(except ").append(print(e.fn()));
    for (Expr.ExceptClause c : e.clauses()) {
      sb.append(" (!");
      for (Expr.PathStep s : c.path()) {
        if (s instanceof Expr.FieldStep f) {
          sb.append(" .").append(f.field());
        } else {
          sb.append(' ').append(list("", ((Expr.IndexStep) s).args()).replace("( ", "["). replaceAll("\\)$", "]"));
        }
      }
      sb.append(' ').append(print(c.value())).append(')');
    }
    return sb.append(')').toString();
  }

  @Override public String visitAt(Expr.At e) { return "@"; }

  private static String fields(String head, List<Expr.Field> fs) {
    StringBuilder sb = new StringBuilder("(").append(head);
    for (Expr.Field f : fs) {
      sb.append(" (").append(f.name()).append(' ').append(print(f.value())).append(')');
    }
    return sb.append(')').toString();
  }

  @Override public String visitRecord(Expr.Record e) { return fields("record", e.fields()); }
  @Override public String visitRecordSet(Expr.RecordSet e) { return fields("recordset", e.fields()); }
  @Override public String visitSelect(Expr.Select e) { return "(. " + print(e.record()) + " " + e.field() + ")"; }

  @Override public String visitActionExpr(Expr.ActionExpr e) {
    return "(" + (e.box() ? "[]_" : "<>_") + " " + print(e.action()) + " " + print(e.subscript()) + ")";
  }

  @Override public String visitFairness(Expr.Fairness e) {
    return "(" + (e.strong() ? "SF" : "WF") + " " + print(e.subscript()) + " " + print(e.action()) + ")";
  }
}
