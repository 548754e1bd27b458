package io.finalspec.codegen.types;

import io.finalspec.codegen.ir.IrExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A structural key of an IR expression: the same text for the same expression written twice
 * (spans left out, bound variables numbered in binding order), so that types compare by what
 * their constant sets say, not by where they were written.
 */
final class IrKey {
  private final StringBuilder out = new StringBuilder();
  private final Map<Integer, Integer> bound = new HashMap<>();

  private IrKey() {}

  static String of(IrExpr e) {
    IrKey k = new IrKey();
    k.add(e);
    return k.out.toString();
  }

  private void bind(List<Integer> ids) {
    for (Integer id : ids) {
      bound.putIfAbsent(id, bound.size());
    }
  }

  private void all(List<IrExpr> xs) {
    for (IrExpr x : xs) {
      out.append(' ');
      add(x);
    }
  }

  private void add(IrExpr e) {
    if (e instanceof IrExpr.Lit l) {
      out.append(switch (l.kind()) {
        case STRING -> "\"" + l.text().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        case MODEL_VALUE -> "mv:" + l.text();
        default -> l.text();
      });
    } else if (e instanceof IrExpr.Ref r) {
      out.append(switch (r.kind()) {
        case BOUND -> "#" + bound.getOrDefault(r.index(), -1 - r.index());
        case AT -> "@" + r.name();
        case PRIMED -> r.name() + "'";
        default -> r.name();
      });
    } else if (e instanceof IrExpr.Apply a) {
      out.append('(').append(a.op());
      all(a.args());
      out.append(')');
    } else if (e instanceof IrExpr.Call c) {
      out.append("(call ").append(c.def());
      all(c.args());
      out.append(')');
    } else if (e instanceof IrExpr.Binder b) {
      out.append('(').append(b.kind());
      for (IrExpr.Bound bd : b.bounds()) {
        out.append(" [");
        add(bd.set());
        bind(bd.ids());
        out.append(bd.tuple() ? " tuple " : " ").append(bd.ids().size()).append(']');
      }
      out.append(' ');
      add(b.body());
      out.append(')');
    } else if (e instanceof IrExpr.Let l) {
      out.append("(let");
      for (IrExpr.LetDef d : l.defs()) {
        out.append(' ');
        add(d.value());
        bind(List.of(d.id()));
      }
      out.append(' ');
      add(l.body());
      out.append(')');
    } else if (e instanceof IrExpr.If i) {
      out.append("(if");
      all(List.of(i.cond(), i.then(), i.otherwise()));
      out.append(')');
    } else if (e instanceof IrExpr.Case c) {
      out.append("(case");
      for (IrExpr.Arm a : c.arms()) {
        all(List.of(a.guard(), a.body()));
      }
      if (c.other() != null) {
        out.append(" other ");
        add(c.other());
      }
      out.append(')');
    } else if (e instanceof IrExpr.Except x) {
      out.append("(except ");
      add(x.fn());
      for (IrExpr.Clause c : x.clauses()) {
        out.append(" [");
        all(c.path());
        out.append(" = @").append(c.atId()).append(' ');
        add(c.value());
        out.append(']');
      }
      out.append(')');
    } else {
      throw new IllegalStateException("no key for " + e);
    }
  }
}
