package io.finalspec.codegen.emit;

import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.LitKind;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.types.TlaType;
import io.finalspec.codegen.types.TypeInference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an action's gate (the runtime's {@code ActionGate}): a leading conjunct {@code v[p] = e}
 * or {@code v = e} with {@code v} a state variable, {@code p} a split-time binding or a model
 * constant (fixed per action instance) and {@code e} a literal or a model constant, such that every
 * conjunct TLC evaluates before it cannot fail. Then in a state where the test is false the
 * instance has no successor and no error, and the machine may skip it without running it. The
 * conjuncts before the gate are those of the body's leading {@code /\}-list, in TLC's left-to-right
 * order; "cannot fail" is decided conservatively ({@code total}): Boolean constants and variables,
 * their connectives, {@code =} and {@code #} between strings or between Booleans, {@code \in} and
 * {@code \notin} of a string in a set of string literals, and 0-ary definitions whose bodies are
 * such. A variable is a string when its inferred type is an enumeration and the machine finds the
 * enumeration's constant sets to hold only strings. Anything else ends the search without a gate:
 * the instance always runs, as before.
 */
final class ActionGates {
  /**
   * The gate {@code v[argument] = expected}, or {@code v = expected} when {@code argument} is null,
   * {@code v} being variable {@code variable}; the argument is a split-time binding or a model
   * constant, fixed per action instance. The conjuncts before it cannot fail provided that every
   * value of the variables {@code strings} is a string: their types say each is one of the elements
   * of some constant sets, which the machine checks once it has evaluated them
   * ({@code ActionGate.Builder.onlyStrings}); if one holds anything else, the instance gets no gate.
   */
  record Gate(int variable, IrExpr argument, IrExpr expected, java.util.SortedSet<Integer> strings) {}

  private final TypeInference.Result types;
  private final Map<String, MachineIr.Definition> defs = new HashMap<>();
  private final Set<String> modelConstants = new java.util.HashSet<>();

  ActionGates(MachineIr ir, TypeInference.Result types) {
    this.types = types;
    for (MachineIr.Definition d : ir.definitions()) {
      defs.put(d.name(), d);
    }
    for (MachineIr.Constant c : ir.constants()) {
      modelConstants.add(c.name());
    }
  }

  /** The gate of an action body whose split-time bindings are {@code splitIds}, if it has one. */
  Optional<Gate> find(IrExpr body, Set<Integer> splitIds) {
    java.util.SortedSet<Integer> strings = new java.util.TreeSet<>();
    for (IrExpr c : leadingConjuncts(body)) {
      Gate g = match(c, splitIds, strings);
      if (g != null) {
        return Optional.of(g);
      }
      if (!total(c, 0, strings)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The constant sets whose elements variable {@code i}'s values are (its type is an enumeration). */
  List<IrExpr> enumerationOf(int i) {
    TlaType t = types.variables().get(i);
    List<IrExpr> out = new ArrayList<>();
    if (t instanceof TlaType.Enum en) {
      en.within().forEach(c -> out.add(c.expr()));
    }
    return out;
  }

  /** The conjuncts of {@code body}'s leading {@code /\}-lists, flattened in evaluation order. */
  private static List<IrExpr> leadingConjuncts(IrExpr body) {
    List<IrExpr> out = new ArrayList<>();
    flatten(body, out);
    return out;
  }

  private static void flatten(IrExpr e, List<IrExpr> out) {
    if (e instanceof IrExpr.Apply a && a.op() == Operator.AND) {
      for (IrExpr x : a.args()) {
        flatten(x, out);
      }
    } else {
      out.add(e);
    }
  }

  /** The gate {@code c} is, relying on {@code strings} for the conjuncts before it, or null. */
  private Gate match(IrExpr c, Set<Integer> splitIds, java.util.SortedSet<Integer> strings) {
    if (!(c instanceof IrExpr.Apply eq) || eq.op() != Operator.EQ || eq.args().size() != 2) {
      return null;
    }
    Gate g = match(eq.args().get(0), eq.args().get(1), splitIds, strings);
    return g != null ? g : match(eq.args().get(1), eq.args().get(0), splitIds, strings);
  }

  private Gate match(IrExpr lookup, IrExpr expected, Set<Integer> splitIds, java.util.SortedSet<Integer> strings) {
    if (!isFixed(expected)) {
      return null;
    }
    if (lookup instanceof IrExpr.Ref v && v.kind() == RefKind.VAR) {
      return new Gate(v.index(), null, expected, strings);
    }
    if (!(lookup instanceof IrExpr.Apply ap) || ap.op() != Operator.APPLY || ap.args().size() != 2) {
      return null;
    }
    if (!(ap.args().get(0) instanceof IrExpr.Ref f) || f.kind() != RefKind.VAR) {
      return null;
    }
    IrExpr a = ap.args().get(1);
    boolean fixedArgument = a instanceof IrExpr.Ref p && p.kind() == RefKind.BOUND && splitIds.contains(p.index())
        || isFixed(a);
    return fixedArgument ? new Gate(f.index(), a, expected, strings) : null;
  }

  /** A literal, or a constant of the model (assigned by the config before any action runs). */
  private boolean isFixed(IrExpr e) {
    return e instanceof IrExpr.Lit
        || e instanceof IrExpr.Ref r && r.kind() == RefKind.CONST && modelConstants.contains(r.name());
  }

  /**
   * Whether evaluating {@code e} as a condition cannot fail, in any state the types allow, provided
   * that the variables added to {@code strings} only ever hold strings.
   */
  private boolean total(IrExpr e, int depth, Set<Integer> strings) {
    if (depth > 16) {
      return false;
    }
    if (e instanceof IrExpr.Lit l) {
      return l.kind() == LitKind.BOOL;
    }
    if (e instanceof IrExpr.Ref r) {
      return isBoolean(r);
    }
    if (e instanceof IrExpr.Call call) {
      MachineIr.Definition d = defs.get(call.def());
      return d != null && call.args().isEmpty() && d.params().isEmpty() && !d.function()
          && total(d.body(), depth + 1, strings);
    }
    if (!(e instanceof IrExpr.Apply a)) {
      return false;
    }
    return switch (a.op()) {
      case NOT, AND, OR, IMPLIES, EQUIV -> a.args().stream().allMatch(x -> total(x, depth + 1, strings));
      case EQ, NEQ -> a.args().size() == 2 && (a.args().stream().allMatch(this::isBoolean)
          || a.args().stream().allMatch(x -> isString(x, strings)));
      case IN, NOTIN -> a.args().size() == 2 && isStringLiterals(a.args().get(1)) && isString(a.args().get(0), strings);
      default -> false;
    };
  }

  /**
   * A string literal, or a variable whose type is an enumeration (added to {@code strings}: the
   * machine checks that its constant sets hold only strings).
   */
  private boolean isString(IrExpr e, Set<Integer> strings) {
    if (e instanceof IrExpr.Lit l) {
      return l.kind() == LitKind.STRING;
    }
    if (e instanceof IrExpr.Ref r && r.kind() == RefKind.VAR && types.variables().get(r.index()) instanceof TlaType.Enum en
        && !en.within().isEmpty()) {
      strings.add(r.index());
      return true;
    }
    return false;
  }

  private boolean isBoolean(IrExpr e) {
    return e instanceof IrExpr.Lit l && l.kind() == LitKind.BOOL
        || e instanceof IrExpr.Ref r && r.kind() == RefKind.VAR && types.variables().get(r.index()) instanceof TlaType.Bool;
  }

  private static boolean isStringLiterals(IrExpr set) {
    return set instanceof IrExpr.Apply s && s.op() == Operator.SET_ENUM
        && s.args().stream().allMatch(x -> x instanceof IrExpr.Lit l && l.kind() == LitKind.STRING);
  }
}
