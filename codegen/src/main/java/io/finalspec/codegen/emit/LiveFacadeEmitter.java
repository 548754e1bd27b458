package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.load.JavaSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The typed live facade of one machine: {@code MutexMachine} gets {@code MutexLive}, whose methods
 * are the spec's actions ({@code acquire(ModelValue p)}, {@code tryAcquire(p, timeout)},
 * {@code canAcquire(p)}) on a {@code LiveRuntime}, an {@code Action} enum of Next's actions, one
 * accessor per variable of the current state, and a {@code Builder} that binds constants at run
 * time. A parameter's Java type comes from the domain its values are drawn from in the split of
 * Next (the IR's {@link ActionPlan}): model values, integers, strings and booleans get their own
 * type, anything else {@code Value}.
 */
public final class LiveFacadeEmitter {
  private static final String RT = "io.finalspec.runtime";
  private static final ClassName LIVE_RUNTIME = ClassName.get(RT + ".live", "LiveRuntime");
  private static final ClassName TRACE = ClassName.get(RT + ".trace", "Trace");
  private static final ClassName VIOLATION = LIVE_RUNTIME.nestedClass("Violation");
  private static final ClassName INT_VALUE = ClassName.get(RT + ".value", "IntValue");
  private static final ClassName BOOL_VALUE = ClassName.get(RT + ".value", "BoolValue");
  private static final ClassName STR_VALUE = ClassName.get(RT + ".value", "StrValue");

  /** What a parameter's values are, as far as the IR tells. */
  enum Kind {
    MODEL(JavaEmitter.MODEL_VALUE), INT(TypeName.INT), STRING(ClassName.get(String.class)),
    BOOL(TypeName.BOOLEAN), VALUE(JavaEmitter.VALUE);

    final TypeName javaType;

    Kind(TypeName javaType) {
      this.javaType = javaType;
    }

    Kind merge(Kind other) {
      return other == null || other == this ? this : VALUE;
    }
  }

  /** One action of Next: its spec name and its parameters (names and kinds), as its label shows them. */
  record Action(String label, List<String> params, List<Kind> kinds, String where) {}

  private final MachineIr ir;
  private final ClassName machine;
  private final ClassName facade;
  private final ClassName state;
  private final ClassName actionEnum;
  private final ClassName builder;
  private final Symbols sym;
  private final NameAllocator members = new NameAllocator();
  /** The accessor of each variable of the current state, by index (allocated before the actions' methods). */
  private final List<String> accessors = new ArrayList<>();

  private LiveFacadeEmitter(MachineIr ir, ClassName machine) {
    this.ir = ir;
    this.machine = machine;
    String base = machine.simpleName().endsWith("Machine")
        ? machine.simpleName().substring(0, machine.simpleName().length() - "Machine".length()) : machine.simpleName();
    this.facade = machine.peerClass(base + "Live");
    this.state = machine.nestedClass("State");
    this.actionEnum = facade.nestedClass("Action");
    this.builder = facade.nestedClass("Builder");
    this.sym = new Symbols(ir, machine);
    for (String r : List.of("machine", "runtime", "state", "trace", "violations", "stop", "waiting", "builder",
        "Action", "Builder", "State", "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll",
        "clone", "finalize", "Value", "ModelValue", "Duration", "String", "Object", "Override", facade.simpleName())) {
      members.newName(r, "reserved:" + r);
    }
    for (int i = 0; i < ir.variables().size(); i++) {
      accessors.add(members.newName(lowerCamel(ir.variables().get(i).name()), "var:" + i));
    }
  }

  /** The facade class of machine {@code packageName.className}. */
  public static JavaSource emit(MachineIr ir, String packageName, String className) {
    LiveFacadeEmitter e = new LiveFacadeEmitter(ir, ClassName.get(packageName, className));
    JavaFile file = JavaFile.builder(packageName, e.type()).skipJavaLangImports(true).indent("    ").build();
    return new JavaSource(e.facade.canonicalName(), file.toString());
  }

  private TypeSpec type() {
    List<Action> actions = actions();
    TypeSpec.Builder t = TypeSpec.classBuilder(facade).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Typed live API of {@link $T} (TLA+ module {@code $L}): real threads take the spec's actions.\n",
            machine, Comments.safe(ir.moduleName()))
        .addJavadoc("<p>Each action method blocks until its action is enabled, takes it atomically and returns the\n")
        .addJavadoc("new state; its {@code try} variant gives up after a timeout. Parameters outside every action\n")
        .addJavadoc("instance are an {@code IllegalArgumentException} at once, and a blocking call that can never\n")
        .addJavadoc("succeed (no action is enabled) throws {@code LiveRuntime.NeverEnabledException}. Generated by finalspec.\n")
        .addField(FieldSpec.builder(machine, "machine", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(LIVE_RUNTIME, "runtime", Modifier.PRIVATE, Modifier.FINAL).build());
    t.addType(actionEnum(actions));
    t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The config's constants, from the first initial state.\n")
        .addStatement("this(new $T(new $T()))", LIVE_RUNTIME, machine).build());
    t.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Drives {@code runtime}, which must run a {@link $T}.\n", machine)
        .addParameter(LIVE_RUNTIME, "runtime")
        .beginControlFlow("if (!(runtime.machine() instanceof $T m))", machine)
        .addStatement("throw new $T($S + runtime.machine().specName())", IllegalArgumentException.class,
            facade.simpleName() + " drives a " + machine.simpleName() + ", not a machine of ")
        .endControlFlow()
        .addStatement("this.machine = m")
        .addStatement("this.runtime = runtime").build());
    t.addMethod(MethodSpec.methodBuilder("builder").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(builder)
        .addJavadoc("A builder that binds constants at run time.\n")
        .addStatement("return new $T()", builder).build());
    for (Action a : actions) {
      t.addMethods(actionMethods(a));
    }
    t.addMethods(stateMethods());
    t.addType(builderType());
    return t.build();
  }

  // ------------------------------------------------------------------ the actions of Next

  /** Next's actions in TLC's order, each with the parameters its label binds and their kinds. */
  List<Action> actions() {
    Map<String, Action> out = new LinkedHashMap<>();
    if (ir.next() != null) {
      collect(ir.next(), new HashMap<>(), out);
    }
    return new ArrayList<>(out.values());
  }

  private void collect(ActionPlan p, Map<Integer, Kind> env, Map<String, Action> out) {
    if (p instanceof ActionPlan.Choice c) {
      c.alternatives().forEach(a -> collect(a, env, out));
    } else if (p instanceof ActionPlan.Expand x) {
      Map<Integer, Kind> inner = new HashMap<>(env);
      for (IrExpr.Bound b : x.bounds()) {
        Kind k = b.tuple() ? Kind.VALUE : elementKind(b.set(), 0);
        b.ids().forEach(id -> inner.put(id, k));
      }
      collect(x.body(), inner, out);
    } else if (p instanceof ActionPlan.Enter en) {
      Map<Integer, Kind> inner = new HashMap<>(env);
      for (ActionPlan.Param prm : en.params()) {
        if (prm.id() >= 0) {
          inner.put(prm.id(), prm.value() instanceof IrExpr.Ref r && r.kind() == IrExpr.RefKind.BOUND
              ? env.getOrDefault(r.index(), Kind.VALUE) : valueKind(prm.value(), 0));
        }
      }
      collect(en.body(), inner, out);
    } else {
      ActionPlan.Leaf leaf = (ActionPlan.Leaf) p;
      List<String> names = new ArrayList<>();
      List<Kind> kinds = new ArrayList<>();
      for (ActionPlan.Param prm : leaf.labelParams()) {
        names.add(prm.name());
        kinds.add(env.getOrDefault(prm.id(), Kind.VALUE));
      }
      Action known = out.get(leaf.label());
      if (known == null) {
        out.put(leaf.label(), new Action(leaf.label(), names, kinds, leaf.span().where()));
      } else if (!known.params().equals(names)) {
        // the same operator entered with parameters TLC shows differently: no common typed signature
        out.put(leaf.label(), new Action(leaf.label(), List.of(), List.of(), known.where()));
      } else {
        List<Kind> merged = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
          merged.add(known.kinds().get(i).merge(kinds.get(i)));
        }
        out.put(leaf.label(), new Action(leaf.label(), names, merged, known.where()));
      }
    }
  }

  /** The kind of every element of the constant set {@code e}, or VALUE when the IR does not say. */
  private Kind elementKind(IrExpr e, int depth) {
    if (depth > 20) {
      return Kind.VALUE;
    }
    if (e instanceof IrExpr.Ref r && r.kind() == IrExpr.RefKind.CONST) {
      IrExpr v = constant(r.name());
      return v == null ? Kind.VALUE : elementKind(v, depth + 1);
    }
    if (e instanceof IrExpr.Call c && c.args().isEmpty() && sym.defs.containsKey(c.def())) {
      return elementKind(sym.defs.get(c.def()).body(), depth + 1);
    }
    if (e instanceof IrExpr.Apply a) {
      return switch (a.op()) {
        case SET_ENUM -> {
          Kind k = null;
          for (IrExpr x : a.args()) {
            Kind xk = valueKind(x, depth + 1);
            k = k == null ? xk : k.merge(xk);
          }
          yield k == null ? Kind.VALUE : k;
        }
        case INTERVAL, NAT, INT -> Kind.INT;
        case BOOLEAN_SET -> Kind.BOOL;
        case STRING_SET -> Kind.STRING;
        case CUP -> elementKind(a.args().get(0), depth + 1).merge(elementKind(a.args().get(1), depth + 1));
        case CAP, SETMINUS -> elementKind(a.args().get(0), depth + 1);
        default -> Kind.VALUE;
      };
    }
    return Kind.VALUE;
  }

  /** The kind of the constant value {@code e}, or VALUE when the IR does not say. */
  private Kind valueKind(IrExpr e, int depth) {
    if (depth > 20) {
      return Kind.VALUE;
    }
    if (e instanceof IrExpr.Lit l) {
      return switch (l.kind()) {
        case INT -> Kind.INT;
        case STRING -> Kind.STRING;
        case BOOL -> Kind.BOOL;
        case MODEL_VALUE -> Kind.MODEL;
      };
    }
    if (e instanceof IrExpr.Ref r && r.kind() == IrExpr.RefKind.CONST) {
      IrExpr v = constant(r.name());
      return v == null ? Kind.VALUE : valueKind(v, depth + 1);
    }
    if (e instanceof IrExpr.Call c && c.args().isEmpty() && sym.defs.containsKey(c.def())) {
      return valueKind(sym.defs.get(c.def()).body(), depth + 1);
    }
    return Kind.VALUE;
  }

  private IrExpr constant(String name) {
    for (MachineIr.Constant c : ir.constants()) {
      if (c.name().equals(name)) {
        return c.value();
      }
    }
    return null;
  }

  private TypeSpec actionEnum(List<Action> actions) {
    TypeSpec.Builder e = TypeSpec.enumBuilder(actionEnum).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The actions of Next, in TLC's order.\n")
        .addField(String.class, "specName", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "specName")
            .addStatement("this.specName = specName").build())
        .addMethod(MethodSpec.methodBuilder("specName").addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("The action's name in the spec (TLC's label).\n").addStatement("return specName").build());
    NameAllocator constants = new NameAllocator();
    for (Action a : actions) {
      String name = constants.newName(upperSnake(a.label()), a);
      e.addEnumConstant(name, TypeSpec.anonymousClassBuilder("$S", a.label())
          .addJavadoc("{@code $L} ($L).\n", Comments.safe(a.label()), Comments.safe(a.where())).build());
    }
    if (actions.isEmpty()) {
      e.addJavadoc("<p>The model has no Next: no action.\n");
    }
    return e.build();
  }

  /** {@code acquire(p)}, {@code tryAcquire(p, timeout)} and {@code canAcquire(p)}. */
  private List<MethodSpec> actionMethods(Action a) {
    String camel = lowerCamel(a.label());
    String upper = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    // an action named like a variable (Tag and tag) is "doTag": tag() reads the variable
    String base = accessors.contains(camel) ? "do" + upper : camel;
    // a spec parameter named runtime or Tla must not hide what the method bodies use
    NameAllocator locals = new NameAllocator();
    for (String r : List.of("timeout", "runtime", "machine", "Tla", "Duration", "ModelValue", "Value", "State")) {
      locals.newName(r, "reserved:" + r);
    }
    List<ParameterSpec> params = new ArrayList<>();
    List<CodeBlock> values = new ArrayList<>();
    for (int i = 0; i < a.params().size(); i++) {
      String p = locals.newName(a.params().get(i), i);
      params.add(ParameterSpec.builder(a.kinds().get(i).javaType, p).build());
      values.add(switch (a.kinds().get(i)) {
        case INT -> CodeBlock.of("$T.integer($L)", JavaEmitter.TLA, p);
        case BOOL -> CodeBlock.of("$T.bool($L)", JavaEmitter.TLA, p);
        case STRING -> CodeBlock.of("machine.names().str($L)", p);
        default -> CodeBlock.of("$L", p);
      });
    }
    CodeBlock args = values.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", CodeBlock.join(values, ", "));
    String signature = a.label() + (a.params().isEmpty() ? "" : "(" + String.join(", ", a.params()) + ")");
    List<MethodSpec> out = new ArrayList<>();
    out.add(MethodSpec.methodBuilder(members.newName(base, a)).addModifiers(Modifier.PUBLIC).returns(state)
        .addJavadoc("{@code $L} ($L): blocks until it is enabled, takes it, returns the new state.\n",
            Comments.safe(signature), Comments.safe(a.where()))
        .addParameters(params).addException(InterruptedException.class)
        .addStatement("return ($T) runtime.perform($S$L)", state, a.label(), args).build());
    out.add(MethodSpec.methodBuilder(members.newName("try" + upper, "try:" + a.label())).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addJavadoc("{@code $L}, giving up after {@code timeout}: whether it was taken (false at once when\n",
            Comments.safe(signature))
        .addJavadoc("no action is enabled, so it never can be).\n")
        .addParameters(params).addParameter(Duration.class, "timeout").addException(InterruptedException.class)
        .addStatement("return runtime.tryPerform($S, timeout$L).isPresent()", a.label(), args).build());
    out.add(MethodSpec.methodBuilder(members.newName("can" + upper, "can:" + a.label())).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addJavadoc("Whether {@code $L} is enabled now.\n", Comments.safe(signature))
        .addParameters(params)
        .addStatement("return runtime.isEnabled($S$L)", a.label(), args).build());
    return out;
  }

  // ------------------------------------------------------------------ state and runtime

  private List<MethodSpec> stateMethods() {
    List<MethodSpec> out = new ArrayList<>();
    out.add(MethodSpec.methodBuilder("state").addModifiers(Modifier.PUBLIC).returns(state)
        .addJavadoc("The current state.\n").addStatement("return ($T) runtime.current()", state).build());
    for (int i = 0; i < ir.variables().size(); i++) {
      MachineIr.Variable v = ir.variables().get(i);
      out.add(MethodSpec.methodBuilder(accessors.get(i)).addModifiers(Modifier.PUBLIC)
          .returns(JavaEmitter.VALUE)
          .addJavadoc("The current value of {@code $L} ($L).\n", Comments.safe(v.name()), Comments.safe(v.span().where()))
          .addStatement("return state().$L", sym.varFields[i]).build());
    }
    out.add(MethodSpec.methodBuilder("machine").addModifiers(Modifier.PUBLIC).returns(machine)
        .addStatement("return machine").build());
    out.add(MethodSpec.methodBuilder("runtime").addModifiers(Modifier.PUBLIC).returns(LIVE_RUNTIME)
        .addJavadoc("The runtime underneath (stringly typed, as tools use it).\n").addStatement("return runtime").build());
    out.add(MethodSpec.methodBuilder("trace").addModifiers(Modifier.PUBLIC).returns(TRACE)
        .addJavadoc("The behaviour recorded so far.\n").addStatement("return runtime.trace()").build());
    out.add(MethodSpec.methodBuilder("violations").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(JavaEmitter.LIST, VIOLATION))
        .addJavadoc("The invariant violations met so far.\n").addStatement("return runtime.violations()").build());
    out.add(MethodSpec.methodBuilder("stop").addModifiers(Modifier.PUBLIC)
        .addJavadoc("Releases every blocked call with {@code LiveRuntime.StoppedException}.\n")
        .addStatement("runtime.stop()").build());
    return out;
  }

  /** Binds constants at run time; checks them (kinds, ASSUMEs) when the machine is built. */
  private TypeSpec builderType() {
    ClassName mapType = ClassName.get(Map.class);
    TypeSpec.Builder b = TypeSpec.classBuilder(builder).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Constants bound at run time; the others keep the config's values.\n")
        .addField(FieldSpec.builder(JavaEmitter.NAME_TABLE, "names", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("$T.tlcNames()", machine).build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(mapType, ClassName.get(String.class), JavaEmitter.VALUE),
            "constants", Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()", LinkedHashMap.class).build())
        .addField(FieldSpec.builder(Long.class, "seed", Modifier.PRIVATE).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("names").addModifiers(Modifier.PUBLIC).returns(JavaEmitter.NAME_TABLE)
            .addJavadoc("The machine's table of strings and model values: build constants' values with it.\n")
            .addStatement("return names").build())
        .addMethod(MethodSpec.methodBuilder("modelValues").addModifiers(Modifier.PUBLIC).returns(JavaEmitter.VALUE)
            .addJavadoc("The set of the model values named {@code names}, from this machine's table.\n")
            .addParameter(String[].class, "modelNames").varargs()
            .addStatement("$T[] values = new $T[modelNames.length]", JavaEmitter.VALUE, JavaEmitter.VALUE)
            .beginControlFlow("for (int i = 0; i < modelNames.length; i++)")
            .addStatement("values[i] = names.modelValue(modelNames[i])")
            .endControlFlow()
            .addStatement("return $T.set(values)", JavaEmitter.TLA).build())
        .addMethod(MethodSpec.methodBuilder("seed").addModifiers(Modifier.PUBLIC).returns(builder)
            .addJavadoc("Chooses among successors of one call at random, reproducibly (default: the first).\n")
            .addParameter(long.class, "seed").addStatement("this.seed = seed").addStatement("return this").build());
    NameAllocator setters = new NameAllocator();
    for (String r : List.of("names", "modelValues", "seed", "build", "constants")) {
      setters.newName(r, r);
    }
    for (MachineIr.Constant c : ir.constants()) {
      b.addMethod(MethodSpec.methodBuilder(setters.newName(lowerCamel(c.name()), c.name())).addModifiers(Modifier.PUBLIC)
          .returns(builder)
          .addJavadoc("Binds constant {@code $L} ($L); a value of another kind than the config's is an error.\n",
              Comments.safe(c.name()), Comments.safe(c.span().where()))
          .addParameter(JavaEmitter.VALUE, "value")
          .addStatement("constants.put($S, value)", c.name())
          .addStatement("return this").build());
    }
    b.addMethod(MethodSpec.methodBuilder("build").addModifiers(Modifier.PUBLIC).returns(facade)
        .addJavadoc("The machine with these constants, from its first initial state (a false ASSUME is an error here).\n")
        .addStatement("$T m = new $T(names, new $T($S, constants))", machine, machine, JavaEmitter.MODEL, "run time")
        .addStatement("return new $T(seed == null ? new $T(m) : new $T(m, seed))", facade, LIVE_RUNTIME, LIVE_RUNTIME)
        .build());
    return b.build();
  }

  // ------------------------------------------------------------------ names

  /** {@code TakeGilC1} → {@code takeGilC1}; {@code M!Op} → {@code m_Op}; {@code my_var} → {@code myVar}. */
  static String lowerCamel(String specName) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char ch : specName.toCharArray()) {
      if (ch == '_' || ch == '!') {
        up = sb.length() > 0;
      } else if (Character.isLetterOrDigit(ch)) {
        sb.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
      sb.insert(0, "a");
    }
    sb.setCharAt(0, Character.toLowerCase(sb.charAt(0)));
    return sb.toString();
  }

  /** {@code TakeGilC1} → {@code TAKE_GIL_C1}. */
  static String upperSnake(String specName) {
    StringBuilder sb = new StringBuilder();
    String s = specName.replace('!', '_');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (!Character.isLetterOrDigit(ch)) {
        sb.append('_');
        continue;
      }
      boolean boundary = i > 0 && Character.isUpperCase(ch)
          && (Character.isLowerCase(s.charAt(i - 1)) || Character.isDigit(s.charAt(i - 1))
          || (i + 1 < s.length() && Character.isLowerCase(s.charAt(i + 1)) && Character.isUpperCase(s.charAt(i - 1))));
      if (boundary) {
        sb.append('_');
      }
      sb.append(Character.toUpperCase(ch));
    }
    String out = sb.toString().replaceAll("_+", "_");
    return out.isEmpty() || !Character.isJavaIdentifierStart(out.charAt(0)) ? "A_" + out : out;
  }
}
