package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.AlphaForm;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.ir.TemporalClause;
import io.finalspec.codegen.load.JavaSource;
import io.finalspec.codegen.types.TypeInference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The emit stage: one {@link MachineIr} to one Java class implementing
 * {@code io.finalspec.runtime.machine.Machine}. Entry point: {@link #emit}. The class holds a
 * nested immutable {@code State}, the model constants as fields, one method per user definition,
 * one method per action of Next (named after the spec's operator), and the list of TLC's action
 * instances built in the constructor.
 */
public final class JavaEmitter {
  private static final String RT = "io.finalspec.runtime";
  static final ClassName MACHINE = ClassName.get(RT + ".machine", "Machine");
  static final ClassName ABSTRACT_STATE = ClassName.get(RT + ".machine", "AbstractState");
  static final ClassName PREDICATE = MACHINE.nestedClass("Predicate");
  static final ClassName ACTION_PREDICATE = MACHINE.nestedClass("ActionPredicate");
  static final ClassName BINDING = ActionEmitter.LABEL.nestedClass("Binding");
  static final ClassName VALUE = ExprEmitter.VALUE;
  static final ClassName TLA = ExprEmitter.TLA;
  static final ClassName NAME_TABLE = ClassName.get(RT + ".value", "NameTable");
  static final ClassName MODEL_VALUE = ClassName.get(RT + ".value", "ModelValue");
  static final ClassName SET_VALUE = ClassName.get(RT + ".value", "SetValue");
  static final ClassName GATE = ClassName.get(RT + ".machine", "ActionGate");
  static final ClassName GATE_BUILDER = GATE.nestedClass("Builder");
  static final ClassName FCN_VALUE = ClassName.get(RT + ".value", "FcnValue");
  static final ClassName VALUE_ORDER = ClassName.get(RT + ".value", "ValueOrder");
  static final ClassName LIST = ClassName.get(List.class);
  static final ClassName MODEL = ClassName.get(RT + ".machine", "Model");
  static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);

  private final MachineIr ir;
  private final Symbols sym;
  private final ExprEmitter ex;
  private final List<MethodSpec> methods = new ArrayList<>();
  private final Hoisting hoisting;
  private final ActionEmitter actions;
  private final SourceLines src;
  private final Map<String, String> partialMethods = new LinkedHashMap<>();
  private final Set<String> actionNames = new LinkedHashSet<>();
  /**
   * The method emitted for each distinct leaf action: a fairness condition's action (WF_vars(A(t)))
   * splits into the same leaves as in Next, and each is emitted once and called from both lists.
   */
  private final Map<LeafKey, String> leafMethods = new java.util.HashMap<>();
  private final ClassName stepClass;
  private final ClassName checkClass;
  private final ClassName actionCheckClass;
  private final TypeInference.Result types;
  private final ActionGates gateFinder;
  /** Whether some action instance has a gate (then the constructor fills {@code gateSlots}). */
  private boolean anyGate;
  /** The variables some gate needs to hold only strings (checked once by the constructor). */
  private final java.util.SortedSet<Integer> gateStrings = new java.util.TreeSet<>();

  private JavaEmitter(MachineIr ir, TypeInference.Result types, ClassName cls, SourceLines src) {
    this.ir = ir;
    this.types = types;
    this.gateFinder = new ActionGates(ir, types);
    this.sym = new Symbols(ir, cls);
    this.ex = new ExprEmitter(sym);
    this.hoisting = new Hoisting(sym, src);
    ex.setHoisting(hoisting);
    this.actions = new ActionEmitter(sym, ex, src, methods);
    this.src = src;
    ex.setEnabledMethods(this::enabledMethod);
    ex.setPartialMethods(this::partialMethod);
    ex.setLifting(methods::add, src);
    this.stepClass = cls.nestedClass("Step");
    this.checkClass = cls.nestedClass("Check");
    this.actionCheckClass = cls.nestedClass("ActionCheck");
  }

  /**
   * Emits the machine class {@code packageName.className}; {@code types} (the type pass's result)
   * decide whether it has a packed state encoding ({@code codec()}).
   */
  public static JavaSource emit(MachineIr ir, TypeInference.Result types, String packageName, String className,
      SourceLines src) {
    ClassName cls = ClassName.get(packageName, className);
    JavaEmitter e = new JavaEmitter(ir, types, cls, src);
    TypeSpec type = e.type();
    JavaFile file = JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ")
        .addStaticImport(Helpers.PARTIAL_STATE, "bind", "read", "candidates", "allAssigned", "contexts")
        .addStaticImport(Helpers.EVALUATION, "let", "caseFail", "inDomain", "at", "orNull").build();
    return new JavaSource(cls.canonicalName(), file.toString());
  }

  /**
   * The machine class and its typed live facade ({@link LiveFacadeEmitter}), machine first.
   */
  public static List<JavaSource> emitAll(MachineIr ir, TypeInference.Result types, String packageName,
      String className, SourceLines src) {
    return List.of(emit(ir, types, packageName, className, src), LiveFacadeEmitter.emit(ir, packageName, className));
  }

  private TypeSpec type() {
    TypeSpec.Builder t = TypeSpec.classBuilder(sym.machine).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(MACHINE)
        .avoidClashesWithNestedClasses(io.finalspec.runtime.machine.Machine.class)
        .addJavadoc("State machine of TLA+ module {@code $L} ($L), generated by finalspec.\n",
            Comments.safe(ir.moduleName()), Comments.safe(ir.fileName()))
        .addJavadoc("<p>Successors follow TLC's semantics; see docs/codegen.md.\n");
    // TLC orders strings and model values by the order its UniqueString table met them: this
    // machine's table starts with every name TLC interns before checking this spec (NameOrder)
    t.addField(FieldSpec.builder(String.class, "TLC_NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The names TLC interns before it checks this spec, in its order, one a line.\n")
        .initializer("$S", String.join("\n", ir.names())).build());
    t.addField(FieldSpec.builder(NAME_TABLE, "names", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("This machine's order of strings and model values (TLC's, unless given another).\n").build());
    t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The machine with TLC's order of strings and model values.\n")
        .addStatement("this(tlcNames())").build());
    t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The machine with the order of strings and model values of {@code names} (tests use another order).\n")
        .addParameter(NAME_TABLE, "names")
        .addStatement("this(names, new $T($S, $T.of()))", MODEL, "config", ClassName.get(Map.class)).build());
    t.addMethod(MethodSpec.methodBuilder("tlcNames").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(NAME_TABLE)
        .addJavadoc("A new table with TLC's order of this spec's strings and model values: build the values of a\n")
        .addJavadoc("{@link $T} with it, then the machine with the same table.\n", MODEL)
        .addStatement("return $T.ofLines(TLC_NAMES)", NAME_TABLE).build());

    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The machine with the order of strings and model values of {@code names} and the constants\n")
        .addJavadoc("{@code model} binds (the config's values for the others; a value of another kind, or a\n")
        .addJavadoc("name that is no constant, is an error). The ASSUMEs are checked by {@link #initStates}.\n")
        .addParameter(NAME_TABLE, "names").addParameter(MODEL, "model");
    CodeBlock.Builder declared = CodeBlock.builder();
    for (int i = 0; i < ir.constants().size(); i++) {
      declared.add(i == 0 ? "$S" : ", $S", ir.constants().get(i).name());
    }
    ctor.addStatement("model.checkDeclared($T.of($L), $S)", LIST, declared.build(), ir.moduleName());
    for (MachineIr.Constant c : ir.constants()) {
      String f = sym.constFields.get(c.name());
      t.addField(FieldSpec.builder(VALUE, f, Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Constant {@code $L} ($L).\n", Comments.safe(c.name()), Comments.safe(c.span().where())).build());
      ctor.addStatement("this.$L = model.valueOr($S, $L)", f, c.name(), ex.value(c.value(), constantScope()));
    }
    for (MachineIr.Definition d : ir.definitions()) {
      if (Symbols.isConstantField(d)) {
        // TLC evaluates constant definitions once at start-up and keeps those that evaluate; one
        // that fails (an unused CHOOSE over an empty set) is evaluated, and fails, only where used
        String f = sym.defNames.get(d.name());
        String eval = sym.constEvalNames.get(d.name());
        t.addField(FieldSpec.builder(VALUE, f, Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("{@code $L} ($L), constant: computed once (null if that failed).\n",
                Comments.safe(d.name()), Comments.safe(d.span().where())).build());
        methods.add(MethodSpec.methodBuilder(eval).addModifiers(Modifier.PRIVATE).returns(VALUE)
            .addJavadoc("The value of {@code $L}.\n", Comments.safe(d.name()))
            .addStatement("return $L", ex.value(d.body(), constantScope())).build());
        ctor.addCode("{\n$>$T v;\n", VALUE)
            .beginControlFlow("try")
            .addStatement("v = $L()", eval)
            .nextControlFlow("catch ($T e)", ActionEmitter.EVAL_EXCEPTION)
            .addStatement("v = null")
            .endControlFlow()
            .addStatement("this.$L = v", f)
            .addCode("$<}\n");
      } else if (sym.memoFields.containsKey(d.name())) {
        methods.add(memoized(d));
        methods.add(definition(d, sym.memoEvalNames.get(d.name())));
      } else {
        methods.add(definition(d, sym.defNames.get(d.name())));
      }
    }
    MethodSpec codec = null;
    CodecEmitter codecs = new CodecEmitter(ir, sym, ex, src);
    if (!CodecEmitter.packable(types)) {
      t.addJavadoc("<p>No packed state encoding (the explorer keeps states as objects): $L.\n", codecs.unpackable(types));
    } else {
      codec = codecs.method("buildCodec", types);
      t.addField(FieldSpec.builder(CodecEmitter.STATE_CODEC, "codec", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("States packed in words, from the inferred types (null if a constant set is too large).\n").build());
    }
    boolean symmetric = ir.symmetry() != null;
    if (symmetric) {
      t.addField(FieldSpec.builder(Helpers.SYMMETRY, "perms", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("SYMMETRY: the group generated by the model's permutations (as TLC's permutationSubgroup).\n")
          .build());
      ctor.addStatement("this.perms = $T.of($L)", Helpers.SYMMETRY, ex.value(ir.symmetry(), constantScope()));
    }
    t.addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, stepClass), "steps", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T<>()", ARRAY_LIST)
        .addJavadoc("The action instances of Next in TLC's order ({@code Tool.getActions}).\n").build());
    Scope ctorScope = constantScope();
    // Next's instances and the fairness conditions' own are planned first: whether any has a gate
    // decides whether the constructor makes the gates' builder before them
    CodeBlock next = ir.next() == null ? null : plan(ir.next(), ctorScope);
    TemporalEmitter temporal = new TemporalEmitter(ir, sym, ex, src, this, stepClass, checkClass, actionCheckClass);
    CodeBlock fairness = temporal.any() ? temporal.constructor(ctorScope) : null;
    if (anyGate) {
      ctor.addCode("// the gates of the action instances, and the variables some rely on to hold strings\n");
      ctor.addStatement("$T gates = new $T()", GATE_BUILDER, GATE_BUILDER);
      for (int v : gateStrings) {
        List<CodeBlock> sets = new ArrayList<>();
        for (IrExpr set : gateFinder.enumerationOf(v)) {
          sets.add(CodeBlock.of("() -> $L", ex.value(set, ctorScope)));
        }
        ctor.addStatement("gates.onlyStrings($L, $L)", variableIndex(v), CodeBlock.join(sets, ", "));
      }
    }
    if (next != null) {
      ctor.addCode("// the actions of Next, as TLC splits it\n");
      ctor.addCode(next);
    }
    if (fairness != null) {
      t.addFields(temporal.fields());
      ctor.addCode(fairness);
    }
    if (anyGate) {
      ctor.addStatement("this.gateSlots = gates.slots()");
      t.addField(FieldSpec.builder(int.class, "gateSlots", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("How many {@code v[a]} the gates of the action instances look up in a state (see {@link $T}).\n",
              GATE).build());
    }

    t.addType(stateType(codec != null));
    t.addType(TypeSpec.recordBuilder(stepClass).addModifiers(Modifier.PRIVATE)
        .addJavadoc("An action instance: its label, its gate (null if it has none: it always runs), the method and\n"
            + "arguments its code runs (two instances with equal ones make the same successors) and its code.\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(ActionEmitter.LABEL, "label").addParameter(GATE, "gate")
            .addParameter(ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(Object.class)), "instance")
            .addParameter(stepClass.nestedClass("Body"), "body").build())
        .addType(TypeSpec.interfaceBuilder(stepClass.nestedClass("Body")).addAnnotation(FunctionalInterface.class)
            .addMethod(MethodSpec.methodBuilder("run").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                .addParameter(sym.state, "s").addParameter(ActionEmitter.SINK, "out").build()).build())
        .build());
    t.addType(TypeSpec.recordBuilder(checkClass).addModifiers(Modifier.PRIVATE).addSuperinterface(PREDICATE)
        .addJavadoc("A named predicate; {@code after} (or null) tests it on a successor of a state where it holds.\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "name")
            .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.function.Predicate.class), sym.state), "check")
            .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.function.BiPredicate.class), sym.state,
                sym.state), "after")
            .build())
        .addMethod(MethodSpec.methodBuilder("test").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(boolean.class).addParameter(ActionEmitter.STATE_API, "state")
            .addStatement("return check.test(asState(state))").build())
        .addMethod(MethodSpec.methodBuilder("holdsAfter").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(boolean.class).addParameter(ActionEmitter.STATE_API, "from").addParameter(ActionEmitter.STATE_API, "to")
            .addStatement("return after == null ? test(to) : after.test(asState(from), asState(to))").build())
        .build());
    t.addType(TypeSpec.recordBuilder(actionCheckClass).addModifiers(Modifier.PRIVATE).addSuperinterface(ACTION_PREDICATE)
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "name")
            .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.function.BiPredicate.class), sym.state,
                sym.state), "check").build())
        .addMethod(MethodSpec.methodBuilder("test").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(boolean.class).addParameter(ActionEmitter.STATE_API, "from").addParameter(ActionEmitter.STATE_API, "to")
            .addStatement("return check.test(asState(from), asState(to))").build())
        .build());

    MethodSpec.Builder init = MethodSpec.methodBuilder("initStates").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(ParameterSpec.builder(ActionEmitter.INIT_SINK, "out").build());
    if (!ir.constantFormulas().isEmpty() || triviallyFalseProperty() || livenessOnlyGuarded()) {
      t.addMethod(constantFormulas());
      init.addStatement("checkConstantFormulas()");
    }
    if (!ir.assumptions().isEmpty()) {
      t.addMethod(assumptions());
      init.addStatement("checkAssumptions()");
    }
    if (ir.init() == null) {
      init.addJavadoc("No behaviour spec in the model: no initial state (TLC only checks the ASSUMEs).\n");
    } else {
      init.addJavadoc("Init ($L).\n", Comments.safe(ir.init().span().where())).addCode(actions.init(ir.init()));
    }
    t.addMethod(init.build());
    t.addMethod(successors(MethodSpec.methodBuilder("successors").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).addParameter(ActionEmitter.STATE_API, "state")
        .addParameter(ActionEmitter.SINK, "out"), null));
    t.addMethod(successors(MethodSpec.methodBuilder("successors").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The successors from the action instances {@code only} accepts; the others are not evaluated.\n")
        .addParameter(ActionEmitter.STATE_API, "state")
        .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.function.Predicate.class), ActionEmitter.LABEL), "only")
        .addParameter(ActionEmitter.SINK, "out"), CodeBlock.of("only.test(step.label())")));
    t.addMethod(MethodSpec.methodBuilder("actionInstances").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, ActionEmitter.LABEL))
        .addStatement("$T<$T> out = new $T<>()", LIST, ActionEmitter.LABEL, ARRAY_LIST)
        .beginControlFlow("for ($T step : steps)", stepClass)
        .addStatement("out.add(step.label())")
        .endControlFlow()
        .addStatement("return $T.copyOf(out)", LIST).build());
    t.addMethods(machineMethods(symmetric));
    if (temporal.any()) {
      t.addMethods(temporal.methods());
    }
    // every method is emitted: the constructor now knows the record shapes and hoisted constants
    MethodSpec body = ctor.build();
    MethodSpec.Builder full = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc(body.javadoc()).addParameters(body.parameters())
        .addStatement("this.names = names");
    hoisting.addShapes(t, full);
    full.addCode(body.code());
    hoisting.addConstants(t, full, methods);
    if (codec != null) {
      full.addCode("// the packed state encoding, from the type pass\n").addStatement("this.codec = $N()", codec);
      methods.add(codec);
      t.addMethod(MethodSpec.methodBuilder("codec").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
          .returns(CodecEmitter.STATE_CODEC).addStatement("return codec").build());
    }
    t.addMethod(full.build());
    t.addMethods(methods);
    t.addMethods(Helpers.methods(sym, symmetric));
    return t.build();
  }

  /**
   * The constant-level INVARIANTs and PROPERTYs, evaluated once before the ASSUMEs as TLC does;
   * then a property with the conjunct FALSE, which TLC refuses before the ASSUMEs too.
   */
  private MethodSpec constantFormulas() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("checkConstantFormulas").addModifiers(Modifier.PRIVATE);
    for (MachineIr.ConstantFormula f : ir.constantFormulas()) {
      m.addStatement("$T.stopIfConstantFalse($S, $S, () -> $L)", Helpers.EVALUATION, f.kind(), f.name(),
          ex.cond(f.body(), constantScope()));
    }
    if (triviallyFalseProperty()) {
      m.addStatement("throw new $T($S)", ActionEmitter.EVAL_EXCEPTION, "The spec is trivially false because FALSE is false.");
    }
    if (livenessOnlyGuarded()) {
      // every liveness conjunct is under a condition: where all are false, TLC's liveness formula is TRUE
      m.beginControlFlow("if (properties.stream().noneMatch($T::hasLiveness))", TemporalEmitter.PROPERTY)
          .addStatement("throw new $T($S)", ActionEmitter.EVAL_EXCEPTION,
              "Temporal formula is a tautology (its negation is unsatisfiable).")
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * Whether the properties' liveness conjuncts (TLC's liveness formula) are all under constant
   * conditions ({@code c => <>P}): TLC stops when the conditions make that formula TRUE.
   */
  private boolean livenessOnlyGuarded() {
    boolean guarded = false;
    for (MachineIr.Property p : ir.properties()) {
      for (TemporalClause c : p.clauses()) {
        if (c instanceof TemporalClause.Guarded) {
          guarded = true;
        } else if (!c.implied()) {
          return false;   // a liveness conjunct asked everywhere, or one not checked
        }
      }
    }
    return guarded;
  }

  /** Whether a PROPERTY has the conjunct FALSE. */
  private boolean triviallyFalseProperty() {
    return ir.properties().stream().anyMatch(MachineIr.Property::triviallyFalse);
  }

  /**
   * Every ASSUME, evaluated as TLC does once the constants are bound and before Init; a false one
   * stops the run with TLC's message.
   */
  private MethodSpec assumptions() {
    MethodSpec.Builder m = MethodSpec.methodBuilder("checkAssumptions").addModifiers(Modifier.PRIVATE)
        .addJavadoc("The ASSUMEs of the spec, in TLC's order.\n");
    for (MachineIr.Named a : ir.assumptions()) {
      var sp = a.span();
      String message = "Assumption line " + sp.line() + ", col " + sp.column() + " to line " + sp.endLine()
          + ", col " + Math.max(1, sp.endColumn() - 1) + " of module " + ir.moduleName() + " is false";
      m.beginControlFlow("if (!($L))", ex.cond(a.body(), constantScope()))
          .addStatement("throw new $T($S)", ActionEmitter.EVAL_EXCEPTION, message)
          .endControlFlow();
    }
    return m.build();
  }

  /**
   * {@code ENABLED A}: A as an action method (its own emitter: it may be met while another action
   * is emitted) and a boolean method that runs it until the first successor.
   */
  private String enabledMethod(IrExpr.Apply enabled, List<IrExpr.Ref> captured) {
    String name = sym.member("enabled");
    String action = sym.member(name + "Action");
    Map<Integer, String> params = new LinkedHashMap<>();
    for (IrExpr.Ref r : captured) {
      params.put(r.index(), r.name());
    }
    IrExpr body = enabled.args().get(0);
    methods.add(new ActionEmitter(sym, ex, src, methods).enabledAction(action, params, body, enabled.span()));
    Scope sc = Scope.method("s", false, null, "s", "found");
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(boolean.class)
        .addJavadoc("{@code ENABLED} at $L: does the action have a successor from {@code s}?\n",
            Comments.safe(enabled.span().where()))
        .addParameter(sym.state, "s");
    List<String> args = new ArrayList<>(List.of("s"));
    for (IrExpr.Ref r : captured) {
      String p = sc.bind(r.index(), r.name());
      m.addParameter(VALUE, p);
      args.add(p);
    }
    m.addStatement("boolean[] found = {false}")
        .addStatement("$L($L, $T.of($S), (label, next) -> found[0] = true)", action, String.join(", ", args),
            ActionEmitter.LABEL, "ENABLED")
        .addStatement("return found[0]");
    methods.add(m.build());
    return name;
  }

  /**
   * A state-level definition called in Init, where there is no current state: a variant whose
   * variables are read from the partial state {@code n} (an unassigned one is TLC's error).
   */
  private String partialMethod(MachineIr.Definition d) {
    String known = partialMethods.get(d.name());
    if (known != null) {
      return known;
    }
    if (d.function()) {
      throw new IllegalStateException("state-level function " + d.name() + " in Init");
    }
    String name = sym.member(sym.defNames.get(d.name()) + "InInit");
    partialMethods.put(d.name(), name);
    Scope sc = Scope.method(null, true, null, "n");
    sc.partial = "n";
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(VALUE)
        .addJavadoc("{@code $L} ($L) in Init: variables read from the partial state {@code n}.\n",
            Comments.safe(d.name()), Comments.safe(d.span().where()))
        .addParameter(com.palantir.javapoet.ArrayTypeName.of(VALUE), "n");
    for (int i = 0; i < d.params().size(); i++) {
      m.addParameter(VALUE, sc.bind(d.paramIds().get(i), d.params().get(i)));
    }
    m.addStatement("return $L", ex.value(d.body(), sc));
    methods.add(m.build());
    return name;
  }

  private Scope constantScope() {
    return Scope.method(null, false, null, "s", "out", "p", "e", "gates");
  }

  // ------------------------------------------------------------------ definitions

  /**
   * A 0-ary state-level definition, read from its state's memo field; computed by {@code ...Eval}
   * the first time. Its value depends on the state alone, so every later read may reuse it.
   */
  private MethodSpec memoized(MachineIr.Definition d) {
    String field = sym.memoFields.get(d.name());
    if (!d.params().isEmpty()) {
      return memoizedWithArguments(d, field);
    }
    return MethodSpec.methodBuilder(sym.defNames.get(d.name())).addModifiers(Modifier.PRIVATE).returns(VALUE)
        .addJavadoc("{@code $L} ($L), computed once per state.\n", Comments.safe(d.name()), Comments.safe(d.span().where()))
        .addParameter(sym.state, "s")
        .addStatement("$T v = s.$L", VALUE, field)
        .beginControlFlow("if (v == null)")
        .addStatement("v = $L(s)", sym.memoEvalNames.get(d.name()))
        .addStatement("s.$L = v", field)
        .endControlFlow()
        .addStatement("return v").build();
  }

  /**
   * A state-level operator with parameters ({@link Symbols#isArgumentMemo}), read from its state's
   * table of the arguments it was called with so far, computed by {@code ...Eval} on a miss.
   */
  private MethodSpec memoizedWithArguments(MachineIr.Definition d, String field) {
    Scope sc = Scope.method("s", false, null, "s", "v");
    MethodSpec.Builder m = MethodSpec.methodBuilder(sym.defNames.get(d.name())).addModifiers(Modifier.PRIVATE).returns(VALUE)
        .addJavadoc("{@code $L} ($L), computed once per state and arguments (the same objects).\n",
            Comments.safe(d.name()), Comments.safe(d.span().where()))
        .addParameter(sym.state, "s");
    List<String> params = new ArrayList<>();
    for (int i = 0; i < d.params().size(); i++) {
      String p = sc.bind(d.paramIds().get(i), d.params().get(i));
      params.add(p);
      m.addParameter(VALUE, p);
    }
    String args = String.join(", ", params);
    return m.addStatement("$T v = $T.find(s.$L, $L)", VALUE, Helpers.ARGUMENT_MEMO, field, args)
        .beginControlFlow("if (v == null)")
        .addStatement("v = $L(s, $L)", sym.memoEvalNames.get(d.name()), args)
        .addStatement("s.$L = $T.with(s.$L, v, $L)", field, Helpers.ARGUMENT_MEMO, field, args)
        .endControlFlow()
        .addStatement("return v").build();
  }

  private MethodSpec definition(MachineIr.Definition d, String name) {
    Scope sc = Scope.method(d.level() >= 1 ? "s" : null, false, null, "s");
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(VALUE)
        .addJavadoc("{@code $L} ($L)$L.\n", Comments.safe(d.name()), Comments.safe(d.span().where()),
            d.recursive() ? ", recursive" : "");
    if (d.level() >= 1) {
      m.addParameter(sym.state, "s");
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < d.params().size(); i++) {
      String p = sc.bind(d.paramIds().get(i), d.params().get(i));
      params.add(p);
      m.addParameter(VALUE, p);
    }
    if (d.function()) {
      List<String> own = params.subList(d.captured(), params.size());
      CodeBlock arg = own.size() == 1 ? CodeBlock.of("$L", own.get(0))
          : CodeBlock.of("$T.tuple($L)", TLA, String.join(", ", own));
      m.addStatement("inDomain($L, $L, $S)", arg, ex.value(d.domain(), sc), d.name());
    }
    if (!d.function() && d.body() instanceof IrExpr.Apply a && a.op() == Operator.AND && a.args().size() > 1) {
      // one conjunct per statement (a debugger steps through an invariant), left to right as TLC
      for (IrExpr c : a.args()) {
        String line = src.line(c.span());
        m.addCode("// $L\n", Comments.safe(c.span().file() + ":" + c.span().line() + (line.isEmpty() ? "" : "  " + line)));
        m.beginControlFlow("if (!$L)", ex.cond(c, sc)).addStatement("return $T.FALSE", TLA).endControlFlow();
      }
      m.addStatement("return $T.TRUE", TLA);
      return m.build();
    }
    m.addStatement("return $L", ex.value(d.body(), sc));
    return m.build();
  }

  /** Whether some action instance (of Next or of a fairness condition) has a gate. */
  boolean anyGate() {
    return anyGate;
  }

  /**
   * The body of a {@code successors} method: every instance of Next that {@code filter} accepts
   * (null: all), in TLC's order, except those whose gate shows them disabled.
   */
  private MethodSpec successors(MethodSpec.Builder m, CodeBlock filter) {
    m.addStatement("$T s = asState(state)", sym.state);
    m.addCode(stepLoop("steps", filter, CodeBlock.of("step.body().run(s, out)")));
    return m.build();
  }

  /**
   * Code that runs {@code run} for every step of the list {@code steps} (of Next or of a fairness
   * condition) on the state {@code s} that {@code filter} accepts (null: all), skipping those whose
   * gate is closed; the gates share one array of the values they looked up in {@code s}. The loop
   * counts rather than iterates: it runs once a state, and an iterator is an allocation until C2
   * has compiled the loop, which a short search never waits for.
   */
  CodeBlock stepLoop(String steps, CodeBlock filter, CodeBlock run) {
    CodeBlock.Builder b = CodeBlock.builder();
    List<CodeBlock> tests = new ArrayList<>();
    if (filter != null) {
      tests.add(filter);
    }
    if (anyGate) {
      b.addStatement("$T[] read = new $T[gateSlots]", VALUE, VALUE);
      tests.add(CodeBlock.of("(step.gate() == null || step.gate().mayPass(s, read))"));
    }
    b.beginControlFlow("for (int i = 0; i < $L.size(); i++)", steps);
    b.addStatement("$T step = $L.get(i)", stepClass, steps);
    if (tests.isEmpty()) {
      b.addStatement("$L", run);
    } else {
      b.beginControlFlow("if ($L)", CodeBlock.join(tests, " && ")).addStatement("$L", run).endControlFlow();
    }
    return b.endControlFlow().build();
  }

  /**
   * The gate of an action instance whose split-time bindings are {@code splitIds}: a call of the
   * constructor's {@code gates} builder, or {@code null} when the action has none.
   */
  private CodeBlock gate(IrExpr body, Set<Integer> splitIds, Scope sc) {
    java.util.Optional<ActionGates.Gate> found = gateFinder.find(body, splitIds);
    if (found.isEmpty()) {
      return CodeBlock.of("null");
    }
    ActionGates.Gate g = found.get();
    anyGate = true;
    List<CodeBlock> args = new ArrayList<>(List.of(variableIndex(g.variable()),
        g.argument() == null ? CodeBlock.of("null") : ex.value(g.argument(), sc), ex.value(g.expected(), sc)));
    for (int v : g.strings()) {
      gateStrings.add(v);
      args.add(variableIndex(v));
    }
    return CodeBlock.of("gates.gate($L)", CodeBlock.join(args, ", "));
  }

  /** A variable's index with its name beside it, for a reader: {@code 0 /* pc *\/}. */
  private CodeBlock variableIndex(int i) {
    return CodeBlock.of("$L /* $L */", i, Comments.safe(ir.variables().get(i).name()));
  }

  // ------------------------------------------------------------------ the split of Next

  private CodeBlock plan(ActionPlan p, Scope sc) {
    return plan(p, sc, new LinkedHashMap<>(), "steps");
  }

  /**
   * Constructor code that adds the action instances of {@code p} to the list {@code target}
   * ({@code steps} for Next, a fairness condition's own list for its action); {@code inScope}:
   * split-time bindings.
   */
  CodeBlock plan(ActionPlan p, Scope sc, Map<Integer, String> inScope, String target) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (p instanceof ActionPlan.Choice c) {
      for (ActionPlan a : c.alternatives()) {
        b.add(plan(a, sc, inScope, target));
      }
      return b.build();
    }
    if (p instanceof ActionPlan.Expand x) {
      return loop(x.bounds(), sc, inScope, (in, inner) -> plan(x.body(), in, inner, target));
    }
    if (p instanceof ActionPlan.Guard g) {
      // a fairness condition's constant guard, evaluated once: its action's instances when TRUE
      String holds = sc.fresh("holds");
      b.addStatement("$T $L = orNull(() -> $L)", VALUE, holds, ex.value(g.condition(), sc));
      b.beginControlFlow("if ($L == $T.TRUE)", holds, TLA);
      b.add(plan(g.body(), sc, inScope, target));
      b.nextControlFlow("else if ($L != $T.FALSE)", holds, TLA);
      b.add(plan(g.whole(), sc, inScope, target));
      b.endControlFlow();
      return b.build();
    }
    if (p instanceof ActionPlan.Enter en) {
      Scope in = sc.child();
      Map<Integer, String> inner = new LinkedHashMap<>(inScope);
      for (ActionPlan.Param prm : en.params()) {
        if (prm.id() >= 0) {
          CodeBlock v = ex.value(prm.value(), sc);
          b.addStatement("$T $L = $L", VALUE, in.bind(prm.id(), prm.name()), v);
          inner.put(prm.id(), prm.name());
        }
      }
      b.add(plan(en.body(), in, inner, target));
      return b.build();
    }
    ActionPlan.Leaf leaf = (ActionPlan.Leaf) p;
    if (target.equals("steps")) {
      actionNames.add(leaf.label());
    }
    // only the split-time bindings the action's body uses become its parameters
    Map<Integer, String> used = new LinkedHashMap<>();
    Set<Integer> free = io.finalspec.codegen.ir.FreeVars.of(leaf.body()).keySet();
    for (Map.Entry<Integer, String> en : inScope.entrySet()) {
      if (free.contains(en.getKey())) {
        used.put(en.getKey(), en.getValue());
      }
    }
    String method = leafMethod(leaf, used);
    String label = sc.fresh(lowerFirst(leaf.label().replace('!', '_')) + "Label");
    List<CodeBlock> bindings = new ArrayList<>();
    for (ActionPlan.Param prm : leaf.labelParams()) {
      bindings.add(CodeBlock.of("new $T($S, $L)", BINDING, prm.name(), sc.local(prm.id())));
    }
    b.addStatement("$T $L = new $T($S, $T.of($L))", ActionEmitter.LABEL, label, ActionEmitter.LABEL, leaf.label(),
        LIST, CodeBlock.join(bindings, ", "));
    List<CodeBlock> args = new ArrayList<>();
    args.add(CodeBlock.of("s"));
    for (Integer id : used.keySet()) {
      args.add(CodeBlock.of("$L", sc.local(id)));
    }
    args.add(CodeBlock.of("$L", label));
    args.add(CodeBlock.of("out"));
    CodeBlock gate = gate(leaf.body(), used.keySet(), sc);
    List<CodeBlock> instance = new ArrayList<>();
    instance.add(CodeBlock.of("$S", method));
    instance.addAll(args.subList(1, args.size() - 2)); // the method's arguments but s, the label and out
    b.addStatement("$L.add(new $T($L, $L, $T.of($L), (s, out) -> $L($L)))", target, stepClass, label, gate, LIST,
        CodeBlock.join(instance, ", "), method, CodeBlock.join(args, ", "));
    return b.build();
  }

  /**
   * What makes two leaves' methods the same: label, parameter names, place, and the body up to
   * the ids of its parameters and binders ({@link AlphaForm}).
   */
  private record LeafKey(String label, List<String> names, IrExpr body, Span span) {}

  /** The method of a leaf action with these parameters, emitted on first use. */
  private String leafMethod(ActionPlan.Leaf leaf, Map<Integer, String> params) {
    LeafKey key = new LeafKey(leaf.label(), List.copyOf(params.values()),
        AlphaForm.of(leaf.body(), List.copyOf(params.keySet())), leaf.span());
    String known = leafMethods.get(key);
    if (known != null) {
      return known;
    }
    String method = sym.member(lowerFirst(leaf.label().replace('!', '_')));
    int at = methods.size(); // the action before the helpers its emission adds
    methods.add(at, actions.action(method, leaf.label(), params, leaf.body(), leaf.span()));
    leafMethods.put(key, method);
    return method;
  }

  /**
   * Constructor code that runs {@code body} once per binding of {@code bounds} (constant sets), in
   * TLC's enumeration order; {@code body} gets the scope with the bound names and the split-time
   * bindings extended by them.
   */
  CodeBlock loop(List<IrExpr.Bound> bounds, Scope sc, Map<Integer, String> inScope,
                 java.util.function.BiFunction<Scope, Map<Integer, String>, CodeBlock> body) {
    if (laterSetNamesEarlierBound(bounds)) {
      // nested \A p \in S : \A q \in S \ {p}: the inner set is computed for each p
      return loop(bounds.subList(0, 1), sc, inScope,
          (in, inner) -> loop(bounds.subList(1, bounds.size()), in, inner, body));
    }
    CodeBlock.Builder b = CodeBlock.builder();
    Scope in = sc.child();
    Map<Integer, String> inner = new LinkedHashMap<>(inScope);
    List<String> sets = new ArrayList<>();
    List<String[]> vars = new ArrayList<>();
    CodeBlock.Builder binds = CodeBlock.builder();
    for (IrExpr.Bound bd : bounds) {
      String set = in.fresh("domain");
      b.addStatement("$T $L = $L", VALUE, set, ex.value(bd.set(), sc));
      if (bd.tuple()) {
        String t = in.fresh("t");
        vars.add(new String[] {t});
        sets.add(set);
        binds.add(ex.destructure(bd, t, in));
        for (int k = 0; k < bd.names().size(); k++) {
          inner.put(bd.ids().get(k), bd.names().get(k));
        }
      } else {
        for (int k = 0; k < bd.names().size(); k++) {
          vars.add(new String[] {in.bind(bd.ids().get(k), bd.names().get(k))});
          sets.add(set);
          inner.put(bd.ids().get(k), bd.names().get(k));
        }
      }
    }
    // TLC's enumeration order: the first bound variable varies fastest
    for (int j = vars.size() - 1; j >= 0; j--) {
      b.beginControlFlow("for ($T $L : $T.elements($L))", VALUE, vars.get(j)[0], TLA, sets.get(j));
    }
    b.add(binds.build());
    b.add(body.apply(in, inner));
    for (int j = 0; j < vars.size(); j++) {
      b.endControlFlow();
    }
    return b.build();
  }

  /** Whether the set of a bound names a variable bound before it in {@code bounds}. */
  private static boolean laterSetNamesEarlierBound(List<IrExpr.Bound> bounds) {
    java.util.Set<Integer> earlier = new java.util.HashSet<>();
    for (IrExpr.Bound bd : bounds) {
      if (IrTree.anyMatch(bd.set(), e -> e instanceof IrExpr.Ref r && r.kind() == IrExpr.RefKind.BOUND
          && earlier.contains(r.index()))) {
        return true;
      }
      earlier.addAll(bd.ids());
    }
    return false;
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? "action" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  // ------------------------------------------------------------------ State and the Machine API

  /** The State class; {@code packed}: the machine has a codec, whose decoding knows each fingerprint. */
  private TypeSpec stateType(boolean packed) {
    TypeSpec.Builder st = TypeSpec.classBuilder(sym.state).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ABSTRACT_STATE)
        .addJavadoc("A state of $L: one field per variable, in declaration order.\n", Comments.safe(ir.moduleName()));
    int n = sym.varFields.length;
    String h = freshAmong("h", sym.varFields);
    MethodSpec.Builder c = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder fp = MethodSpec.methodBuilder("fingerprintOf").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class)
        .addJavadoc("The fingerprint of these values, by {@link $T#fingerprintOf}'s formula, without an array.\n",
            ABSTRACT_STATE)
        .addStatement("long $L = fingerprintStart($L)", h, n);
    String parent = freshAmong("parent", sym.varFields);
    MethodSpec.Builder succ = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addJavadoc("A successor of {@code $L}: the fingerprint from its fingerprint, through the variables that changed.\n",
            parent)
        .addParameter(sym.state, parent);
    MethodSpec.Builder fpFrom = MethodSpec.methodBuilder("fingerprintFrom").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(long.class)
        .addJavadoc("The fingerprint of these values, from that of {@code $L}, which differs in the variables that\n"
            + "are not the same objects (one subtraction and addition each: {@link $T#fingerprintChange}).\n",
            parent, ABSTRACT_STATE)
        .addParameter(sym.state, parent)
        .addStatement("long $L = $L.fingerprint()", h, parent);
    String known = freshAmong("fingerprint", sym.varFields);
    MethodSpec.Builder decoded = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addJavadoc("A state whose fingerprint is known: one the explorer decoded, having stored its fingerprint.\n")
        .addParameter(long.class, known)
        .addStatement("super($L)", known);
    CodeBlock.Builder get = CodeBlock.builder().add("return switch (index) {\n").indent();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String f = sym.varFields[i];
      MachineIr.Variable v = ir.variables().get(i);
      st.addField(FieldSpec.builder(VALUE, f, Modifier.PUBLIC, Modifier.FINAL)
          .addJavadoc("{@code $L} ($L).\n", Comments.safe(v.name()), Comments.safe(v.span().where())).build());
      c.addParameter(VALUE, f);
      fp.addParameter(VALUE, f).addStatement("$L = fingerprintStep($L, $L, $L)", h, h, f, i);
      succ.addParameter(VALUE, f);
      decoded.addParameter(VALUE, f);
      fpFrom.addParameter(VALUE, f).addStatement("$L = fingerprintChange($L, $L.$L, $L, $L)", h, h, parent, f, f, i);
      get.add("case $L -> this.$L;\n", i, f);
      args.add(CodeBlock.of("$L", f));
    }
    fp.addStatement("return $L", h);
    get.add("default -> throw new $T(\"variable \" + index + \" of $L\");\n", IndexOutOfBoundsException.class, n)
        .unindent().add("};\n");
    if (n == 0) { // a switch expression needs a result; a spec without variables has none
      get = CodeBlock.builder().addStatement("throw new $T(\"variable \" + index + \" of 0\")", IndexOutOfBoundsException.class);
    }
    // One field per variable and no array: the explorer makes one State per successor.
    c.addStatement("super(fingerprintOf($L))", CodeBlock.join(args, ", "));
    List<CodeBlock> fromArgs = new ArrayList<>();
    fromArgs.add(CodeBlock.of("$L", parent));
    fromArgs.addAll(args);
    succ.addStatement("super(fingerprintFrom($L))", CodeBlock.join(fromArgs, ", "));
    fpFrom.addStatement("return $L", h);
    for (String f : sym.varFields) {
      c.addStatement("this.$L = $L", f, f);
      succ.addStatement("this.$L = $L", f, f);
      decoded.addStatement("this.$L = $L", f, f);
    }
    for (Map.Entry<String, String> memo : sym.memoFields.entrySet()) {
      MachineIr.Definition d = sym.defs.get(memo.getKey());
      // Not final: set on the first read. A value is immutable, so a state read by two threads
      // at worst computes it twice; within a level each state is read by one worker.
      TypeName type = d.params().isEmpty() ? VALUE : com.palantir.javapoet.ArrayTypeName.of(VALUE);
      st.addField(FieldSpec.builder(type, memo.getValue(), Modifier.PRIVATE)
          .addJavadoc(d.params().isEmpty() ? "{@code $L} ($L) in this state, once computed (null before).\n"
              : "{@code $L} ($L) in this state by arguments, once computed (null before the first).\n",
              Comments.safe(d.name()), Comments.safe(d.span().where())).build());
    }
    st.addMethod(c.build());
    st.addMethod(succ.build());
    if (packed) { // only a codec's decoding knows a fingerprint beforehand
      st.addMethod(decoded.build());
    }
    st.addMethod(fp.build());
    st.addMethod(fpFrom.build());
    st.addMethod(MethodSpec.methodBuilder("size").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(int.class).addStatement("return $L", n).build());
    st.addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(VALUE).addParameter(int.class, "index").addCode(get.build()).build());
    CodeBlock.Builder ts = CodeBlock.builder().add("return $T.format($T.of(", ClassName.get(RT + ".machine", "States"), LIST);
    for (int i = 0; i < sym.varFields.length; i++) {
      ts.add(i == 0 ? "$S" : ", $S", ir.variables().get(i).name());
    }
    ts.add("), this);\n");
    st.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addCode(ts.build()).build());
    return st.build();
  }

  /** {@code base}, or {@code base} with the first number that makes it none of {@code taken}. */
  private static String freshAmong(String base, String[] taken) {
    Set<String> used = Set.of(taken);
    String name = base;
    for (int i = 1; used.contains(name); i++) {
      name = base + i;
    }
    return name;
  }

  private List<MethodSpec> machineMethods(boolean symmetric) {
    List<MethodSpec> out = new ArrayList<>();
    TypeName strings = ParameterizedTypeName.get(LIST, ClassName.get(String.class));
    out.add(MethodSpec.methodBuilder("names").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(NAME_TABLE).addStatement("return names").build());
    out.add(MethodSpec.methodBuilder("specName").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addStatement("return $S", ir.moduleName()).build());
    CodeBlock.Builder vars = CodeBlock.builder();
    for (int i = 0; i < ir.variables().size(); i++) {
      vars.add(i == 0 ? "$S" : ", $S", ir.variables().get(i).name());
    }
    out.add(MethodSpec.methodBuilder("variables").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(strings).addStatement("return $T.of($L)", LIST, vars.build()).build());
    CodeBlock.Builder acts = CodeBlock.builder();
    int k = 0;
    for (String a : actionNames) {
      acts.add(k++ == 0 ? "$S" : ", $S", a);
    }
    out.add(MethodSpec.methodBuilder("actionNames").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(strings).addStatement("return $T.of($L)", LIST, acts.build()).build());
    out.add(invariants(out));
    out.add(predicates("constraints", ir.constraints()));
    CodeBlock.Builder ac = CodeBlock.builder();
    for (int i = 0; i < ir.actionConstraints().size(); i++) {
      MachineIr.Named n = ir.actionConstraints().get(i);
      Scope sc = Scope.method("s", false, "t", "s", "t");
      ac.add(i == 0 ? "" : ",\n").add("new $T($S, (s, t) -> $L)", actionCheckClass, n.name(), ex.cond(n.body(), sc));
    }
    out.add(MethodSpec.methodBuilder("actionConstraints").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, ACTION_PREDICATE))
        .addStatement("return $T.of($L)", LIST, ac.build()).build());
    out.add(MethodSpec.methodBuilder("checkDeadlock").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addStatement("return $L", ir.checkDeadlock()).build());
    CodeBlock.Builder assumed = CodeBlock.builder();
    for (int i = 0; i < ir.assumptions().size(); i++) {
      MachineIr.Named a = ir.assumptions().get(i);
      assumed.add(i == 0 ? "$S" : ", $S", a.name() + " (" + a.span().where() + ")");
    }
    out.add(MethodSpec.methodBuilder("assumptions").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(strings).addStatement("return $T.of($L)", LIST, assumed.build()).build());
    out.add(MethodSpec.methodBuilder("symmetric").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addStatement("return $L", symmetric).build());
    out.add(MethodSpec.methodBuilder("hasView").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addStatement("return $L", ir.view() != null).build());
    MethodSpec.Builder view = MethodSpec.methodBuilder("view").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(VALUE).addParameter(ActionEmitter.STATE_API, "state");
    if (ir.view() == null && !symmetric) {
      view.addStatement("return null");
    } else {
      view.addStatement("$T s = $L", sym.state, symmetric ? "canonical(asState(state))" : "asState(state)");
      if (ir.view() != null) {
        view.addStatement("return $L", ex.value(ir.view(), Scope.method("s", false, null, "s", "state")));
      } else {
        CodeBlock.Builder tup = CodeBlock.builder();
        for (int i = 0; i < sym.varFields.length; i++) {
          tup.add(i == 0 ? "s.$L" : ", s.$L", sym.varFields[i]);
        }
        view.addStatement("return $T.tuple($L)", TLA, tup.build());
      }
    }
    out.add(view.build());
    CodeBlock.Builder args = CodeBlock.builder();
    for (int i = 0; i < sym.varFields.length; i++) {
      args.add(i == 0 ? "values[$L]" : ", values[$L]", i);
    }
    out.add(MethodSpec.methodBuilder("state").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(sym.state).addParameter(com.palantir.javapoet.ArrayTypeName.of(VALUE), "values").varargs()
        .beginControlFlow("if (values.length != $L)", sym.varFields.length)
        .addStatement("throw new $T($S + values.length)", IllegalArgumentException.class,
            "expected " + sym.varFields.length + " values, got ")
        .endControlFlow()
        .addStatement("return new $T($L)", sym.state, args.build()).build());
    return out;
  }

  /**
   * The invariants, each with the method that checks it on a successor of a state where it holds
   * (its {@code ...After}, added to {@code methods}) when one of its conjuncts can be skipped there.
   */
  private MethodSpec invariants(List<MethodSpec> methods) {
    Footprints footprints = new Footprints(ir);
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < ir.invariants().size(); i++) {
      MachineIr.Named n = ir.invariants().get(i);
      Scope sc = Scope.method("s", false, null, "s");
      MethodSpec after = invariantAfter(n, footprints);
      CodeBlock afterRef = CodeBlock.of("null");
      if (after != null) {
        methods.add(after);
        afterRef = CodeBlock.of("(p, s) -> $L(p, s)", after.name());
      }
      b.add(i == 0 ? "" : ",\n").add("new $T($S, s -> $L, $L)", checkClass, n.name(), ex.cond(n.body(), sc), afterRef);
    }
    return MethodSpec.methodBuilder("invariants").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, PREDICATE)).addStatement("return $T.of($L)", LIST, b.build()).build();
  }

  /**
   * {@code Inv} on {@code s}, a successor of {@code p} where {@code Inv} holds: a conjunct whose
   * variables all kept their values (the very same objects) holds in {@code s} too, so it is not
   * evaluated again. Null when no conjunct can be skipped (the invariant is then evaluated whole).
   */
  private MethodSpec invariantAfter(MachineIr.Named n, Footprints footprints) {
    if (!(n.body() instanceof IrExpr.Call call) || !call.args().isEmpty() || !sym.defs.containsKey(call.def())) {
      return null;
    }
    MachineIr.Definition d = sym.defs.get(call.def());
    if (!d.params().isEmpty() || d.function() || d.level() != 1) {
      return null;
    }
    List<IrExpr> conjuncts = d.body() instanceof IrExpr.Apply a && a.op() == Operator.AND ? a.args() : List.of(d.body());
    Scope sc = Scope.method("s", false, null, "s", "p");
    MethodSpec.Builder m = MethodSpec.methodBuilder(sym.member(sym.defNames.get(d.name()) + "After"))
        .addModifiers(Modifier.PRIVATE).returns(boolean.class)
        .addJavadoc("{@code $L} ($L) in {@code s}, a successor of {@code p} where it holds: a conjunct whose\n"
            + "variables kept their values (the same objects) holds again and is not evaluated.\n",
            Comments.safe(d.name()), Comments.safe(d.span().where()))
        .addParameter(sym.state, "p").addParameter(sym.state, "s");
    boolean skips = false;
    for (IrExpr c : conjuncts) {
      String line = src.line(c.span());
      m.addCode("// $L\n", Comments.safe(c.span().file() + ":" + c.span().line() + (line.isEmpty() ? "" : "  " + line)));
      java.util.Optional<java.util.BitSet> reads = footprints.of(c);
      if (reads.isEmpty()) {
        m.beginControlFlow("if (!$L)", ex.cond(c, sc)).addStatement("return false").endControlFlow();
        continue;
      }
      skips = true;
      if (reads.get().isEmpty()) {
        m.addCode("// constant: held in p, holds here\n");
        continue;
      }
      List<CodeBlock> changed = new ArrayList<>();
      reads.get().stream().forEach(v -> changed.add(CodeBlock.of("s.$L != p.$L", sym.varFields[v], sym.varFields[v])));
      m.beginControlFlow("if (($L) && !$L)", CodeBlock.join(changed, " || "), ex.cond(c, sc))
          .addStatement("return false").endControlFlow();
    }
    return skips ? m.addStatement("return true").build() : null;
  }

  private MethodSpec predicates(String name, List<MachineIr.Named> preds) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < preds.size(); i++) {
      MachineIr.Named n = preds.get(i);
      Scope sc = Scope.method("s", false, null, "s");
      b.add(i == 0 ? "" : ",\n").add("new $T($S, s -> $L, null)", checkClass, n.name(), ex.cond(n.body(), sc));
    }
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(LIST, PREDICATE)).addStatement("return $T.of($L)", LIST, b.build()).build();
  }
}
