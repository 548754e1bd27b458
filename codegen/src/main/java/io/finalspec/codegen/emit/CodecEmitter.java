package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.types.TlaType;
import io.finalspec.codegen.types.TypeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The machine's {@code StateCodec} from the type pass: when every variable has a type the runtime
 * can number or pack ({@code BOOLEAN}, an integer, the elements of constant sets, records, tuples
 * and functions over constant domains of those, functions over subsets of a constant set, sets of numbered values, sequences: a sequence
 * that can grow gets {@code Field.OPEN_SLOTS} slots, and a state holding a longer one waits as an
 * object), a method that builds a {@code PackedCodec} of one {@code Field} per variable. The constant sets are evaluated there, in
 * the machine's constructor, by the same code as everywhere else (so strings and model values come
 * from the machine's own table, in its order); a set that is infinite or too large to number means
 * no codec (the explorer then keeps states as objects).
 */
final class CodecEmitter {
  private static final String RT = "io.finalspec.runtime";
  static final ClassName STATE_CODEC = ClassName.get(RT + ".machine", "StateCodec");
  static final ClassName PACKED_CODEC = ClassName.get(RT + ".codec", "PackedCodec");
  static final ClassName FIELD = ClassName.get(RT + ".codec", "Field");

  /** Tuples longer than this are not packed (a slot per position). */
  private static final int MAX_SEQ = 64;

  private final MachineIr ir;
  private final Symbols sym;
  private final ExprEmitter ex;
  private final SourceLines src;

  CodecEmitter(MachineIr ir, Symbols sym, ExprEmitter ex, SourceLines src) {
    this.ir = ir;
    this.sym = sym;
    this.ex = ex;
    this.src = src;
  }

  /** Whether every variable's type can be encoded (then {@link #method} builds the codec). */
  static boolean packable(TypeInference.Result types) {
    if (types.variables().isEmpty()) {
      return false;
    }
    for (TlaType t : types.variables()) {
      if (!packable(t)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Why there is no codec, for the machine's Javadoc: the first variable whose type has no packed
   * form, what the type pass proved of it, and where an assignment last widened it.
   */
  String unpackable(TypeInference.Result types) {
    if (types.variables().isEmpty()) {
      return "the spec has no variables";
    }
    for (int i = 0; i < types.variables().size(); i++) {
      TlaType t = types.variables().get(i);
      if (!packable(t)) {
        io.finalspec.codegen.ast.Span at = types.widenedAt().get(i);
        return "{@code " + Comments.safe(ir.variables().get(i).name()) + "} is " + Comments.safe(describe(t))
            + (t instanceof TlaType.Generic ? " (no narrower type is provable)" : ", which has no finite numbering")
            + (at == null ? "" : "; its type was last widened at " + Comments.safe(at.where()));
      }
    }
    return "every variable has a packed form";
  }

  private static boolean packable(TlaType t) {
    if (t instanceof TlaType.Int) {
      return true;
    }
    if (t instanceof TlaType.Record r) {
      return r.fields().values().stream().allMatch(CodecEmitter::packable);
    }
    if (t instanceof TlaType.Fcn f) {
      return packable(f.range());
    }
    if (t instanceof TlaType.PartialFcn f) {
      return packable(f.range());
    }
    if (t instanceof TlaType.Seq q) {
      // a sequence that can grow gets slots; a state with a longer one is kept as an object
      return (!q.bounded() || q.maxLength() <= MAX_SEQ) && packable(q.element());
    }
    if (t instanceof TlaType.Tuple u) {
      return u.components().size() <= MAX_SEQ && u.components().stream().allMatch(CodecEmitter::packable);
    }
    return numbered(t);
  }

  /** Types with finitely many values, which a set can hold as a bit set. */
  private static boolean numbered(TlaType t) {
    if (t instanceof TlaType.Bool || t instanceof TlaType.Enum || t instanceof TlaType.Bottom) {
      return true;
    }
    if (t instanceof TlaType.Int i) {
      return i.bounded();
    }
    if (t instanceof TlaType.Record r) {
      return r.fields().values().stream().allMatch(CodecEmitter::numbered);
    }
    if (t instanceof TlaType.Fcn f) {
      return numbered(f.range());
    }
    if (t instanceof TlaType.PartialFcn f) {
      return numbered(f.range());
    }
    if (t instanceof TlaType.Set s) {
      return numbered(s.element());
    }
    if (t instanceof TlaType.Seq q) {
      return q.bounded() && q.maxLength() <= MAX_SEQ && numbered(q.element());
    }
    if (t instanceof TlaType.Tuple u) {
      return u.components().size() <= MAX_SEQ && u.components().stream().allMatch(CodecEmitter::numbered);
    }
    return false;
  }

  /** {@code private StateCodec buildCodec()}: the codec of these (packable) types, or null at run time. */
  MethodSpec method(String name, TypeInference.Result types) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE).returns(STATE_CODEC)
        .addJavadoc("The packed encoding of this machine's states, one field per variable, from the types the\n")
        .addJavadoc("type pass inferred:\n<ul>\n");
    List<CodeBlock> names = new ArrayList<>();
    List<CodeBlock> fields = new ArrayList<>();
    List<CodeBlock> args = new ArrayList<>();
    for (int i = 0; i < ir.variables().size(); i++) {
      String v = ir.variables().get(i).name();
      TlaType t = types.variables().get(i);
      m.addJavadoc("<li>{@code $L}: $L</li>\n", Comments.safe(v), Comments.safe(describe(t)));
      names.add(CodeBlock.of("$S", v));
      fields.add(CodeBlock.of("// $L\n$L", Comments.safe(v), field(t)));
      args.add(CodeBlock.of("values[$L]", i));
    }
    m.addJavadoc("</ul>\nNull when one of their constant sets is infinite or too large to number (states then\n")
        .addJavadoc("wait as objects).\n");
    return m.beginControlFlow("try")
        .addCode("return new $T($T.of($L), $T.of(\n$>$L),\nvalues -> new $T($L),\n(values, fingerprint) -> new $T(fingerprint, $L));\n$<",
            PACKED_CODEC, JavaEmitter.LIST, CodeBlock.join(names, ", "), JavaEmitter.LIST, CodeBlock.join(fields, ",\n"),
            sym.state, CodeBlock.join(args, ", "), sym.state, CodeBlock.join(args, ", "))
        .nextControlFlow("catch ($T e)", ActionEmitter.EVAL_EXCEPTION)
        .addStatement("return null")
        .endControlFlow()
        .build();
  }

  private CodeBlock field(TlaType t) {
    if (t instanceof TlaType.Bool) {
      return CodeBlock.of("$T.bool()", FIELD);
    }
    if (t instanceof TlaType.Int i && !i.bounded()) {
      return CodeBlock.of("$T.int32()", FIELD);
    }
    if (t instanceof TlaType.Int i) {
      return members(i.within());
    }
    if (t instanceof TlaType.Enum e) {
      return members(e.within());
    }
    if (t instanceof TlaType.Bottom) {
      return CodeBlock.of("$T.members()", FIELD);
    }
    if (t instanceof TlaType.Record r) {
      List<CodeBlock> keys = new ArrayList<>();
      List<CodeBlock> fs = new ArrayList<>();
      for (Map.Entry<String, TlaType> f : r.fields().entrySet()) {
        keys.add(CodeBlock.of("names.str($S)", f.getKey()));
        fs.add(field(f.getValue()));
      }
      return CodeBlock.of("$T.record(new $T[] {$L}, $L)", FIELD, JavaEmitter.VALUE, CodeBlock.join(keys, ", "),
          CodeBlock.join(fs, ", "));
    }
    if (t instanceof TlaType.Fcn f) {
      return CodeBlock.of("$T.function($L, $L)", FIELD, constant(f.domain().expr()), field(f.range()));
    }
    if (t instanceof TlaType.PartialFcn f) {
      List<CodeBlock> keys = new ArrayList<>();
      for (IrExpr set : merged(f.keys())) {
        keys.add(constant(set));
      }
      return CodeBlock.of("$T.partialFunction($L, $L)", FIELD, field(f.range()), CodeBlock.join(keys, ", "));
    }
    if (t instanceof TlaType.Set s) {
      return CodeBlock.of("$T.setOf($L)", FIELD, field(s.element()));
    }
    if (t instanceof TlaType.Seq q && !q.bounded()) {
      return CodeBlock.of("$T.openSeqOf($L)", FIELD, field(q.element()));
    }
    if (t instanceof TlaType.Seq q) {
      return CodeBlock.of("$T.seqOf($L, $L)", FIELD, field(q.element()), q.maxLength());
    }
    if (t instanceof TlaType.Tuple u) {
      List<CodeBlock> cs = new ArrayList<>();
      u.components().forEach(c -> cs.add(field(c)));
      return CodeBlock.of("$T.tuple($L)", FIELD, CodeBlock.join(cs, ", "));
    }
    throw new IllegalStateException("not packable: " + TlaType.show(t));
  }

  private CodeBlock members(List<TlaType.Closed> sets) {
    List<CodeBlock> vals = new ArrayList<>();
    for (IrExpr set : merged(sets)) {
      vals.add(constant(set));
    }
    return CodeBlock.of("$T.members($L)", FIELD, CodeBlock.join(vals, ", "));
  }

  /** The sets of a type, its literal singletons ({@code {"idle"}}, {@code {0}}) merged into one set literal. */
  private static List<IrExpr> merged(List<TlaType.Closed> sets) {
    List<IrExpr> singles = new ArrayList<>();
    List<IrExpr> out = new ArrayList<>();
    for (TlaType.Closed c : sets) {
      if (c.expr() instanceof IrExpr.Apply a && a.op() == Operator.SET_ENUM && a.args().size() == 1
          && a.args().get(0) instanceof IrExpr.Lit) {
        singles.add(a.args().get(0));
      } else {
        out.add(c.expr());
      }
    }
    if (!singles.isEmpty()) {
      out.add(0, new IrExpr.Apply(singles.get(0).span(), Operator.SET_ENUM, singles));
    }
    return out;
  }

  private CodeBlock constant(IrExpr e) {
    return ex.value(e, Scope.method(null, false, null, "values", "e"));
  }

  /** A type for a comment, its constant sets as the spec writes them. */
  String describe(TlaType t) {
    if (t instanceof TlaType.Int i && i.bounded()) {
      return "an integer in " + sets(i.within());
    }
    if (t instanceof TlaType.Int) {
      return "an integer (32 bits)";
    }
    if (t instanceof TlaType.Enum e) {
      return "one of " + sets(e.within());
    }
    if (t instanceof TlaType.Bool) {
      return "BOOLEAN";
    }
    if (t instanceof TlaType.Record r) {
      List<String> fs = new ArrayList<>();
      r.fields().forEach((k, v) -> fs.add(k + ": " + describe(v)));
      return "[" + String.join(", ", fs) + "]";
    }
    if (t instanceof TlaType.Fcn f) {
      return "[" + text(f.domain().expr()) + " -> " + describe(f.range()) + "]";
    }
    if (t instanceof TlaType.PartialFcn f) {
      return "a function from a subset of " + sets(f.keys()) + " to (" + describe(f.range()) + ")";
    }
    if (t instanceof TlaType.Set s) {
      return "SUBSET (" + describe(s.element()) + ")";
    }
    if (t instanceof TlaType.Seq q && q.bounded()) {
      return "a sequence of at most " + q.maxLength() + " (" + describe(q.element()) + ")";
    }
    if (t instanceof TlaType.Seq q) {
      return "a sequence (" + describe(q.element()) + "), packed up to Field.OPEN_SLOTS long";
    }
    if (t instanceof TlaType.Tuple u) {
      List<String> cs = new ArrayList<>();
      u.components().forEach(c -> cs.add(describe(c)));
      return "<<" + String.join(", ", cs) + ">>";
    }
    if (t instanceof TlaType.Generic) {
      return "any value";
    }
    return TlaType.show(t);
  }

  private String sets(List<TlaType.Closed> sets) {
    List<String> out = new ArrayList<>();
    for (IrExpr set : merged(sets)) {
      out.add(text(set));
    }
    return String.join(" \\cup ", out);
  }

  private String text(IrExpr e) {
    if (e instanceof IrExpr.Apply a && a.op() == Operator.SET_ENUM && a.args().stream().allMatch(x -> x instanceof IrExpr.Lit)) {
      List<String> lits = new ArrayList<>();
      a.args().forEach(x -> lits.add(text(x)));
      return "{" + String.join(", ", lits) + "}";
    }
    if (e.span().equals(TlaType.NO_SPAN) && e instanceof IrExpr.Apply a) {
      // a set the type pass built from a type (no source text): written out from its parts
      return switch (a.op()) {
        case BOOLEAN_SET -> "BOOLEAN";
        case CUP -> text(a.args().get(0)) + " \\cup " + text(a.args().get(1));
        case PRODUCT -> "(" + String.join(") \\X (", a.args().stream().map(this::text).toList()) + ")";
        case BIG_UNION -> a.args().get(0) instanceof IrExpr.Binder b
            ? "the values of the functions in " + text(b.bounds().get(0).set()) : "UNION";
        default -> a.op().name();
      };
    }
    String t = src.text(e.span());
    return t.isEmpty() || t.equals(e.span().where()) ? e.span().where() : t;
  }
}
