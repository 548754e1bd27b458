package io.finalspec.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The few private methods a generated machine needs because they build its own {@code State}
 * class: completing a partial state into a state (checks in the runtime's {@code PartialState}),
 * converting any {@code State} into this machine's, and the canonical state of a symmetry orbit
 * (the runtime's {@code Symmetry}). Everything generic (binding, reading, candidates, LET, CASE,
 * errors, the symmetry group) lives in the runtime and is statically imported.
 */
final class Helpers {
  private Helpers() {}

  static final String RT = "io.finalspec.runtime.machine";
  static final ClassName PARTIAL_STATE = ClassName.get(RT, "PartialState");
  static final ClassName EVALUATION = ClassName.get(RT, "Evaluation");
  static final ClassName ARGUMENT_MEMO = ClassName.get(RT, "ArgumentMemo");
  static final ClassName SYMMETRY = ClassName.get(RT, "Symmetry");
  static final ClassName RECORD_SHAPE = ClassName.get("io.finalspec.runtime.value", "RecordShape");
  private static final ClassName VALUE = ExprEmitter.VALUE;
  private static final TypeName VALUES = ArrayTypeName.of(VALUE);

  static List<MethodSpec> methods(Symbols sym, boolean symmetric) {
    List<MethodSpec> out = new ArrayList<>();
    int n = sym.varFields.length;
    out.add(MethodSpec.methodBuilder("stateOf").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addJavadoc("The state of a partial state whose variables are all assigned (the action knows it statically).\n")
        .addParameter(VALUES, "n")
        .addStatement("return new $T($L)", sym.state, argsOf("n", n)).build());
    out.add(MethodSpec.methodBuilder("successorOf").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addJavadoc("A successor of {@code s} whose variables are all assigned in {@code n}: its fingerprint comes from\n"
            + "{@code s}'s through the variables that changed.\n")
        .addParameter(sym.state, "s").addParameter(VALUES, "n")
        .addStatement("return new $T(s$L)", sym.state, n == 0 ? CodeBlock.of("") : CodeBlock.of(", $L", argsOf("n", n)))
        .build());
    MethodSpec.Builder successor = MethodSpec.methodBuilder("successor").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(sym.state)
        .addJavadoc("A successor of {@code s} from the values of its variables, in declaration order (an action that\n"
            + "holds them in locals): its fingerprint comes from {@code s}'s through the variables that changed.\n")
        .addParameter(sym.state, "s");
    CodeBlock.Builder successorArgs = CodeBlock.builder();
    for (int i = 0; i < n; i++) {
      successor.addParameter(VALUE, "v" + i);
      successorArgs.add(", v$L", i);
    }
    out.add(successor.addStatement("return new $T(s$L)", sym.state, successorArgs.build()).build());
    out.add(MethodSpec.methodBuilder("complete").addModifiers(Modifier.PRIVATE).returns(sym.state)
        .addParameter(VALUES, "n").addParameter(ActionEmitter.LABEL, "label")
        .addStatement("$T.requireComplete(n, variables(), label)", PARTIAL_STATE)
        .addStatement("return stateOf(n)").build());
    out.add(MethodSpec.methodBuilder("completeInit").addModifiers(Modifier.PRIVATE).returns(sym.state)
        .addParameter(VALUES, "n")
        .addStatement("$T.requireCompleteInit(n, variables())", PARTIAL_STATE)
        .addStatement("return stateOf(n)").build());
    out.add(MethodSpec.methodBuilder("asState").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addParameter(ActionEmitter.STATE_API, "state")
        .beginControlFlow("if (state instanceof $T)", sym.state).addStatement("return ($T) state", sym.state).endControlFlow()
        .addStatement("return new $T($L)", sym.state, stateGets(n)).build());
    if (symmetric) {
      out.add(MethodSpec.methodBuilder("canonical").addModifiers(Modifier.PRIVATE).returns(sym.state)
          .addJavadoc("SYMMETRY: the least state of the orbit of {@code s}.\n")
          .addParameter(sym.state, "s")
          .addStatement("$T best = perms.canonical(s.values())", VALUES)
          .addStatement("return new $T($L)", sym.state, argsOf("best", n)).build());
    }
    return out;
  }

  private static CodeBlock argsOf(String arr, int n) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < n; i++) {
      b.add(i == 0 ? "$L[$L]" : ", $L[$L]", arr, i);
    }
    return b.build();
  }

  private static CodeBlock stateGets(int n) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (int i = 0; i < n; i++) {
      b.add(i == 0 ? "state.get($L)" : ", state.get($L)", i);
    }
    return b.build();
  }
}
