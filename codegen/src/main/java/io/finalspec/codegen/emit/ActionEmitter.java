package io.finalspec.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Init and the actions of Next to Java methods that enumerate states exactly as TLC's
 * {@code getInitStates}/{@code getNextStates} do (see docs/codegen.md):
 * <ul>
 *   <li>conjuncts are processed left to right over a partial state ({@code Value[]}, null =
 *       unassigned); which variables are assigned is known statically wherever every path to a
 *       point agrees, so an assignment is a plain store and a test a plain comparison, with a
 *       run-time null check only where paths disagree;</li>
 *   <li>the partial state is written in place where no other branch still needs it (the
 *       method's own array, the branches of IF/CASE, the last disjunct), and copied once, at the
 *       first assignment, in a branch that shares it with alternatives still to run (a disjunct
 *       before the last, an element of {@code \E} or of {@code x' \in S});</li>
 *   <li>{@code x' = e} assigns when {@code x'} is unassigned and tests otherwise; {@code x' \in S}
 *       enumerates S (or tests); {@code UNCHANGED} assigns or tests each variable;</li>
 *   <li>disjunction, {@code \E}, IF/CASE and {@code =>} branch, each branch going on with the
 *       conjuncts after it; when those are needed by several branches they become a private
 *       continuation method, so code size stays linear;</li>
 *   <li>{@code \A x \in S : A} is the conjunction of its instances (TLC's {@code OPCODE_bf}): the
 *       first binding's instance is processed, then the others from the last binding back to the
 *       second, each structurally, so an {@code \E} inside multiplies the successors and a
 *       {@code x' = e} inside assigns; a body with neither is a guard tested in that order;</li>
 *   <li>when a conjunct is reached with every variable already assigned, TLC evaluates it (and all
 *       later ones) as a plain boolean: a disjunction there yields one successor, not one per true
 *       disjunct; the code does the same (statically when it knows, else with {@code allAssigned});</li>
 *   <li>anything else is a guard.</li>
 * </ul>
 * Init is the same with unprimed variables as the assigned ones.
 */
final class ActionEmitter {
  /** ENABLED: an action whose successors need not be complete (TLC's {@code enabled} leaves unassigned variables free). */
  enum Mode { INIT, NEXT, ENABLED }

  static final ClassName LABEL = ClassName.get("io.finalspec.runtime.machine", "ActionLabel");
  static final ClassName SINK = ClassName.get("io.finalspec.runtime.machine", "Machine", "SuccessorSink");
  static final ClassName STATE_API = ClassName.get("io.finalspec.runtime.machine", "State");
  static final ClassName EVAL_EXCEPTION = ClassName.get("io.finalspec.runtime.value", "TlaEvalException");
  static final TypeName VALUES = com.palantir.javapoet.ArrayTypeName.of(ExprEmitter.VALUE);
  static final TypeName INIT_SINK = ParameterizedTypeName.get(ClassName.get(Consumer.class), STATE_API);

  private final Symbols sym;
  private final ExprEmitter ex;
  private final SourceLines src;
  private final List<MethodSpec> methods;
  private Mode mode;
  private String base;
  private int continuations;
  /** Continuations whose calls are still being emitted; built last created first. */
  private final Deque<Pending> pending = new ArrayDeque<>();
  /** The helper methods of the current action, by creation number (the class lists them in that order). */
  private final SortedMap<Integer, MethodSpec> helpers = new TreeMap<>();

  /**
   * A call of a continuation method: the partial state, the bound ids in scope, then {@code extra}
   * arguments; {@code target} is the continuation still to be built from what its callers know
   * (null for an {@code \A} instance method, which assumes nothing).
   */
  private record KCall(String method, List<Integer> ids, List<CodeBlock> extra, Pending target) {}

  /**
   * A continuation method whose body is emitted once every call of it is: it then knows a variable
   * assigned (or unassigned) when every caller does, and owns its partial state when every caller
   * passes one it owns.
   */
  private static final class Pending {
    final int number;
    final Frame frame;
    final List<Item> rest;
    final List<Boolean[]> callers = new ArrayList<>();
    boolean allOwned = true;

    Pending(int number, Frame frame, List<Item> rest) {
      this.number = number;
      this.frame = frame;
      this.rest = rest;
    }

    void calledFrom(Scope sc) {
      callers.add(sc.assigned.clone());
      allOwned &= sc.owned;
    }

    /** Per variable: TRUE or FALSE when every caller agrees, else null (checked at run time). */
    Boolean[] known(int nvars) {
      Boolean[] k = new Boolean[nvars];
      for (int i = 0; i < nvars; i++) {
        Boolean agreed = callers.isEmpty() ? null : callers.get(0)[i];
        for (Boolean[] c : callers) {
          agreed = java.util.Objects.equals(agreed, c[i]) ? agreed : null;
        }
        k[i] = agreed;
      }
      return k;
    }
  }

  private record Item(IrExpr e, boolean popped, KCall k) {
    static Item of(IrExpr e, boolean popped) {
      return new Item(e, popped, null);
    }
  }

  ActionEmitter(Symbols sym, ExprEmitter ex, SourceLines src, List<MethodSpec> methods) {
    this.sym = sym;
    this.ex = ex;
    this.src = src;
    this.methods = methods;
  }

  /**
   * The slots of the partial state of the action being emitted: the spec's variables, and after
   * them, in the ENABLED of an instance's action in a property, the shadow slots of that instance's
   * primed variables (lower.Ctx.Shadow: TLC's ENABLED over the instance's own variables).
   */
  private int width;
  /** The names of the shadow slots of the action being emitted, by slot. */
  private final Map<Integer, String> shadowNames = new HashMap<>();

  private int nvars() {
    return width;
  }

  /** The name of slot {@code i}'s locals: its variable's, or the instance's variable's. */
  private String slotName(int i) {
    return i < sym.varFields.length ? sym.varName(i) : shadowNames.get(i);
  }

  /** The slots {@code body} needs: the variables, and the shadow slots its primed references name. */
  private int slotsOf(IrExpr body) {
    shadowNames.clear();
    int[] max = {sym.varFields.length};
    IrTree.anyMatch(body, x -> {
      if (x instanceof IrExpr.Ref r && r.kind() == RefKind.PRIMED && r.index() >= sym.varFields.length) {
        shadowNames.put(r.index(), r.name());
        max[0] = Math.max(max[0], r.index() + 1);
      }
      return false;
    });
    return max[0];
  }

  /** The body of {@code initStates(out)}: continuation methods are added to the class. */
  CodeBlock init(IrExpr body) {
    mode = Mode.INIT;
    width = sym.varFields.length;
    base = "init";
    continuations = 0;
    Scope sc = Scope.method(null, true, null, "out", "n", "e");
    sc.partial = "n";
    sc.assigned = new Boolean[nvars()];
    Arrays.fill(sc.assigned, Boolean.FALSE);
    sc.owned = true;
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T n = new $T[$L]", VALUES, ExprEmitter.VALUE, nvars());
    b.beginControlFlow("try");
    items(new ArrayList<>(List.of(Item.of(body, false))), sc, b, "return");
    b.nextControlFlow("catch ($T e)", EVAL_EXCEPTION);
    b.addStatement("throw at(e, $S, $S)", "the initial predicate", body.span().where());
    b.endControlFlow();
    buildHelpers();
    return b.build();
  }

  /**
   * One action method: {@code name(State s, <params>, ActionLabel label, SuccessorSink out)}.
   * {@code params} maps bound ids to TLA+ names (split-time bindings: \E variables, operator parameters).
   */
  MethodSpec action(String name, String labelName, Map<Integer, String> params, IrExpr body, Span span) {
    return action(Mode.NEXT, name, labelName, params, body, span);
  }

  /** Like {@link #action}, for {@code ENABLED A}: reaching the end of A reports a successor, complete or not. */
  MethodSpec enabledAction(String name, Map<Integer, String> params, IrExpr body, Span span) {
    return action(Mode.ENABLED, name, "ENABLED", params, body, span);
  }

  private MethodSpec action(Mode m0, String name, String labelName, Map<Integer, String> params, IrExpr body,
      Span span) {
    mode = m0;
    width = m0 == Mode.ENABLED ? slotsOf(body) : sym.varFields.length;
    base = name;
    continuations = 0;
    Scope sc = Scope.method("s", false, null, "s", "out", "label", "n", "e");
    if (m0 == Mode.NEXT) {
      sc.next = new CodeBlock[nvars()]; // every variable unassigned, held in locals from here on
    } else {
      sc.partial = "n";
    }
    sc.assigned = new Boolean[nvars()];
    Arrays.fill(sc.assigned, Boolean.FALSE);
    sc.owned = true;
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE)
        .addParameter(sym.state, "s");
    for (Map.Entry<Integer, String> p : params.entrySet()) {
      m.addParameter(ExprEmitter.VALUE, sc.bind(p.getKey(), p.getValue()));
    }
    m.addParameter(LABEL, "label").addParameter(SINK, "out");
    m.addJavadoc("Action {@code $L} ($L).\n", Comments.safe(labelName), Comments.safe(span.where()));
    CodeBlock.Builder b = CodeBlock.builder();
    b.beginControlFlow("try");
    List<Item> list = new ArrayList<>(List.of(Item.of(body, false)));
    leadingGuards(list, sc, b);
    if (sc.next == null) {
      b.addStatement("$T n = new $T[$L]", VALUES, ExprEmitter.VALUE, nvars());
    }
    items(list, sc, b, "return");
    b.nextControlFlow("catch ($T e)", EVAL_EXCEPTION);
    b.addStatement("throw at(e, label.toString(), $S)", span.where());
    b.endControlFlow();
    m.addCode(b.build());
    buildHelpers();
    return m.build();
  }

  /**
   * Emits the action's leading conjuncts that only test the current state (no primed variable, no
   * branching, no binding) and removes them from {@code list}: they run before the next-state array
   * is allocated, so an action disabled in a state (most actions in most states) allocates nothing.
   * The tests are the very ones {@link #items} would emit, in the same order.
   */
  private void leadingGuards(List<Item> list, Scope sc, CodeBlock.Builder b) {
    while (!list.isEmpty()) {
      IrExpr e = list.get(0).e();
      if (e instanceof IrExpr.Apply a && a.op() == Operator.AND) {
        boolean popped = list.get(0).popped();
        list.remove(0);
        for (int i = a.args().size() - 1; i >= 0; i--) {
          list.add(0, Item.of(a.args().get(i), i == 0 ? popped : true));
        }
        continue;
      }
      if (!testsCurrentStateOnly(e)) {
        return;
      }
      list.remove(0);
      comment(b, e.span());
      guard(e, sc, b, "return");
    }
  }

  private static boolean testsCurrentStateOnly(IrExpr e) {
    if (e == null || e instanceof IrExpr.Let || isBranching(e) || e instanceof IrExpr.Binder) {
      return false;
    }
    return !IrTree.anyMatch(e, x -> x instanceof IrExpr.Ref r && r.kind() == RefKind.PRIMED
        || x instanceof IrExpr.Apply a && a.op() == Operator.UNCHANGED);
  }

  /** Builds the pending continuations (last created first: its callers are all emitted), then adds the helpers in creation order. */
  private void buildHelpers() {
    while (!pending.isEmpty()) {
      build(pending.pop());
    }
    methods.addAll(helpers.values());
    helpers.clear();
  }

  // ------------------------------------------------------------------ conjunct lists

  private void items(List<Item> list, Scope sc, CodeBlock.Builder b, String fail) {
    while (true) {
      if (list.isEmpty()) {
        finish(sc, b);
        return;
      }
      Item it = list.remove(0);
      if (it.k() != null) {
        b.addStatement("$L", kcall(it.k(), sc));
        return;
      }
      IrExpr e = it.e();
      if (e instanceof IrExpr.Apply a && a.op() == Operator.AND) {
        List<Item> expanded = new ArrayList<>();
        for (int i = 0; i < a.args().size(); i++) {
          expanded.add(Item.of(a.args().get(i), i == 0 ? it.popped() : true));
        }
        list.addAll(0, expanded);
        continue;
      }
      if (e instanceof IrExpr.Let l) {
        comment(b, l.span());
        for (IrExpr.LetDef d : l.defs()) {
          CodeBlock v = ex.value(d.value(), sc);
          b.addStatement("$T $L = $L", ExprEmitter.VALUE, sc.bind(d.id(), d.name()), v);
        }
        list.add(0, Item.of(l.body(), it.popped()));
        continue;
      }
      IrExpr.Ref target = assignTarget(e);
      if (target != null && ((IrExpr.Apply) e).op() == Operator.EQ) {
        comment(b, e.span());
        IrExpr rhs = ((IrExpr.Apply) e).args().get(1);
        assign(target.index(), ex.value(rhs, sc), plainRead(rhs), sc, b, fail);
        continue;
      }
      if (e instanceof IrExpr.Apply a && a.op() == Operator.UNCHANGED && mode != Mode.INIT) {
        comment(b, e.span());
        for (IrExpr u : a.args()) {
          if (u instanceof IrExpr.Ref r && r.kind() == RefKind.VAR) {
            assign(r.index(), CodeBlock.of("s.$L", sym.varFields[r.index()]), true, sc, b, fail);
          } else {
            b.addStatement("if (!$L) $L", ex.cond(u, sc), fail);
          }
        }
        continue;
      }
      if (target != null) { // x' \in S
        comment(b, e.span());
        int i = target.index();
        CodeBlock set = ex.value(((IrExpr.Apply) e).args().get(1), sc);
        if (Boolean.TRUE.equals(sc.assigned[i])) { // x' has its value: a membership test
          b.addStatement("if (!$T.in($L, $L)) $L", ExprEmitter.TLA, assignedValue(sc, i), set, fail);
          list = popAll(list);
          continue;
        }
        String v = sc.fresh(slotName(i) + (mode != Mode.INIT ? "Next" : ""));
        if (sc.next != null) { // x' unassigned (locals know it): each element in a local of its own
          b.beginControlFlow("for ($T $L : $T.elements($L))", ExprEmitter.VALUE, v, ExprEmitter.TLA, set);
          Scope in = sc.child();
          in.next[i] = CodeBlock.of("$L", v);
          in.assigned[i] = Boolean.TRUE;
          items(popAll(list), in, b, "continue");
          b.endControlFlow();
          return;
        }
        if (Boolean.FALSE.equals(sc.assigned[i])) {
          b.beginControlFlow("for ($T $L : $T.elements($L))", ExprEmitter.VALUE, v, ExprEmitter.TLA, set);
        } else {
          b.beginControlFlow("for ($T $L : candidates($L, $L, $L))", ExprEmitter.VALUE, v, sc.partial, i, set);
        }
        Scope in = sc.child();
        String p = nextPartial(in);
        b.addStatement("$T $L = bind($L, $L, $L)", VALUES, p, sc.partial, i, v);
        in.partial = p;
        in.assigned[i] = Boolean.TRUE;
        in.owned = true; // a copy per element
        items(popAll(list), in, b, "continue");
        b.endControlFlow();
        return;
      }
      if (e instanceof IrExpr.Binder q && q.kind() == IrExpr.BinderKind.FORALL && !needsStructure(q.body())) {
        comment(b, e.span());
        if (it.popped() && allKnownAssigned(sc)) {
          guard(e, sc, b, fail); // TLC evaluates the whole \A as a boolean once every variable is assigned
        } else {
          forallGuard(q, sc, b, fail);
        }
        continue;
      }
      if (isBranching(e)) {
        boolean mayBeBoolean = it.popped() && canMultiBranch(e) && !allUnassignedSomewhere(sc);
        if (mayBeBoolean && allKnownAssigned(sc)) {
          comment(b, e.span());
          b.addStatement("if (!$L) $L", ex.cond(e, sc), fail);
          continue;
        }
        if (mayBeBoolean) {
          List<Item> rest = shareable(popAll(list), sc, 2);
          comment(b, e.span());
          b.beginControlFlow("if (!allAssigned($L))", sc.partialArray());
          branch(e, new ArrayList<>(rest), sc.child(), b, fail);
          b.addStatement("$L", fail);
          b.endControlFlow();
          b.add("// every variable is assigned: TLC evaluates the rest as a boolean\n");
          b.addStatement("if (!$L) $L", ex.cond(e, sc), fail);
          list = new ArrayList<>(rest);
          continue;
        }
        comment(b, e.span());
        branch(e, popAll(list), sc, b, fail);
        return;
      }
      comment(b, e.span());
      guard(e, sc, b, fail);
    }
  }

  /** {@code if (!P) fail;}, or {@code if (Q) fail;} for {@code P = ~Q}. */
  private void guard(IrExpr e, Scope sc, CodeBlock.Builder b, String fail) {
    if (e instanceof IrExpr.Apply a && a.op() == Operator.NOT) {
      b.addStatement("if ($L) $L", ex.cond(a.args().get(0), sc), fail);
    } else {
      b.addStatement("if (!$L) $L", ex.cond(e, sc), fail);
    }
  }

  private static List<Item> popAll(List<Item> list) {
    List<Item> rest = new ArrayList<>(list);
    for (int i = 0; i < rest.size(); i++) {
      Item r = rest.get(i);
      if (r.k() == null && !r.popped()) {
        rest.set(i, Item.of(r.e(), true));
      }
    }
    list.clear();
    return rest;
  }

  /** Structural processing of a branching conjunct, every branch continuing with {@code rest}. */
  private void branch(IrExpr e, List<Item> rest, Scope sc, CodeBlock.Builder b, String fail) {
    if (e instanceof IrExpr.Apply a && a.op() == Operator.OR) {
      List<Item> k = shareable(rest, sc, a.args().size());
      for (int j = 0; j < a.args().size(); j++) {
        String label = sc.fresh("or");
        b.add("$L: {\n$>", label);
        List<Item> l = new ArrayList<>();
        l.add(Item.of(a.args().get(j), false));
        l.addAll(k);
        Scope in = sc.child();
        in.owned = sc.owned && j == a.args().size() - 1; // the disjuncts after this one start from the same array
        items(l, in, b, "break " + label);
        b.add("$<}\n");
      }
      return;
    }
    if (e instanceof IrExpr.Apply a && a.op() == Operator.IMPLIES) {
      List<Item> k = shareable(rest, sc, 2);
      b.beginControlFlow("if ($L)", ex.cond(a.args().get(0), sc));
      List<Item> l = new ArrayList<>();
      l.add(Item.of(a.args().get(1), false));
      l.addAll(k);
      items(l, sc.child(), b, fail);
      b.nextControlFlow("else");
      items(new ArrayList<>(k), sc.child(), b, fail);
      b.endControlFlow();
      return;
    }
    if (e instanceof IrExpr.If i) {
      List<Item> k = shareable(rest, sc, 2);
      b.beginControlFlow("if ($L)", ex.cond(i.cond(), sc));
      List<Item> l = new ArrayList<>();
      l.add(Item.of(i.then(), false));
      l.addAll(k);
      items(l, sc.child(), b, fail);
      b.nextControlFlow("else");
      l = new ArrayList<>();
      l.add(Item.of(i.otherwise(), false));
      l.addAll(k);
      items(l, sc.child(), b, fail);
      b.endControlFlow();
      return;
    }
    if (e instanceof IrExpr.Case c) {
      List<Item> k = shareable(rest, sc, c.arms().size() + 1);
      for (int j = 0; j < c.arms().size(); j++) {
        IrExpr.Arm arm = c.arms().get(j);
        if (j == 0) {
          b.beginControlFlow("if ($L)", ex.cond(arm.guard(), sc));
        } else {
          b.nextControlFlow("else if ($L)", ex.cond(arm.guard(), sc));
        }
        List<Item> l = new ArrayList<>();
        l.add(Item.of(arm.body(), false));
        l.addAll(k);
        items(l, sc.child(), b, fail);
      }
      b.nextControlFlow("else");
      if (c.other() != null) {
        List<Item> l = new ArrayList<>();
        l.add(Item.of(c.other(), false));
        l.addAll(k);
        items(l, sc.child(), b, fail);
      } else {
        b.addStatement("caseFail($S)", c.span().where());
      }
      b.endControlFlow();
      return;
    }
    IrExpr.Binder q = (IrExpr.Binder) e;
    if (q.kind() == IrExpr.BinderKind.FORALL) {
      forall(q, rest, sc, b, fail);
      return;
    }
    // TLC's ContextEnumerator: all domains first, then the first bound variable varies fastest
    List<String> sets = new ArrayList<>();
    for (IrExpr.Bound bd : q.bounds()) {
      String set = sc.fresh("domain");
      b.addStatement("$T $L = $L", ExprEmitter.VALUE, set, ex.value(bd.set(), sc));
      for (int j = 0; j < (bd.tuple() ? 1 : bd.names().size()); j++) {
        sets.add(set);
      }
    }
    Scope in = sc.child();
    in.owned = false; // every binding starts from the same array
    List<String> loops = new ArrayList<>();
    List<Runnable> binds = new ArrayList<>();
    int slot = 0;
    List<String[]> vars = new ArrayList<>();
    for (IrExpr.Bound bd : q.bounds()) {
      if (bd.tuple()) {
        String t = in.fresh("t");
        vars.add(new String[] {t, null});
        IrExpr.Bound fbd = bd;
        binds.add(() -> b.add(ex.destructure(fbd, t, in)));
        slot++;
      } else {
        for (int j = 0; j < bd.names().size(); j++) {
          vars.add(new String[] {in.bind(bd.ids().get(j), bd.names().get(j)), null});
          slot++;
        }
      }
    }
    for (int j = vars.size() - 1; j >= 0; j--) {
      b.beginControlFlow("for ($T $L : $T.elements($L))", ExprEmitter.VALUE, vars.get(j)[0], ExprEmitter.TLA, sets.get(j));
      loops.add(vars.get(j)[0]);
    }
    binds.forEach(Runnable::run);
    List<Item> l = new ArrayList<>();
    l.add(Item.of(q.body(), false));
    l.addAll(rest);
    items(l, in, b, "continue");
    for (int j = 0; j < loops.size(); j++) {
      b.endControlFlow();
    }
  }

  private static boolean isBranching(IrExpr e) {
    if (e instanceof IrExpr.Apply a) {
      return a.op() == Operator.OR || a.op() == Operator.IMPLIES;
    }
    return e instanceof IrExpr.If || e instanceof IrExpr.Case
        || e instanceof IrExpr.Binder b && (b.kind() == IrExpr.BinderKind.EXISTS || b.kind() == IrExpr.BinderKind.FORALL);
  }

  // ------------------------------------------------------------------ \A in actions

  /**
   * Whether TLC's structural processing of an action-level {@code \A} with this body can differ from
   * testing it: the body may branch or assign a variable (a primed one; in Init an unprimed one).
   */
  private boolean needsStructure(IrExpr body) {
    return canMultiBranch(body) || IrTree.anyMatch(body, x -> x instanceof IrExpr.Ref r
        && r.kind() == (mode != Mode.INIT ? RefKind.PRIMED : RefKind.VAR)
        || x instanceof IrExpr.Apply a && a.op() == Operator.UNCHANGED);
  }

  /** {@code Value[][] contexts = contexts(S, T, ...)}: every binding of {@code q}, in TLC's order. */
  private String contexts(IrExpr.Binder q, Scope sc, CodeBlock.Builder b) {
    List<CodeBlock> domains = new ArrayList<>();
    for (IrExpr.Bound bd : q.bounds()) {
      String set = sc.fresh("domain");
      b.addStatement("$T $L = $L", ExprEmitter.VALUE, set, ex.value(bd.set(), sc));
      for (int j = 0; j < (bd.tuple() ? 1 : bd.names().size()); j++) {
        domains.add(CodeBlock.of("$L", set));
      }
    }
    String ctx = sc.fresh("contexts");
    b.addStatement("$T[][] $L = contexts($L)", ExprEmitter.VALUE, ctx, CodeBlock.join(domains, ", "));
    return ctx;
  }

  /** Binds {@code q}'s variables in {@code in} to one row of its contexts. */
  private void bindRow(IrExpr.Binder q, CodeBlock row, Scope in, CodeBlock.Builder b) {
    String r = in.fresh("row");
    b.addStatement("$T $L = $L", VALUES, r, row);
    int col = 0;
    for (IrExpr.Bound bd : q.bounds()) {
      if (bd.tuple()) {
        String t = in.fresh("t");
        b.addStatement("$T $L = $L[$L]", ExprEmitter.VALUE, t, r, col++);
        b.add(ex.destructure(bd, t, in));
      } else {
        for (int j = 0; j < bd.names().size(); j++) {
          b.addStatement("$T $L = $L[$L]", ExprEmitter.VALUE, in.bind(bd.ids().get(j), bd.names().get(j)), r, col++);
        }
      }
    }
  }

  /**
   * An {@code \A} whose body only tests: each instance tested in TLC's order (first binding, then
   * last to second). One variable visits its domain's own array ({@code Tla.elementArray}: nothing
   * allocated per evaluation when the domain is a constant); more make the rows of their bindings.
   */
  private void forallGuard(IrExpr.Binder q, Scope sc, CodeBlock.Builder b, String fail) {
    boolean single = q.bounds().size() == 1 && !q.bounds().get(0).tuple() && q.bounds().get(0).names().size() == 1;
    String ctx;
    if (single) {
      String set = sc.fresh("domain");
      b.addStatement("$T $L = $L", ExprEmitter.VALUE, set, ex.value(q.bounds().get(0).set(), sc));
      ctx = sc.fresh("elements");
      b.addStatement("$T $L = $T.elementArray($L)", VALUES, ctx, ExprEmitter.TLA, set);
    } else {
      ctx = contexts(q, sc, b);
    }
    String holds = sc.fresh("holds");
    String k = sc.fresh("k");
    b.addStatement("boolean $L = true", holds);
    b.beginControlFlow("for (int $L = 0; $L < $L.length; $L++)", k, k, ctx, k);
    Scope in = sc.child();
    CodeBlock at = CodeBlock.of("$L[$L == 0 ? 0 : $L.length - $L]", ctx, k, ctx, k);
    if (single) {
      IrExpr.Bound bd = q.bounds().get(0);
      b.addStatement("$T $L = $L", ExprEmitter.VALUE, in.bind(bd.ids().get(0), bd.names().get(0)), at);
    } else {
      bindRow(q, at, in, b);
    }
    b.beginControlFlow("if (!$L)", ex.cond(q.body(), in));
    b.addStatement("$L = false", holds);
    b.addStatement("break");
    b.endControlFlow();
    b.endControlFlow();
    b.addStatement("if (!$L) $L", holds, fail);
  }

  /**
   * Structural {@code \A}: the first binding's instance here, then a method that processes the
   * instance of binding {@code length - k} and calls itself with {@code k + 1}, and at the end goes
   * on with {@code rest}. An empty domain goes on with {@code rest} at once.
   */
  private void forall(IrExpr.Binder q, List<Item> rest, Scope sc, CodeBlock.Builder b, String fail) {
    String ctx = contexts(q, sc, b);
    List<Item> k = shareable(rest, sc, 2);
    int number = ++continuations;
    String name = sym.member(base + "_forall" + number);
    Frame f = frame(name, sc, false, List.of(ArrayTypeName.of(VALUES), TypeName.INT), List.of("contexts", "k"));
    String fctx = f.extra().get(0);
    String fk = f.extra().get(1);
    f.method().addJavadoc("Instance {@code length - k} of the \\A at $L, then the next; after the last, the conjuncts after it.\n",
        Comments.safe(q.span().where()));
    CodeBlock.Builder mb = CodeBlock.builder();
    mb.beginControlFlow("if ($L == $L.length)", fk, fctx);
    items(new ArrayList<>(k), f.scope().child(), mb, "return");
    mb.nextControlFlow("else");
    Scope inLoop = f.scope().child();
    bindRow(q, CodeBlock.of("$L[$L.length - $L]", fctx, fctx, fk), inLoop, mb);
    List<Item> next = new ArrayList<>();
    next.add(Item.of(q.body(), true)); // taken from TLC's action list: evaluated as a boolean once all is assigned
    next.add(new Item(null, true,
        new KCall(name, f.ids(), List.of(CodeBlock.of("$L", fctx), CodeBlock.of("$L + 1", fk)), null)));
    items(next, inLoop, mb, "return");
    mb.endControlFlow();
    f.method().addCode(mb.build());
    helpers.put(number, f.method().build());

    b.beginControlFlow("if ($L.length == 0)", ctx);
    items(new ArrayList<>(k), sc.child(), b, fail);
    b.nextControlFlow("else");
    Scope in = sc.child();
    bindRow(q, CodeBlock.of("$L[0]", ctx), in, b);
    List<Item> first = new ArrayList<>();
    first.add(Item.of(q.body(), false));
    first.add(new Item(null, true, new KCall(name, f.ids(), List.of(CodeBlock.of("$L", ctx), CodeBlock.of("1")), null)));
    items(first, in, b, fail);
    b.endControlFlow();
  }

  /** Whether structural processing of {@code e} can yield more than one state from one partial state. */
  private static boolean canMultiBranch(IrExpr e) {
    if (e instanceof IrExpr.Apply a) {
      switch (a.op()) {
        case OR:
          return a.args().size() > 1;
        case AND:
        case IMPLIES:
          return a.args().stream().anyMatch(ActionEmitter::canMultiBranch);
        default:
          return false;
      }
    }
    if (e instanceof IrExpr.Binder b) {
      return b.kind() == IrExpr.BinderKind.EXISTS
          || b.kind() == IrExpr.BinderKind.FORALL && canMultiBranch(b.body());
    }
    if (e instanceof IrExpr.If i) {
      return canMultiBranch(i.then()) || canMultiBranch(i.otherwise());
    }
    if (e instanceof IrExpr.Case c) {
      return (c.other() != null && canMultiBranch(c.other())) || c.arms().stream().anyMatch(a -> canMultiBranch(a.body()));
    }
    if (e instanceof IrExpr.Let l) {
      return canMultiBranch(l.body());
    }
    return false;
  }

  private static boolean allKnownAssigned(Scope sc) {
    for (Boolean a : sc.assigned) {
      if (!Boolean.TRUE.equals(a)) {
        return false;
      }
    }
    return true;
  }

  private static boolean allUnassignedSomewhere(Scope sc) {
    for (Boolean a : sc.assigned) {
      if (Boolean.FALSE.equals(a)) {
        return true;
      }
    }
    return false;
  }

  /** The target variable of {@code x' = e} / {@code x' \in S} (x in Init), or null. */
  private IrExpr.Ref assignTarget(IrExpr e) {
    if (e instanceof IrExpr.Apply a && (a.op() == Operator.EQ || a.op() == Operator.IN)
        && a.args().get(0) instanceof IrExpr.Ref r
        && r.kind() == (mode != Mode.INIT ? RefKind.PRIMED : RefKind.VAR)) {
      return r;
    }
    return null;
  }

  private String nextPartial(Scope sc) {
    return sc.fresh("n" + (sc.partial.equals("n") ? 1 : Integer.parseInt("0" + sc.partial.replaceAll("\\D", "")) + 1));
  }

  /** Whether {@code e} is a variable read as it is ({@code x' = y}): its value needs no local of its own. */
  private boolean plainRead(IrExpr e) {
    return mode != Mode.INIT && e instanceof IrExpr.Ref r && r.kind() == RefKind.VAR;
  }

  /**
   * {@code x' = v}: assign when unassigned, test otherwise (statically resolved when known). A
   * computed value gets a local named after the variable ({@code pcNext}, for a debugger); a
   * {@code plain} one (a variable's field read as it is, as UNCHANGED does) is used in place, which
   * keeps the many UNCHANGED copies of a large spec to one statement each (less for javac and the JIT).
   */
  private void assign(int i, CodeBlock value, boolean plain, Scope sc, CodeBlock.Builder b, String fail) {
    Boolean known = sc.assigned[i];
    CodeBlock v = value;
    if (!plain) {
      String local = sc.fresh(slotName(i) + (mode != Mode.INIT ? "Next" : ""));
      b.addStatement("$T $L = $L", ExprEmitter.VALUE, local, value);
      v = CodeBlock.of("$L", local);
    }
    if (Boolean.TRUE.equals(known)) {
      b.addStatement("if (!$T.eq($L, $L)) $L", ExprEmitter.TLA, assignedValue(sc, i), v, fail);
      return;
    }
    if (sc.next != null) { // locals: x' is the local (or the field read) from here on, no array written
      sc.next[i] = v;
      sc.assigned[i] = Boolean.TRUE;
      return;
    }
    if (sc.owned && Boolean.FALSE.equals(known)) {
      b.addStatement("$L[$L] = $L", sc.partial, i, v);
    } else if (sc.owned) {
      b.beginControlFlow("if ($L[$L] == null)", sc.partial, i);
      b.addStatement("$L[$L] = $L", sc.partial, i, v);
      b.nextControlFlow("else if (!$T.eq($L[$L], $L))", ExprEmitter.TLA, sc.partial, i, v);
      b.addStatement("$L", fail);
      b.endControlFlow();
    } else if (Boolean.FALSE.equals(known)) {
      String p = nextPartial(sc);
      b.addStatement("$T $L = bind($L, $L, $L)", VALUES, p, sc.partial, i, v);
      sc.partial = p;
      sc.owned = true; // a copy of our own: later assignments write it in place
    } else {
      String p = nextPartial(sc);
      b.addStatement("if ($L[$L] != null && !$T.eq($L[$L], $L)) $L", sc.partial, i, ExprEmitter.TLA, sc.partial, i, v, fail);
      b.addStatement("$T $L = $L[$L] == null ? bind($L, $L, $L) : $L", VALUES, p, sc.partial, i, sc.partial, i, v,
          sc.partial);
      sc.partial = p; // still shared when x' was assigned before
    }
    sc.assigned[i] = Boolean.TRUE;
  }

  /** The value of an x' known to be assigned: its local, or its element of the partial state array. */
  private static CodeBlock assignedValue(Scope sc, int i) {
    return sc.next != null ? sc.next[i] : CodeBlock.of("$L[$L]", sc.partial, i);
  }

  private void finish(Scope sc, CodeBlock.Builder b) {
    if (mode == Mode.ENABLED) {
      b.addStatement("out.accept(label, null)");
    } else if (sc.next != null && allKnownAssigned(sc)) {
      b.addStatement("out.accept(label, successor(s$L))", nextArgs(sc));
    } else if (sc.next != null) {
      b.addStatement("out.accept(label, complete($L, label))", sc.partialArray());
    } else if (allKnownAssigned(sc)) {
      b.addStatement(mode == Mode.NEXT ? "out.accept(label, successorOf(s, $L))" : "out.accept(stateOf($L))", sc.partial);
    } else if (mode == Mode.NEXT) {
      b.addStatement("out.accept(label, complete($L, label))", sc.partial);
    } else {
      b.addStatement("out.accept(completeInit($L))", sc.partial);
    }
  }

  /** {@code , v0, v1, ...}: the locals of every x', in variable order. */
  private static CodeBlock nextArgs(Scope sc) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (CodeBlock v : sc.next) {
      b.add(", $L", v);
    }
    return b.build();
  }

  // ------------------------------------------------------------------ continuations

  /** {@code rest} as is when cheap to repeat {@code uses} times, else one call to a continuation method. */
  private List<Item> shareable(List<Item> rest, Scope sc, int uses) {
    if (uses <= 1 || rest.isEmpty() || (rest.size() == 1 && rest.get(0).k() != null)) {
      return rest;
    }
    return List.of(new Item(null, true, continuation(rest, sc)));
  }

  private KCall continuation(List<Item> rest, Scope sc) {
    int number = ++continuations;
    String name = sym.member(base + "_then" + number);
    Pending p = new Pending(number, frame(name, sc, mode == Mode.NEXT, List.of(), List.of()), List.copyOf(rest));
    pending.push(p);
    return new KCall(name, p.frame.ids(), List.of(), p);
  }

  /** The body of a continuation, from what all its callers know of the partial state. */
  private void build(Pending p) {
    Frame f = p.frame;
    f.scope().assigned = p.known(nvars());
    f.scope().owned = !p.callers.isEmpty() && p.allOwned;
    CodeBlock.Builder b = CodeBlock.builder();
    if (f.nextParams() != null) {
      byVariable(f, b);
    }
    Span first = firstSpan(p.rest);
    f.method().addJavadoc("Continues $L after a branch$L.\n", Comments.safe(base),
        first == null ? "" : " with the conjuncts from " + Comments.safe(first.where()));
    items(new ArrayList<>(p.rest), f.scope(), b, "return");
    f.method().addCode(b.build());
    helpers.put(p.number, f.method().build());
  }

  /**
   * A continuation that receives each x' as a parameter: where its callers agree on which are
   * assigned (the common case) they stay locals; else they go into an array of its own, as the
   * run-time checks of a partial state known only in part need.
   */
  private void byVariable(Frame f, CodeBlock.Builder b) {
    Scope k = f.scope();
    boolean allKnown = Arrays.stream(k.assigned).allMatch(java.util.Objects::nonNull);
    List<CodeBlock> params = new ArrayList<>();
    for (String v : f.nextParams()) {
      params.add(CodeBlock.of("$L", v));
    }
    if (allKnown) {
      k.next = new CodeBlock[nvars()];
      for (int i = 0; i < nvars(); i++) {
        k.next[i] = Boolean.TRUE.equals(k.assigned[i]) ? params.get(i) : null;
      }
    } else {
      k.partial = k.fresh("n");
      k.owned = true;
      b.addStatement("$T $L = new $T[] {$L}", VALUES, k.partial, ExprEmitter.VALUE, CodeBlock.join(params, ", "));
    }
  }

  /**
   * A continuation method being built: its scope, builder, the bound ids it receives, its extra
   * parameters' names, and the parameter of each x' when it receives them one by one (else null: it
   * receives the partial state array {@code n}).
   */
  private record Frame(Scope scope, MethodSpec.Builder method, List<Integer> ids, List<String> extra,
      List<String> nextParams) {}

  /**
   * The head of a continuation method {@code name}: the state, the partial state ({@code n}, or
   * {@code byVariable} one parameter per x'), every bound variable of {@code sc}, the
   * {@code extraTypes} parameters, then the label and sink.
   */
  private Frame frame(String name, Scope sc, boolean byVariable, List<TypeName> extraTypes, List<String> extraNames) {
    Scope k = mode != Mode.INIT
        ? Scope.method("s", false, null, "s", "out", "label", "n", "e")
        : Scope.method(null, true, null, "out", "n", "e");
    k.assigned = new Boolean[nvars()];
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
    if (mode != Mode.INIT) {
      m.addParameter(sym.state, "s");
    }
    List<String> nextParams = null;
    if (byVariable) {
      nextParams = new ArrayList<>();
      for (int i = 0; i < nvars(); i++) {
        String p = k.fresh(slotName(i) + "Next");
        m.addParameter(ExprEmitter.VALUE, p);
        nextParams.add(p);
      }
    } else {
      k.partial = "n";
      m.addParameter(VALUES, "n");
    }
    List<Integer> ids = new ArrayList<>(sc.bound.keySet());
    for (Integer id : ids) {
      m.addParameter(ExprEmitter.VALUE, k.bind(id, sc.bound.get(id)));
    }
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < extraTypes.size(); i++) {
      String p = k.fresh(extraNames.get(i));
      m.addParameter(extraTypes.get(i), p);
      extra.add(p);
    }
    if (mode != Mode.INIT) {
      m.addParameter(LABEL, "label").addParameter(SINK, "out");
    } else {
      m.addParameter(INIT_SINK, "out");
    }
    return new Frame(k, m, ids, extra, nextParams);
  }

  private static Span firstSpan(List<Item> rest) {
    for (Item i : rest) {
      if (i.e() != null) {
        return i.e().span();
      }
    }
    return null;
  }

  private CodeBlock kcall(KCall k, Scope sc) {
    if (k.target() != null) {
      k.target().calledFrom(sc);
    }
    List<CodeBlock> args = new ArrayList<>();
    if (mode != Mode.INIT) {
      args.add(CodeBlock.of("s"));
    }
    if (k.target() != null && k.target().frame.nextParams() != null) {
      for (int i = 0; i < nvars(); i++) { // each x' as it is known here: a local, an element of n, or null
        args.add(sc.next != null ? sc.nextOrNull(i) : CodeBlock.of("$L[$L]", sc.partial, i));
      }
    } else {
      args.add(sc.partialArray()); // from locals: a new array, the continuation's own
    }
    for (Integer id : k.ids()) {
      args.add(CodeBlock.of("$L", sc.local(id)));
    }
    args.addAll(k.extra());
    if (mode != Mode.INIT) {
      args.add(CodeBlock.of("label"));
    }
    args.add(CodeBlock.of("out"));
    return CodeBlock.of("$L($L)", k.method(), CodeBlock.join(args, ", "));
  }

  private void comment(CodeBlock.Builder b, Span span) {
    String line = src.line(span);
    b.add("// $L\n", Comments.safe(span.file() + ":" + span.line() + (line.isEmpty() ? "" : "  " + line)));
  }
}
