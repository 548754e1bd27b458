package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The class-level Java names of one machine: every spec identifier goes through a NameAllocator. */
final class Symbols {
  static final String[] RESERVED_MEMBERS = {
    "names", "TLC_NAMES", "NameTable", "PartialState", "Evaluation", "Symmetry", "specName", "variables", "actionNames", "initStates", "successors", "invariants", "constraints",
    "actionConstraints", "checkDeadlock", "view", "state", "steps", "bind", "read", "candidates", "allAssigned", "contexts",
    "complete", "completeInit", "stateOf", "successorOf", "successor", "checkAssumptions", "checkConstantFormulas", "let", "caseFail", "at", "permute", "canonical", "perms", "closure", "union", "asState", "inDomain",
    "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone", "finalize",
    "State", "Step", "Body", "Check", "ActionCheck", "Value", "Tla", "Machine", "ActionLabel", "List",
    "ArrayList", "Consumer", "Arrays", "ModelValue", "SetValue", "FcnValue", "ValueOrder", "TlaEvalException",
    "AbstractState", "Predicate", "ActionPredicate", "SuccessorSink", "Objects", "UnaryOperator", "Function",
    "Iterable", "Override", "Object", "String", "Integer", "Math", "System", "java", "io", "States",
    "BiPredicate", "FunctionalInterface", "IllegalArgumentException", "IllegalStateException", "Exception",
    "RuntimeException", "Boolean", "Character", "Long", "Class", "Thread", "Runnable", "Record", "Enum",
    "Error", "Throwable", "Void", "Number", "Double", "Float", "Short", "Byte", "StringBuilder",
    "properties", "fairness", "actionSteps", "assumptions", "symmetric", "hasView", "TemporalProperty", "Fairness", "Clause",
    "RecordShape", "orNull", "actionInstances", "tlcNames", "Model", "Map", "model",
    "codec", "buildCodec", "StateCodec", "PackedCodec", "Field"};

  /** Simple names the generated code refers to as types: no local or member may take them. */
  static final String[] TYPE_NAMES = RESERVED_MEMBERS;

  static final String[] RESERVED_STATE_FIELDS = {
    "size", "get", "values", "fingerprint", "equals", "hashCode", "toString", "fingerprintOf", "fingerprintFrom", "getClass",
    "wait", "notify", "notifyAll", "clone", "finalize", "State", "Value"};

  final ClassName machine;
  final ClassName state;
  final MachineIr ir;
  final String[] varFields;
  final Map<String, String> constFields = new HashMap<>();
  final Map<String, String> defNames = new HashMap<>();
  final Map<String, MachineIr.Definition> defs = new HashMap<>();
  /** The method computing a constant field's value (when the constructor could not). */
  final Map<String, String> constEvalNames = new HashMap<>();
  /** Per state-memoized definition ({@link #isStateMemo}): its field in State and the method computing it. */
  final Map<String, String> memoFields = new java.util.LinkedHashMap<>();
  final Map<String, String> memoEvalNames = new HashMap<>();
  private final NameAllocator members = new NameAllocator();

  Symbols(MachineIr ir, ClassName machine) {
    this.ir = ir;
    this.machine = machine;
    this.state = machine.nestedClass("State");
    for (String r : RESERVED_MEMBERS) {
      members.newName(r, "reserved:" + r);
    }
    members.newName(machine.simpleName(), "reserved:class");
    NameAllocator fields = new NameAllocator();
    for (String r : RESERVED_STATE_FIELDS) {
      fields.newName(r, "reserved:" + r);
    }
    List<MachineIr.Variable> vars = ir.variables();
    varFields = new String[vars.size()];
    for (int i = 0; i < vars.size(); i++) {
      varFields[i] = fields.newName(vars.get(i).name(), "var:" + i);
    }
    for (MachineIr.Constant c : ir.constants()) {
      constFields.put(c.name(), members.newName(c.name(), "const:" + c.name()));
    }
    for (MachineIr.Definition d : ir.definitions()) {
      defs.put(d.name(), d);
      defNames.put(d.name(), members.newName(d.name().replace('!', '_'), "def:" + d.name()));
    }
    for (MachineIr.Definition d : ir.definitions()) {
      if (isConstantField(d)) {
        constEvalNames.put(d.name(), members.newName(defNames.get(d.name()) + "Eval", "eval:" + d.name()));
      }
      if ((isStateMemo(d) && worthMemo(ir, d.name()) || isArgumentMemo(d)) && !prints(d, new java.util.HashSet<>())) {
        memoFields.put(d.name(), fields.newName(defNames.get(d.name()), "memo:" + d.name()));
        memoEvalNames.put(d.name(), members.newName(defNames.get(d.name()) + "Eval", "eval:" + d.name()));
      }
    }
  }

  /** A new class member name (action and continuation methods). */
  String member(String suggestion) {
    return members.newName(suggestion, new Object());
  }

  /** A 0-ary constant-level definition: a field computed once in the constructor (as TLC precomputes them). */
  static boolean isConstantField(MachineIr.Definition d) {
    return d.level() == 0 && d.params().isEmpty() && !d.function();
  }

  /**
   * A 0-ary state-level definition: computed at most once per state object and kept in it (a
   * definition such as {@code Reachable} that several action instances and invariants read is
   * then evaluated once per state, not once per use).
   */
  static boolean isStateMemo(MachineIr.Definition d) {
    return d.level() == 1 && d.params().isEmpty() && !d.function();
  }

  /**
   * A state-level operator with parameters whose values are kept in the state per argument
   * ({@code runtime.machine.ArgumentMemo}): its body binds variables of its own (a quantifier,
   * CHOOSE, a comprehension: more work than the lookup), so that a definition such as
   * {@code Fresh(p)}, which an action tests, chooses from and quantifies over, is computed once per
   * state and argument instead of once per use.
   */
  static boolean isArgumentMemo(MachineIr.Definition d) {
    return d.level() == 1 && !d.params().isEmpty() && !d.function()
        && IrTree.anyMatch(d.body(), e -> e instanceof IrExpr.Binder);
  }

  /** Whether evaluating {@code d} may print (Print, PrintT), itself or through what it calls: kept values would print less. */
  private boolean prints(MachineIr.Definition d, java.util.Set<String> seen) {
    if (!seen.add(d.name())) {
      return false;
    }
    return IrTree.anyMatch(d.body(), e -> e instanceof IrExpr.Apply a && (a.op() == Operator.PRINT || a.op() == Operator.PRINT_T)
        || e instanceof IrExpr.Call c && defs.containsKey(c.def()) && prints(defs.get(c.def()), seen));
  }

  /**
   * Whether keeping {@code def}'s value in the state can save work: it is read by an action (once
   * per action instance) or by another definition, or more than once by the invariants and
   * constraints. One invariant's single read (a {@code TypeOK}) is evaluated once per state anyway.
   */
  private static boolean worthMemo(MachineIr ir, String def) {
    int[] reads = {0};
    java.util.function.Predicate<IrExpr> count = e -> {
      if (e instanceof IrExpr.Call c && c.def().equals(def)) {
        reads[0]++;
      }
      return false;
    };
    for (MachineIr.Definition d : ir.definitions()) {
      IrTree.anyMatch(d.body(), count);
    }
    countIn(ir.next(), count);
    for (MachineIr.Fairness f : ir.fairness()) {
      countIn(f.action(), count);
    }
    if (reads[0] > 0) {
      return true;
    }
    for (List<MachineIr.Named> list : List.of(ir.invariants(), ir.constraints(), ir.actionConstraints())) {
      for (MachineIr.Named n : list) {
        IrTree.anyMatch(n.body(), count);
      }
    }
    if (ir.view() != null) {
      IrTree.anyMatch(ir.view(), count);
    }
    return reads[0] > 1;
  }

  private static void countIn(ActionPlan p, java.util.function.Predicate<IrExpr> count) {
    if (p instanceof ActionPlan.Choice c) {
      c.alternatives().forEach(a -> countIn(a, count));
    } else if (p instanceof ActionPlan.Expand x) {
      x.bounds().forEach(b -> IrTree.anyMatch(b.set(), count));
      countIn(x.body(), count);
    } else if (p instanceof ActionPlan.Enter en) {
      en.params().stream().filter(prm -> prm.value() != null).forEach(prm -> IrTree.anyMatch(prm.value(), count));
      countIn(en.body(), count);
    } else if (p instanceof ActionPlan.Guard g) {
      IrTree.anyMatch(g.condition(), count);
      countIn(g.body(), count);
      countIn(g.whole(), count);
    } else if (p instanceof ActionPlan.Leaf l) {
      IrTree.anyMatch(l.body(), count);
    }
  }

  String varName(int index) {
    return ir.variables().get(index).name();
  }
}
