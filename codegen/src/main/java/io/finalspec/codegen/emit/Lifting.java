package io.finalspec.codegen.emit;

import static io.finalspec.codegen.emit.ExprEmitter.TLA;
import static io.finalspec.codegen.emit.ExprEmitter.VALUE;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Binders of code that runs once a state (actions, invariants, state-level definitions) made into
 * private methods of the machine: a quantifier becomes {@code for} loops returning at the first
 * witness, a CHOOSE over one bound a loop that throws TLC's error after it, a LET locals, an EXCEPT
 * clause reading {@code @} a walk down its path by {@code indexOf} with {@code @} bound to the old
 * value. A method takes the state, partial state or primed state only when the expression reads
 * them, then each variable bound outside it and read inside; the same method made twice (an
 * invariant and its check after a step) is made once. As lambdas handed to the runtime these would
 * allocate a closure at each evaluation (through a method handle until C2 has compiled the caller:
 * a cold search spent 7% of its time there) and share one megamorphic call site inside the
 * runtime's loop, which C2 cannot inline. {@link ExprEmitter} decides where lifting applies.
 */
final class Lifting {
  private static final ClassName FCN_VALUE = ClassName.get("io.finalspec.runtime.value", "FcnValue");

  private final ExprEmitter ex;
  private final Symbols sym;
  /** Where the methods go (the machine's methods). */
  private final Consumer<MethodSpec> sink;
  private final SourceLines src;
  /** How many methods of each kind were made: their names are numbered ({@code forall3}). */
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  /** The methods made so far, by return type, parameters and body: each is made once. */
  private final Map<String, String> made = new HashMap<>();

  Lifting(ExprEmitter ex, Symbols sym, Consumer<MethodSpec> sink, SourceLines src) {
    this.ex = ex;
    this.sym = sym;
    this.sink = sink;
    this.src = src;
  }

  /**
   * A private method made of one binder: the method's scope, its parameters (the state, partial and
   * primed state the enclosing code reads, then each variable bound outside and read inside) and
   * the arguments that call it from the enclosing scope.
   */
  private final class Method {
    private final String kind;
    private final TypeName returns;
    private final CodeBlock doc;
    private final List<ParameterSpec> parameters = new ArrayList<>();
    final Scope inner;
    final List<CodeBlock> args = new ArrayList<>();

    /** {@code e}: what the method evaluates; {@code shown}: the expression its Javadoc quotes. */
    Method(String kind, IrExpr e, IrExpr shown, TypeName returns, Scope sc) {
      this.kind = kind;
      this.returns = returns;
      this.doc = CodeBlock.of("{@code $L} ($L).\n", Comments.safe(quote(shown)), Comments.safe(shown.span().where()));
      // UNCHANGED x reads x' too (its arguments are unprimed references)
      boolean primed = IrTree.anyMatch(e, x -> x instanceof IrExpr.Ref r && r.kind() == RefKind.PRIMED
          || x instanceof IrExpr.Apply a && a.op() == Operator.UNCHANGED);
      boolean unprimed = IrTree.anyMatch(e, x -> x instanceof IrExpr.Ref r && r.kind() == RefKind.VAR
          || x instanceof IrExpr.Call || x instanceof IrExpr.Apply a && a.op() == Operator.ENABLED);
      boolean state = sc.state != null && unprimed;
      boolean partial = sc.hasPartial() && (sc.primedState == null && primed || sc.varsFromPartial && unprimed);
      boolean primedState = sc.primedState != null && primed;
      // only the parameters the method takes are reserved: a bound t stays t where no next state is read
      List<String> reserved = new ArrayList<>();
      if (state) {
        reserved.add("s");
      }
      if (partial) {
        reserved.add("n");
      }
      if (primedState) {
        reserved.add("t");
      }
      inner = Scope.method(state ? "s" : null, sc.varsFromPartial, primedState ? "t" : null, reserved.toArray(new String[0]));
      inner.assigned = sc.assigned.clone();
      inner.lifted = true;
      if (state) {
        parameters.add(ParameterSpec.builder(sym.state, "s").build());
        args.add(CodeBlock.of("$L", sc.state));
      }
      if (partial) {
        inner.partial = "n";
        parameters.add(ParameterSpec.builder(ArrayTypeName.of(VALUE), "n").build());
        args.add(sc.partialArray());
      }
      if (primedState) {
        parameters.add(ParameterSpec.builder(sym.state, "t").build());
        args.add(CodeBlock.of("$L", sc.primedState));
      }
      for (Map.Entry<Integer, String> c : captured(e, sc).entrySet()) {
        args.add(CodeBlock.of("$L", sc.local(c.getKey())));
        parameters.add(ParameterSpec.builder(VALUE, inner.bind(c.getKey(), c.getValue())).build());
      }
    }

    /** A parameter of the method's own (after the captured ones), passed {@code arg}. */
    String parameter(String suggestion, CodeBlock arg) {
      String p = inner.fresh(suggestion);
      parameters.add(ParameterSpec.builder(VALUE, p).build());
      args.add(arg);
      return p;
    }

    /**
     * Adds the method with this body, or finds the same method made before (an invariant's
     * quantifier is emitted twice, for the invariant and for its check after a step); returns its call.
     */
    CodeBlock call(CodeBlock body) {
      String key = returns + " " + parameters + " " + body;
      String name = made.get(key);
      if (name == null) {
        name = sym.member(kind + counts.merge(kind, 1, Integer::sum));
        made.put(key, name);
        sink.accept(MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(returns)
            .addJavadoc(doc).addParameters(parameters).addCode(body).build());
      }
      return CodeBlock.of("$L($L)", name, CodeBlock.join(args, ", "));
    }
  }

  /** The variables bound in {@code sc} (quantified, LET, {@code @}) that e reads, by id, with their TLA+ names. */
  private static Map<Integer, String> captured(IrExpr e, Scope sc) {
    Map<Integer, String> out = new LinkedHashMap<>();
    IrTree.anyMatch(e, x -> {
      if (x instanceof IrExpr.Ref r && (r.kind() == RefKind.BOUND || r.kind() == RefKind.AT)
          && sc.bound.containsKey(r.index())) {
        out.putIfAbsent(r.index(), r.kind() == RefKind.AT ? "old" : r.name());
      }
      return false;
    });
    return out;
  }

  /** The first line of e's text, shortened: the lifted method's Javadoc. */
  private String quote(IrExpr e) {
    String text = src.text(e.span()).strip();
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl).strip() + " ...";
    return first.length() > 100 ? first.substring(0, 97) + "..." : first;
  }

  /** {@code \E}/{@code \A} as a method: nested loops over the bounds, returning at the first witness. */
  CodeBlock quantifier(IrExpr.Binder b, Scope sc) {
    boolean exists = b.kind() == IrExpr.BinderKind.EXISTS;
    Method l = new Method(exists ? "exists" : "forall", b, b, TypeName.BOOLEAN, sc);
    CodeBlock.Builder body = CodeBlock.builder();
    loops(b.bounds(), 0, 0, l.inner, body, inner -> {
      CodeBlock test = ex.cond(b.body(), inner);
      body.beginControlFlow("if ($L)", exists ? test : CodeBlock.of("!$L", ExprEmitter.paren(test)))
          .addStatement("return $L", exists)
          .endControlFlow();
    });
    body.addStatement("return $L", !exists);
    return l.call(body.build());
  }

  /**
   * One {@code for} loop per bound variable from bounds[i], name k on (a tuple pattern: one loop,
   * destructured); {@code leaf} adds the innermost statements. Each set is evaluated where its
   * loop starts, inside the loops of the variables before it, as the nested lambdas did.
   */
  private void loops(List<IrExpr.Bound> bounds, int i, int k, Scope sc, CodeBlock.Builder out,
      Consumer<Scope> leaf) {
    if (i == bounds.size()) {
      leaf.accept(sc);
      return;
    }
    IrExpr.Bound bd = bounds.get(i);
    Scope inner = sc.child();
    beginLoop(bd, k, ex.value(bd.set(), sc), inner, out);
    if (!bd.tuple() && k + 1 < bd.names().size()) {
      loops(bounds, i, k + 1, inner, out, leaf);
    } else {
      loops(bounds, i + 1, 0, inner, out, leaf);
    }
    out.endControlFlow();
  }

  /**
   * Opens {@code for (Value x : Tla.elements(set))} binding name k of {@code bd} in {@code inner}
   * (a tuple pattern: a fresh loop variable, destructured); returns the loop variable.
   */
  private String beginLoop(IrExpr.Bound bd, int k, CodeBlock set, Scope inner, CodeBlock.Builder out) {
    String x = bd.tuple() ? inner.fresh("t") : inner.bind(bd.ids().get(k), bd.names().get(k));
    out.beginControlFlow("for ($T $L : $T.elements($L))", VALUE, x, TLA, set);
    if (bd.tuple()) {
      out.add(ex.destructure(bd, x, inner));
    }
    return x;
  }

  /** {@code CHOOSE x \in S : P} as a method: the first element in TLC's order that satisfies P. */
  CodeBlock choose(IrExpr.Binder b, Scope sc) {
    Method l = new Method("chosen", b, b, VALUE, sc);
    IrExpr.Bound bd = b.bounds().get(0);
    CodeBlock.Builder body = CodeBlock.builder();
    String domain = l.inner.fresh("domain");
    body.addStatement("$T $L = $L", VALUE, domain, ex.value(bd.set(), l.inner));
    Scope inner = l.inner.child();
    String x = beginLoop(bd, 0, CodeBlock.of("$L", domain), inner, body);
    body.beginControlFlow("if ($L)", ex.cond(b.body(), inner)).addStatement("return $L", x).endControlFlow()
        .endControlFlow()
        .addStatement("throw $T.chooseFailed($L)", TLA, domain);
    return l.call(body.build());
  }

  /** {@code LET a == e1, b == e2 IN body} as a method: one local per definition, in order. */
  CodeBlock let(IrExpr.Let l, Scope sc) {
    Method lift = new Method("let", l, l, VALUE, sc);
    CodeBlock.Builder body = CodeBlock.builder();
    for (IrExpr.LetDef d : l.defs()) {
      CodeBlock head = ex.value(d.value(), lift.inner);
      body.addStatement("$T $L = $L", VALUE, lift.inner.bind(d.id(), d.name()), head);
    }
    body.addStatement("return $L", ex.value(l.body(), lift.inner));
    return lift.call(body.build());
  }

  /**
   * {@code [f EXCEPT ![k1]...[kn] = e(@)]} as a method: finds each key's position, binds {@code @}
   * to the old value and replaces it on the way out (TLC's semantics: a key outside its domain
   * leaves the whole function unchanged, and e is not evaluated then).
   */
  CodeBlock except(IrExpr.Except x, IrExpr.Clause c, CodeBlock fn, List<CodeBlock> path, Scope sc) {
    Method l = new Method("except", c.value(), x, VALUE, sc);
    String f = l.parameter("f", fn);
    List<String> keys = new ArrayList<>();
    for (CodeBlock k : path) {
      keys.add(l.parameter("key", k));
    }
    CodeBlock.Builder body = CodeBlock.builder();
    List<String> fns = new ArrayList<>();
    List<String> idx = new ArrayList<>();
    CodeBlock current = CodeBlock.of("$L", f);
    for (int d = 0; d < keys.size(); d++) {
      String fd = l.inner.fresh("f" + (d + 1));
      String id = l.inner.fresh("i" + (d + 1));
      body.addStatement("$T $L = $T.asFcn($L)", FCN_VALUE, fd, TLA, current)
          .addStatement("int $L = $L.indexOf($L)", id, fd, keys.get(d))
          .beginControlFlow("if ($L < 0)", id)
          .addStatement("return $L", d == 0 ? fd : fns.get(0))
          .endControlFlow();
      fns.add(fd);
      idx.add(id);
      current = CodeBlock.of("$L.valueAt($L)", fd, id);
    }
    String old = l.inner.bind(c.atId(), "old");
    body.addStatement("$T $L = $L", VALUE, old, current);
    CodeBlock acc = ex.value(c.value(), l.inner);
    for (int d = keys.size() - 1; d >= 0; d--) {
      acc = CodeBlock.of("$T.replaceAt($L, $L, $L)", TLA, fns.get(d), idx.get(d), acc);
    }
    body.addStatement("return $L", acc);
    return l.call(body.build());
  }
}
