package io.finalspec.codegen.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/**
 * The small private helpers every generated machine carries (the runtime has no partial-state
 * type): binding a variable in a partial state, reading one, completing a successor with TLC's
 * "not completely specified" error, and the symmetry canonicalization.
 */
final class Helpers {
  private Helpers() {}

  private static final ClassName VALUE = ExprEmitter.VALUE;
  private static final ClassName TLA = ExprEmitter.TLA;
  private static final TypeName VALUES = ArrayTypeName.of(VALUE);
  private static final ClassName EXC = ActionEmitter.EVAL_EXCEPTION;

  static List<MethodSpec> methods(Symbols sym, boolean symmetric) {
    List<MethodSpec> out = new ArrayList<>();
    int n = sym.varFields.length;
    CodeBlock.Builder names = CodeBlock.builder();
    for (int i = 0; i < n; i++) {
      names.add(i == 0 ? "$S" : ", $S", sym.varName(i));
    }
    out.add(MethodSpec.methodBuilder("bind").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUES)
        .addJavadoc("A copy of the partial state {@code n} with variable {@code i} bound to {@code v}.\n")
        .addParameter(VALUES, "n").addParameter(int.class, "i").addParameter(VALUE, "v")
        .addStatement("$T c = n.clone()", VALUES).addStatement("c[i] = v").addStatement("return c").build());
    out.add(MethodSpec.methodBuilder("read").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
        .addJavadoc("A variable of the partial state; reading it before it is assigned is TLC's error.\n")
        .addParameter(VALUES, "n").addParameter(int.class, "i").addParameter(String.class, "name")
        .beginControlFlow("if (n[i] == null)")
        .addStatement("throw new $T($S + name + $S)", EXC, "In evaluation, the identifier ",
            " is either undefined or not an operator (it has no value yet in this state).")
        .endControlFlow().addStatement("return n[i]").build());
    out.add(MethodSpec.methodBuilder("candidates").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Iterable.class), VALUE))
        .addJavadoc("{@code x' \\in S}: every element of S when x' is unassigned, else x' itself if it is in S.\n")
        .addParameter(VALUES, "n").addParameter(int.class, "i").addParameter(VALUE, "set")
        .beginControlFlow("if (n[i] != null)")
        .addStatement("return $T.in(n[i], set) ? $T.of(n[i]) : $T.of()", TLA, List.class, List.class)
        .endControlFlow()
        .addStatement("return $T.elements(set)", TLA).build());
    out.add(MethodSpec.methodBuilder("allAssigned").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(boolean.class).addParameter(VALUES, "n")
        .beginControlFlow("for ($T v : n)", VALUE).addStatement("if (v == null) return false").endControlFlow()
        .addStatement("return true").build());
    out.add(MethodSpec.methodBuilder("complete").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addParameter(VALUES, "n").addParameter(ActionEmitter.LABEL, "label")
        .addStatement("$T names = {$L}", ArrayTypeName.of(String.class), names.build())
        .beginControlFlow("for (int i = 0; i < n.length; i++)")
        .beginControlFlow("if (n[i] == null)")
        .addStatement("throw new $T($S + label + $S + names[i] + $S)", EXC,
            "Successor state is not completely specified by action ", ": variable ", " is not assigned.")
        .endControlFlow().endControlFlow()
        .addStatement("return new $T($L)", sym.state, args(n)).build());
    out.add(MethodSpec.methodBuilder("completeInit").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addParameter(VALUES, "n")
        .addStatement("$T names = {$L}", ArrayTypeName.of(String.class), names.build())
        .beginControlFlow("for (int i = 0; i < n.length; i++)")
        .beginControlFlow("if (n[i] == null)")
        .addStatement("throw new $T($S + names[i] + $S)", EXC,
            "Initial state is not completely specified: variable ", " is not assigned.")
        .endControlFlow().endControlFlow()
        .addStatement("return new $T($L)", sym.state, args(n)).build());
    out.add(MethodSpec.methodBuilder("asState").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(sym.state)
        .addParameter(ActionEmitter.STATE_API, "state")
        .beginControlFlow("if (state instanceof $T)", sym.state).addStatement("return ($T) state", sym.state).endControlFlow()
        .addStatement("return new $T($L)", sym.state, stateGets(n)).build());
    out.add(MethodSpec.methodBuilder("let").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
        .addJavadoc("{@code LET x == v IN body(x)}.\n")
        .addParameter(VALUE, "v").addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), VALUE), "body")
        .addStatement("return body.apply(v)").build());
    out.add(MethodSpec.methodBuilder("caseFail").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
        .addParameter(String.class, "where")
        .addStatement("throw new $T($S + where)", EXC,
            "Attempted to evaluate a CASE with no conditions true (and no OTHER) at ").build());
    out.add(MethodSpec.methodBuilder("inDomain").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(VALUE, "arg").addParameter(VALUE, "domain").addParameter(String.class, "fn")
        .beginControlFlow("if (!$T.in(arg, domain))", TLA)
        .addStatement("throw new $T($S + fn + $S + arg + $S)", EXC, "Attempted to apply function ", " to argument ",
            ", which is not in the domain of the function.")
        .endControlFlow().build());
    out.add(MethodSpec.methodBuilder("at").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(EXC)
        .addJavadoc("The error {@code e}, located: what was being evaluated and where in the spec.\n")
        .addParameter(EXC, "e").addParameter(String.class, "what").addParameter(String.class, "where")
        .addStatement("return new $T(e.getMessage() + $S + what + $S + where + $S, e)", EXC, "\n  while evaluating ",
            " (", ")").build());
    if (symmetric) {
      ClassName mv = JavaEmitter.MODEL_VALUE;
      ClassName sv = JavaEmitter.SET_VALUE;
      ClassName fv = JavaEmitter.FCN_VALUE;
      ClassName map = ClassName.get(java.util.Map.class);
      TypeName perm = ParameterizedTypeName.get(map, VALUE, VALUE);
      out.add(MethodSpec.methodBuilder("closure").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(ClassName.get(List.class), perm))
          .addJavadoc("The group generated by the permutations in {@code set} (identity included).\n")
          .addParameter(VALUE, "set")
          .addStatement("$T<$T> gens = new $T<>()", List.class, perm, ArrayList.class)
          .beginControlFlow("for ($T f : $T.elements(set))", VALUE, TLA)
          .addStatement("$T g = $T.asFcn(f)", fv, TLA)
          .addStatement("$T<$T, $T> m = new $T<>()", java.util.HashMap.class, VALUE, VALUE, java.util.HashMap.class)
          .beginControlFlow("for (int i = 0; i < g.size(); i++)")
          .addStatement("if (!g.keyAt(i).equals(g.valueAt(i))) m.put(g.keyAt(i), g.valueAt(i))")
          .endControlFlow()
          .addStatement("gens.add($T.copyOf(m))", map)
          .endControlFlow()
          .addStatement("$T<$T> group = new $T<>()", java.util.LinkedHashSet.class, perm, java.util.LinkedHashSet.class)
          .addStatement("group.add($T.of())", map)
          .addStatement("$T<$T> todo = new $T<>(group)", java.util.ArrayDeque.class, perm, java.util.ArrayDeque.class)
          .beginControlFlow("while (!todo.isEmpty())")
          .addStatement("$T g = todo.poll()", perm)
          .beginControlFlow("for ($T h : gens)", perm)
          .addStatement("$T<$T, $T> c = new $T<>()", java.util.HashMap.class, VALUE, VALUE, java.util.HashMap.class)
          .beginControlFlow("for ($T k : union(g.keySet(), h.keySet()))", VALUE)
          .addStatement("$T once = h.getOrDefault(k, k)", VALUE)
          .addStatement("$T twice = g.getOrDefault(once, once)", VALUE)
          .addStatement("if (!twice.equals(k)) c.put(k, twice)")
          .endControlFlow()
          .addStatement("$T cm = $T.copyOf(c)", perm, map)
          .addStatement("if (group.add(cm)) todo.add(cm)")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return new $T<>(group)", ArrayList.class).build());
      out.add(MethodSpec.methodBuilder("union").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(ParameterizedTypeName.get(ClassName.get(java.util.Set.class), VALUE))
          .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.Set.class), VALUE), "a")
          .addParameter(ParameterizedTypeName.get(ClassName.get(java.util.Set.class), VALUE), "b")
          .addStatement("$T<$T> u = new $T<>(a)", java.util.Set.class, VALUE, java.util.HashSet.class)
          .addStatement("u.addAll(b)").addStatement("return u").build());
      out.add(MethodSpec.methodBuilder("permute").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(VALUE)
          .addJavadoc("{@code v} with every model value renamed by the permutation {@code p}.\n")
          .addParameter(VALUE, "v").addParameter(perm, "p")
          .beginControlFlow("if (v instanceof $T)", mv)
          .addStatement("return p.getOrDefault(v, v)").endControlFlow()
          .beginControlFlow("if (v instanceof $T)", sv)
          .addStatement("$T set = ($T) v", sv, sv)
          .addStatement("return set.isFinite() ? $T.map(set, e -> permute(e, p)) : v", TLA).endControlFlow()
          .beginControlFlow("if (v instanceof $T)", fv)
          .addStatement("$T f = ($T) v", fv, fv)
          .addStatement("$T keys = new $T[f.size()]", VALUES, VALUE)
          .addStatement("$T vals = new $T[f.size()]", VALUES, VALUE)
          .beginControlFlow("for (int i = 0; i < keys.length; i++)")
          .addStatement("keys[i] = permute(f.keyAt(i), p)").addStatement("vals[i] = permute(f.valueAt(i), p)")
          .endControlFlow()
          .addStatement("return $T.fromPairs(keys, vals)", TLA).endControlFlow()
          .addStatement("return v").build());
      out.add(MethodSpec.methodBuilder("canonical").addModifiers(Modifier.PRIVATE).returns(sym.state)
          .addJavadoc("SYMMETRY: the least state of the orbit of {@code s} (exact orbit reduction, the order being "
              + "the runtime's canonical value order), so distinct counts equal TLC's.\n")
          .addParameter(sym.state, "s")
          .addStatement("$T best = s.values()", VALUES)
          .beginControlFlow("for ($T p : perms)", ParameterizedTypeName.get(ClassName.get(java.util.Map.class), VALUE, VALUE))
          .addStatement("$T cand = new $T[best.length]", VALUES, VALUE)
          .addStatement("int cmp = 0")
          .beginControlFlow("for (int i = 0; i < cand.length; i++)")
          .addStatement("cand[i] = permute(s.get(i), p)")
          .addStatement("if (cmp == 0) cmp = $T.compare(cand[i], best[i])", JavaEmitter.VALUE_ORDER)
          .endControlFlow()
          .addStatement("if (cmp < 0) best = cand")
          .endControlFlow()
          .addStatement("return new $T($L)", sym.state, argsOf("best", n)).build());
    }
    return out;
  }

  private static CodeBlock args(int n) {
    return argsOf("n", n);
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
