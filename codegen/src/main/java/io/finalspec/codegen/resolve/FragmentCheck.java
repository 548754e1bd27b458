package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprWalker;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.diag.Diagnostic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which constructs reachable from the chosen roots (Init, Next, invariants, constraints, ...) are
 * outside the fragment the code generator supports. Only reachable definitions matter: a temporal
 * formula in {@code Spec} or a liveness property is fine as long as no root uses it.
 * Every finding is a diagnostic {@code unsupported: <what>} at the construct.
 *
 * <p>Unsupported: temporal operators ({@code [] <> ~> -+->}, {@code [A]_v}, {@code <<A>>_v},
 * WF/SF, {@code \AA \EE}), ENABLED, {@code \cdot}, unbounded {@code \A \E CHOOSE}, enumerating an
 * infinite set ({@code \E x \in Nat}), the Reals module, and the TLC operators with hidden state or
 * randomness (TLCGet, TLCSet, JavaTime, RandomElement, Any, TLCEval).
 */
public final class FragmentCheck {
  private FragmentCheck() {}

  private static final Set<String> TEMPORAL = Set.of("[]", "<>", "~>", "-+->");
  private static final Set<String> CORE_UNSUPPORTED = Set.of("ENABLED", "\\cdot");
  private static final Set<String> TLC_UNSUPPORTED = Set.of("TLCGet", "TLCSet", "JavaTime", "RandomElement", "Any",
      "TLCEval");
  private static final Set<String> INFINITE = Set.of("Nat", "Int", "Real", "STRING", "Seq");

  /**
   * Checks everything reachable from the named definitions of {@code program} (names are looked up
   * in the root module's scope; an unknown root is reported too).
   */
  public static List<Diagnostic> check(ResolvedModule program, Collection<String> roots) {
    return check(program, roots, List.of());
  }

  /**
   * Checks what a TLC model needs from the spec: INIT, NEXT, INVARIANTS, CONSTRAINTS and
   * ACTION_CONSTRAINTS; with SPECIFICATION, the spec formula is split like TLC does into its
   * initial predicate and the {@code N} of {@code [][N]_v} (fairness and other temporal conjuncts
   * are liveness, left to TLC). PROPERTIES are not checked: they are TLC's business.
   */
  public static List<Diagnostic> check(ResolvedModule program, io.finalspec.codegen.config.ModelConfig config) {
    List<String> names = new ArrayList<>();
    List<Expr> exprs = new ArrayList<>();
    List<Diagnostic> out = new ArrayList<>();
    if (config.init() != null) {
      names.add(config.init().name());
    }
    if (config.next() != null) {
      names.add(config.next().name());
    }
    config.invariants().forEach(n -> names.add(n.name()));
    config.constraints().forEach(n -> names.add(n.name()));
    config.actionConstraints().forEach(n -> names.add(n.name()));
    if (config.specification() != null) {
      Binding b = program.globals().get(config.specification().name());
      if (b instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od && od.params().isEmpty()) {
        splitSpec(program, od.body(), exprs);
      } else {
        out.add(new Diagnostic(config.specification().span(), "root",
            "no definition named '" + config.specification().name() + "'"));
      }
    }
    out.addAll(check(program, names, exprs));
    return out;
  }

  /** Conjuncts of a spec formula: [][N]_v contributes N and v, other temporal conjuncts nothing. */
  private static void splitSpec(ResolvedModule program, Expr e, List<Expr> into) {
    if (e instanceof Expr.Junction j && j.conjunction()) {
      j.items().forEach(x -> splitSpec(program, x, into));
    } else if (e instanceof Expr.Apply a && a.op().equals("/\\") && program.binding(a) instanceof Binding.Builtin) {
      a.args().forEach(x -> splitSpec(program, x, into));
    } else if (e instanceof Expr.Name n && program.binding(n) instanceof Binding.Definition d
        && d.def() instanceof Unit.OperatorDef od && od.params().isEmpty() && isTemporal(program, od.body())) {
      splitSpec(program, od.body(), into);   // Spec == Init /\ Live, Live == [][Next]_v /\ WF_v(Next)
    } else if (e instanceof Expr.Apply a && a.op().equals("[]") && program.binding(a) instanceof Binding.Builtin
        && a.args().get(0) instanceof Expr.ActionExpr x && x.box()) {
      into.add(x.action());
      into.add(x.subscript());
    } else if (!isTemporal(program, e)) {
      into.add(e);
    }
  }

  /** Does {@code e} contain a temporal construct (also through 0-ary definitions it names)? */
  private static boolean isTemporal(ResolvedModule program, Expr e) {
    return isTemporal(program, e, 0);
  }

  private static boolean isTemporal(ResolvedModule program, Expr e, int depth) {
    if (e instanceof Expr.Fairness || e instanceof Expr.ActionExpr) {
      return true;
    }
    if (e instanceof Expr.Quant q && (q.kind() == Expr.Quantifier.TEMPORAL_EXISTS
        || q.kind() == Expr.Quantifier.TEMPORAL_FORALL)) {
      return true;
    }
    Binding b = program.binding(e);
    if (b instanceof Binding.Builtin bi && bi.module().isEmpty() && TEMPORAL.contains(bi.name())) {
      return true;
    }
    if (depth < 20 && b instanceof Binding.Definition d && d.def() instanceof Unit.OperatorDef od
        && isTemporal(program, od.body(), depth + 1)) {
      return true;
    }
    for (Expr c : ExprWalker.children(e)) {
      if (isTemporal(program, c, depth)) {
        return true;
      }
    }
    return false;
  }

  private static List<Diagnostic> check(ResolvedModule program, Collection<String> roots, List<Expr> rootExprs) {
    List<Diagnostic> out = new ArrayList<>();
    Map<Unit, Boolean> seen = new IdentityHashMap<>();
    Map<Instantiation, Boolean> seenInst = new IdentityHashMap<>();
    Deque<Expr> work = new ArrayDeque<>(rootExprs);
    for (String root : roots) {
      Binding b = program.globals().get(root);
      if (b instanceof Binding.Definition d) {
        enqueue(d, seen, seenInst, work);
      } else if (b == null) {
        out.add(new Diagnostic(program.module().span(), "root", "no definition named '" + root + "'"));
      }
      // a variable or constant as root is unusual but harmless
    }
    while (!work.isEmpty()) {
      Expr e = work.pop();
      inspect(program, e, out);
      Binding b = program.binding(e);
      if (b instanceof Binding.Definition d) {
        enqueue(d, seen, seenInst, work);
      }
      if (e instanceof Expr.Qualified q) {
        for (Expr.Step s : q.path()) {
          if (program.binding(s) instanceof Binding.ModuleInstance mi && seenInst.put(mi.instantiation(), true) == null) {
            work.addAll(mi.instantiation().substitutions().values());
          }
        }
      }
      if (e instanceof Expr.Let l) {
        // LET definitions are reached through their uses; their bodies are children below
        for (Unit u : l.defs()) {
          seen.put(u, true);
        }
      }
      ExprWalker.forEachChild(e, work::push);
    }
    out.sort((a, c) -> a.span().file().equals(c.span().file())
        ? Integer.compare(a.span().line() * 10_000 + a.span().column(), c.span().line() * 10_000 + c.span().column())
        : a.span().file().compareTo(c.span().file()));
    return out;
  }

  private static void enqueue(Binding.Definition d, Map<Unit, Boolean> seen, Map<Instantiation, Boolean> seenInst,
      Deque<Expr> work) {
    if (seen.put(d.def(), true) == null) {
      work.addAll(ExprWalker.children(d.def()));
    }
    if (d.via() != null && seenInst.put(d.via(), true) == null) {
      work.addAll(d.via().substitutions().values());
    }
  }

  private static void inspect(ResolvedModule program, Expr e, List<Diagnostic> out) {
    if (e instanceof Expr.Apply a && program.binding(a) instanceof Binding.Builtin b) {
      builtin(b, a.span(), out);
    } else if (e instanceof Expr.Name n && program.binding(n) instanceof Binding.Builtin b && b.arity() == 0) {
      builtin(b, n.span(), out);
    } else if (e instanceof Expr.ActionExpr x) {
      out.add(unsupported(x.span(), "temporal action expression " + (x.box() ? "[A]_v" : "<<A>>_v")));
    } else if (e instanceof Expr.Fairness f) {
      out.add(unsupported(f.span(), "fairness " + (f.strong() ? "SF_" : "WF_")));
    } else if (e instanceof Expr.Quant q) {
      if (q.kind() == Expr.Quantifier.TEMPORAL_EXISTS || q.kind() == Expr.Quantifier.TEMPORAL_FORALL) {
        out.add(unsupported(q.span(), "temporal quantifier " + (q.kind() == Expr.Quantifier.TEMPORAL_EXISTS ? "\\EE" : "\\AA")));
      } else {
        bounds(program, q.bounds(), q.kind() == Expr.Quantifier.FORALL ? "\\A" : "\\E", out);
      }
    } else if (e instanceof Expr.Choose c) {
      bounds(program, List.of(c.bound()), "CHOOSE", out);
    } else if (e instanceof Expr.SetFilter s) {
      bounds(program, List.of(s.bound()), "set filter", out);
    } else if (e instanceof Expr.SetMap s) {
      bounds(program, s.bounds(), "set map", out);
    } else if (e instanceof Expr.FnConstruct f) {
      bounds(program, f.bounds(), "function constructor", out);
    }
  }

  private static void builtin(Binding.Builtin b, Span span, List<Diagnostic> out) {
    if (b.module().isEmpty() && TEMPORAL.contains(b.name())) {
      out.add(unsupported(span, "temporal operator '" + b.name() + "'"));
    } else if (b.module().isEmpty() && CORE_UNSUPPORTED.contains(b.name())) {
      out.add(unsupported(span, "operator '" + b.name() + "'"));
    } else if (b.module().equals("TLC") && TLC_UNSUPPORTED.contains(b.name())) {
      out.add(unsupported(span, "TLC operator '" + b.name() + "'"));
    } else if (b.module().equals("Reals")) {
      out.add(unsupported(span, "real numbers ('" + b.name() + "' of Reals)"));
    }
  }

  private static void bounds(ResolvedModule program, List<Bound> bounds, String what, List<Diagnostic> out) {
    for (Bound b : bounds) {
      if (b.set() == null) {
        out.add(unsupported(b.span(), "unbounded " + what));
      } else {
        String inf = infinite(program, b.set());
        if (inf != null) {
          out.add(unsupported(b.set().span(), what + " over the infinite set " + inf));
        }
      }
    }
  }

  private static String infinite(ResolvedModule program, Expr set) {
    Binding b = program.binding(set);
    if (b instanceof Binding.Builtin bi && INFINITE.contains(bi.name())) {
      return bi.name();
    }
    return null;
  }

  private static Diagnostic unsupported(Span span, String what) {
    return new Diagnostic(span, "unsupported", "unsupported: " + what);
  }
}
