package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.ir.TemporalClause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Emits a machine's temporal part: {@code properties()} (each PROPERTY as the runtime's
 * {@code TemporalProperty}, its conjuncts as clauses over generated predicate methods) and
 * {@code fairness()} (each WF/SF condition with its action's own list of action instances, split
 * like Next, and its subscript). Both lists are built in the constructor, one entry per binding of
 * an enclosing {@code \A}. The checking itself lives in the runtime ({@code explore.liveness}).
 */
final class TemporalEmitter {
  private static final String MACHINE_PKG = "io.finalspec.runtime.machine";
  static final ClassName PROPERTY = ClassName.get(MACHINE_PKG, "TemporalProperty");
  static final ClassName CLAUSE = PROPERTY.nestedClass("Clause");
  static final ClassName FAIRNESS = ClassName.get(MACHINE_PKG, "Fairness");

  private final MachineIr ir;
  private final Symbols sym;
  private final ExprEmitter ex;
  private final SourceLines src;
  private final JavaEmitter plans;
  private final ClassName stepClass;
  private final ClassName checkClass;
  private final ClassName actionCheckClass;
  private final List<MethodSpec> methods = new ArrayList<>();
  private int fairnessCount;
  private int predicateCount;

  TemporalEmitter(MachineIr ir, Symbols sym, ExprEmitter ex, SourceLines src, JavaEmitter plans, ClassName stepClass,
                  ClassName checkClass, ClassName actionCheckClass) {
    this.ir = ir;
    this.sym = sym;
    this.ex = ex;
    this.src = src;
    this.plans = plans;
    this.stepClass = stepClass;
    this.checkClass = checkClass;
    this.actionCheckClass = actionCheckClass;
  }

  boolean any() {
    return !ir.properties().isEmpty() || !ir.fairness().isEmpty();
  }

  List<FieldSpec> fields() {
    return List.of(
        FieldSpec.builder(ParameterizedTypeName.get(JavaEmitter.LIST, PROPERTY), "properties", Modifier.PRIVATE,
            Modifier.FINAL).initializer("new $T<>()", JavaEmitter.ARRAY_LIST)
            .addJavadoc("The model's PROPERTY formulas as conjunctions of checked forms.\n").build(),
        FieldSpec.builder(ParameterizedTypeName.get(JavaEmitter.LIST, FAIRNESS), "fairness", Modifier.PRIVATE,
            Modifier.FINAL).initializer("new $T<>()", JavaEmitter.ARRAY_LIST)
            .addJavadoc("The WF/SF conditions of the behaviour spec, one per binding of an enclosing \\A.\n").build());
  }

  /** Constructor code filling both lists; {@code sc} is the constructor's scope. */
  CodeBlock constructor(Scope sc) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (!ir.fairness().isEmpty()) {
      b.add("// fairness: each condition's action split like Next, its instances in a list of their own\n");
    }
    for (MachineIr.Fairness f : ir.fairness()) {
      b.add(fairness(f, sc));
    }
    for (MachineIr.Property p : ir.properties()) {
      b.add(property(p, sc));
    }
    return b.build();
  }

  List<MethodSpec> methods() {
    List<MethodSpec> out = new ArrayList<>(methods);
    out.add(MethodSpec.methodBuilder("properties").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JavaEmitter.LIST, PROPERTY))
        .addStatement("return $T.unmodifiableList(properties)", java.util.Collections.class).build());
    out.add(MethodSpec.methodBuilder("fairness").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JavaEmitter.LIST, FAIRNESS))
        .addStatement("return $T.unmodifiableList(fairness)", java.util.Collections.class).build());
    MethodSpec.Builder steps = MethodSpec.methodBuilder("actionSteps").addModifiers(Modifier.PRIVATE)
        .addJavadoc("Runs one fairness condition's action instances on a state (not those whose gate is closed),"
            + " forwarding the successors.\n")
        .addParameter(ParameterizedTypeName.get(JavaEmitter.LIST, stepClass), "instances")
        .addParameter(ActionEmitter.STATE_API, "state")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), ActionEmitter.STATE_API), "out")
        .addStatement("$T s = asState(state)", sym.state)
        .addCode(plans.stepLoop("instances", null, CodeBlock.of("step.body().run(s, (label, t) -> out.accept(t))")));
    if (!plans.anyGate()) {
      steps.addModifiers(Modifier.STATIC);
    }
    out.add(steps.build());
    if (!ir.fairness().isEmpty()) {
      out.add(nextInstances());
    }
    return out;
  }

  // ------------------------------------------------------------------ fairness

  private CodeBlock fairness(MachineIr.Fairness f, Scope sc) {
    String text = src.text(f.span());
    return forEach(f.forall(), sc, (in, inner) -> {
      CodeBlock.Builder b = CodeBlock.builder();
      String list = in.fresh("fairSteps");
      b.addStatement("$T<$T> $L = new $T<>()", JavaEmitter.LIST, stepClass, list, JavaEmitter.ARRAY_LIST);
      b.add(plans.plan(f.action(), in, inner, list));
      String sub = sym.member("fairness" + (++fairnessCount) + "Subscript");
      methods.add(stateMethod(sub, "The subscript of " + text, JavaEmitter.VALUE, f.forall(), null,
          sc2 -> CodeBlock.of("return $L", ex.value(f.subscript(), sc2))));
      // lambda parameters are fresh names: a bound variable of the \A may be called s, t or out
      String st = in.fresh("st");
      String out = in.fresh("out");
      CodeBlock changes = CodeBlock.of("null");
      List<Integer> vars = subscriptVariables(f.subscript(), 0);
      if (vars != null) {
        String name = sym.member("fairness" + fairnessCount + "Changes");
        methods.add(changesMethod(name, text, vars));
        String from = in.fresh("from");
        String to = in.fresh("to");
        changes = CodeBlock.of("($L, $L) -> $L(asState($L), asState($L))", from, to, name, from, to);
      }
      b.addStatement("fairness.add(new $T($L, $L, ($L, $L) -> actionSteps($L, $L, $L), $L -> $L($L), $L, nextInstances($L)))",
          FAIRNESS, named(text, f.forall(), in), f.strong(), st, out, list, st, out, st, sub,
          args("asState(" + st + ")", null, f.forall(), in), changes, list);
      return guarded(f.guards(), in, b.build());
    });
  }

  /** {@code body} where the conditions hold (those of implications {@code c => WF_v(A)}, {@code c => <>P}). */
  private CodeBlock guarded(List<IrExpr> guards, Scope in, CodeBlock body) {
    if (guards.isEmpty()) {
      return body;
    }
    List<CodeBlock> conds = guards.stream().map(g -> CodeBlock.of("$L", ex.cond(g, in))).toList();
    return CodeBlock.builder().beginControlFlow("if ($L)", CodeBlock.join(conds, " && ")).add(body).endControlFlow()
        .build();
  }

  /**
   * The instances of Next that run the same code with the same arguments as a fairness
   * condition's instances (so make the same successors), or null when one has none: the explorer
   * then takes the condition's steps from Next's successors instead of running its action.
   */
  private MethodSpec nextInstances() {
    ClassName label = ActionEmitter.LABEL;
    return MethodSpec.methodBuilder("nextInstances").addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(ClassName.get(java.util.Set.class), label))
        .addJavadoc("The instances of Next that make the steps of {@code fair}'s instances (the same method with the same\n"
            + "arguments), by identity; null when one of {@code fair} is no instance of Next.\n")
        .addParameter(ParameterizedTypeName.get(JavaEmitter.LIST, stepClass), "fair")
        .addStatement("$T<$T> out = $T.newSetFromMap(new $T<>())", java.util.Set.class, label,
            java.util.Collections.class, java.util.IdentityHashMap.class)
        .beginControlFlow("for ($T f : fair)", stepClass)
        .addStatement("boolean found = false")
        .beginControlFlow("for ($T n : steps)", stepClass)
        .beginControlFlow("if (n.instance().equals(f.instance()))")
        .addStatement("out.add(n.label())")
        .addStatement("found = true")
        .endControlFlow()
        .endControlFlow()
        .beginControlFlow("if (!found)")
        .addStatement("return null")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return out")
        .build();
  }

  /**
   * The variables of a subscript that is a variable or a tuple of them, through 0-ary definitions
   * ({@code vars == <<x, y>>}), in order without repeats; null for any other expression.
   */
  private List<Integer> subscriptVariables(IrExpr e, int depth) {
    if (depth > 32) {
      return null;
    }
    if (e instanceof IrExpr.Ref r && r.kind() == IrExpr.RefKind.VAR) {
      return List.of(r.index());
    }
    if (e instanceof IrExpr.Call c && c.args().isEmpty()) {
      MachineIr.Definition d = sym.defs.get(c.def());
      return d == null || !d.params().isEmpty() || d.recursive() || d.function() ? null : subscriptVariables(d.body(), depth + 1);
    }
    if (e instanceof IrExpr.Apply a && a.op() == Operator.TUPLE) {
      java.util.LinkedHashSet<Integer> all = new java.util.LinkedHashSet<>();
      for (IrExpr x : a.args()) {
        List<Integer> vs = subscriptVariables(x, depth + 1);
        if (vs == null) {
          return null;
        }
        all.addAll(vs);
      }
      return List.copyOf(all);
    }
    return null;
  }

  /** {@code t} changes the subscript of {@code s}: one of its variables differs (a tuple differs where an element does). */
  private MethodSpec changesMethod(String name, String text, List<Integer> vars) {
    List<CodeBlock> differs = new ArrayList<>();
    for (int i : vars) {
      differs.add(CodeBlock.of("!s.$L.equals(t.$L)", sym.varFields[i], sym.varFields[i]));
    }
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.BOOLEAN)
        .addJavadoc("Whether {@code t} changes the subscript of $L: one of its variables differs.\n", Comments.safe(text))
        .addParameter(sym.state, "s").addParameter(sym.state, "t")
        .addStatement("return $L", differs.isEmpty() ? CodeBlock.of("false") : CodeBlock.join(differs, " || ")).build();
  }

  // ------------------------------------------------------------------ properties

  private CodeBlock property(MachineIr.Property p, Scope sc) {
    CodeBlock.Builder b = CodeBlock.builder();
    String clauses = sc.fresh("clauses");
    b.addStatement("$T<$T> $L = new $T<>()", JavaEmitter.LIST, CLAUSE, clauses, JavaEmitter.ARRAY_LIST);
    for (TemporalClause c : p.clauses()) {
      b.add(clause(p.name(), c, clauses, sc));
    }
    b.addStatement("properties.add(new $T($S, $L))", PROPERTY, p.name(), clauses);
    return b.build();
  }

  private CodeBlock clause(String property, TemporalClause c, String clauses, Scope sc) {
    if (c instanceof TemporalClause.Unchecked u) {
      return CodeBlock.builder().addStatement("$L.add(new $T($S, $S))", clauses, CLAUSE.nestedClass("Unchecked"),
          src.text(c.span()), u.reason()).build();
    }
    List<IrExpr> guards = c instanceof TemporalClause.Guarded g ? g.guards() : List.of();
    TemporalClause decided = c instanceof TemporalClause.Guarded g ? g.clause() : c;
    return forEach(c.forall(), sc, (in, inner) -> {
      CodeBlock.Builder b = CodeBlock.builder();
      if (decided instanceof TemporalClause.Assuming a) {
        String assumed = in.fresh("assumed");
        b.add(assumptions(property, a, assumed, in));
        b.addStatement("$L.add(new $T($L, $L, $L))", clauses, CLAUSE.nestedClass("Assuming"),
            named(src.text(a.span()), a.forall(), in), assumed, made(property, a.clause(), in));
      } else {
        b.addStatement("$L.add($L)", clauses, made(property, decided, in));
      }
      return guarded(guards, in, b.build());
    });
  }

  /**
   * The list {@code list} of {@code a}'s fairness assumptions, in the scope of the consequent's \A
   * names (the property's around the implication first): one per binding of an assumption's own
   * \A ({@code (\A p \in S : WF_v(A(p))) => F}).
   */
  private CodeBlock assumptions(String property, TemporalClause.Assuming a, String list, Scope in) {
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T<$T> $L = new $T<>()", JavaEmitter.LIST, CLAUSE, list, JavaEmitter.ARRAY_LIST);
    for (TemporalClause x : a.assumptions()) {
      TemporalClause f = x instanceof TemporalClause.Guarded g ? g.clause() : x;
      List<IrExpr> guards = x instanceof TemporalClause.Guarded g ? g.guards() : List.of();
      // the binders around the implication begin both lists; the rest are the antecedent's own
      int shared = 0;
      while (shared < f.forall().size() && shared < a.forall().size()
          && f.forall().get(shared).equals(a.forall().get(shared))) {
        shared++;
      }
      List<IrExpr.Bound> own = f.forall().subList(shared, f.forall().size());
      b.add(forEach(own, in, (in2, inner) -> guarded(guards, in2, CodeBlock.builder()
          .addStatement("$L.add($L)", list, made(property, f, in2)).build())));
    }
    return b.build();
  }

  /** The runtime's clause for {@code c} (one of the decided forms), in the scope of its \A's names. */
  private CodeBlock made(String property, TemporalClause c, Scope in) {
    CodeBlock name = named(src.text(c.span()), c.forall(), in);
    if (c instanceof TemporalClause.From f) {
      CodeBlock start = f.start() == null ? CodeBlock.of("null") : check(property, f.start(), c.forall(), in);
      return CodeBlock.of("new $T($L, $L, $L)", CLAUSE.nestedClass("From"), name, start,
          made(property, f.clause(), in));
    } else if (c instanceof TemporalClause.AlwaysAfter a) {
      return CodeBlock.of("new $T($L, $L, $L)", CLAUSE.nestedClass("AlwaysAfter"), name,
          check(property, a.p(), c.forall(), in), check(property, a.q(), c.forall(), in));
    } else if (c instanceof TemporalClause.AlwaysAction a) {
      return CodeBlock.of("new $T($L, $L)", CLAUSE.nestedClass("AlwaysAction"), name,
          step(a.name(), a.step(), c.forall(), in));
    } else if (c instanceof TemporalClause.Fair f) {
      return CodeBlock.of("new $T($L, $L, $L, $L)", CLAUSE.nestedClass("Fair"), name, f.strong(),
          check(property, f.enabled(), c.forall(), in), step(property, f.step(), c.forall(), in));
    } else if (c instanceof TemporalClause.Initially i) {
      return CodeBlock.of("new $T($L, $L)", CLAUSE.nestedClass("Initially"), name,
          check(i.name(), i.p(), c.forall(), in));
    } else if (c instanceof TemporalClause.LeadsTo l) {
      return CodeBlock.of("new $T($L, $L, $L)", CLAUSE.nestedClass("LeadsTo"), name,
          check(property, l.p(), c.forall(), in), check(property, l.q(), c.forall(), in));
    }
    String kind = c instanceof TemporalClause.Always ? "Always" : c instanceof TemporalClause.Eventually
        ? "Eventually" : c instanceof TemporalClause.InfinitelyOften ? "InfinitelyOften" : "EventuallyAlways";
    String checkName = c instanceof TemporalClause.Always a ? a.name() : property;
    return CodeBlock.of("new $T($L, $L)", CLAUSE.nestedClass(kind), name,
        check(checkName, statePredicate(c), c.forall(), in));
  }

  private static IrExpr statePredicate(TemporalClause c) {
    if (c instanceof TemporalClause.Always a) {
      return a.p();
    } else if (c instanceof TemporalClause.Eventually e) {
      return e.p();
    } else if (c instanceof TemporalClause.InfinitelyOften i) {
      return i.p();
    }
    return ((TemporalClause.EventuallyAlways) c).p();
  }

  /** A state predicate: a method over the state and the bound values, wrapped as a Check. */
  private CodeBlock check(String property, IrExpr p, List<IrExpr.Bound> forall, Scope in) {
    String m = sym.member("property" + (++predicateCount) + "Predicate");
    methods.add(stateMethod(m, "In property " + property + ": " + src.text(p.span()), TypeName.BOOLEAN, forall, null,
        sc -> CodeBlock.of("return $L", ex.cond(p, sc))));
    String s = in.fresh("s");
    return CodeBlock.of("new $T($S, $L -> $L($L), null)", checkClass, property, s, m, args(s, null, forall, in));
  }

  /** A predicate over a transition ({@code [A]_v}), as an ActionCheck. */
  private CodeBlock step(String property, IrExpr step, List<IrExpr.Bound> forall, Scope in) {
    String m = sym.member("property" + (++predicateCount) + "Step");
    methods.add(stateMethod(m, "In property " + property + ", on a step s -> t: " + src.text(step.span()),
        TypeName.BOOLEAN, forall, "t", sc -> CodeBlock.of("return $L", ex.cond(step, sc))));
    String s = in.fresh("s");
    String t = in.fresh("t");
    return CodeBlock.of("new $T($S, ($L, $L) -> $L($L))", actionCheckClass, property, s, t, m, args(s, t, forall, in));
  }

  private interface Body {
    CodeBlock of(Scope sc);
  }

  /** {@code private R name(State s[, State t], Value b1, ...)}: the bound names are parameters. */
  private MethodSpec stateMethod(String name, String doc, TypeName returns, List<IrExpr.Bound> forall, String next,
                                 Body body) {
    Scope sc = next == null ? Scope.method("s", false, null, "s") : Scope.method("s", false, next, "s", next);
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(returns)
        .addJavadoc("$L.\n", Comments.safe(doc)).addParameter(sym.state, "s");
    if (next != null) {
      m.addParameter(sym.state, next);
    }
    for (IrExpr.Bound b : forall) {
      for (int k = 0; k < b.names().size(); k++) {
        m.addParameter(JavaEmitter.VALUE, sc.bind(b.ids().get(k), b.names().get(k)));
      }
    }
    return m.addStatement(body.of(sc)).build();
  }

  private static CodeBlock args(String state, String next, List<IrExpr.Bound> forall, Scope in) {
    List<CodeBlock> out = new ArrayList<>();
    out.add(CodeBlock.of("$L", state));
    if (next != null) {
      out.add(CodeBlock.of("$L", next));
    }
    for (IrExpr.Bound b : forall) {
      for (int id : b.ids()) {
        out.add(CodeBlock.of("$L", in.local(id)));
      }
    }
    return CodeBlock.join(out, ", ");
  }

  /** The conjunct's text, followed at run time by the values of the enclosing \A's names. */
  private static CodeBlock named(String text, List<IrExpr.Bound> forall, Scope in) {
    if (forall.isEmpty()) {
      return CodeBlock.of("$S", text);
    }
    List<CodeBlock> parts = new ArrayList<>();
    parts.add(CodeBlock.of("$S", text + " with "));
    boolean first = true;
    for (IrExpr.Bound b : forall) {
      for (int k = 0; k < b.names().size(); k++) {
        parts.add(CodeBlock.of("$S + $L", (first ? "" : ", ") + b.names().get(k) + " = ", in.local(b.ids().get(k))));
        first = false;
      }
    }
    return CodeBlock.join(parts, " + ");
  }

  /** {@code body} once, or once per binding of the enclosing \A (a loop over its constant sets). */
  private CodeBlock forEach(List<IrExpr.Bound> forall, Scope sc,
                            java.util.function.BiFunction<Scope, Map<Integer, String>, CodeBlock> body) {
    return forall.isEmpty() ? body.apply(sc.child(), new LinkedHashMap<>())
        : plans.loop(forall, sc, new LinkedHashMap<>(), body);
  }
}
