package io.finalspec.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Constant subexpressions of state-level code, computed once per machine instead of on every
 * evaluation: a string literal, a set literal, {@code [Acceptors -> Ballots \cup {-1}]} in a
 * {@code TypeOK}. Each becomes a final instance field (never static: the values depend on the
 * model's constants and on the machine's {@code NameTable}) computed at the end of the
 * constructor, and record constructors get their field names sorted once ({@code RecordShape}).
 *
 * <p>Only code that runs after construction (actions, Init, state-level definitions, invariants)
 * reads hoisted fields. An expression whose evaluation may fail (a union of non-sets, an interval
 * over a string) keeps TLC's laziness: its field is null when the constructor's evaluation failed,
 * and its getter then evaluates it again where it is used, failing there as TLC does. Only
 * operators that build values from their arguments (and Cardinality) are hoisted (no CHOOSE, no comprehension, no
 * user operator with arguments, nothing from the TLC module), so the constructor never does work
 * that could be unbounded where the spec would not have done it.
 */
final class Hoisting {
  /** Operators whose constant applications are computed once. */
  private static final Set<Operator> HOISTED = EnumSet.of(Operator.SET_ENUM, Operator.TUPLE, Operator.RECORD,
      Operator.RECORD_SET, Operator.FN_SET, Operator.POWERSET, Operator.PRODUCT, Operator.SEQ, Operator.INTERVAL,
      Operator.CUP, Operator.CAP, Operator.SETMINUS, Operator.NEG, Operator.ADD, Operator.SUB, Operator.MUL,
      Operator.BOOLEAN_SET, Operator.STRING_SET, Operator.NAT, Operator.INT, Operator.SELECT, Operator.DOMAIN,
      Operator.APPLY, Operator.CARDINALITY);

  private record Entry(String field, CodeBlock init, boolean fallible, String doc) {}

  private record Shape(String field, List<String> names) {}

  private final Symbols sym;
  private final SourceLines src;
  private final Map<String, Entry> constants = new LinkedHashMap<>();
  private final Map<List<String>, Shape> shapes = new LinkedHashMap<>();
  private final Map<String, Integer> counters = new LinkedHashMap<>();

  Hoisting(Symbols sym, SourceLines src) {
    this.sym = sym;
    this.src = src;
  }

  /** Whether code in this scope runs only after construction, so it may read hoisted fields. */
  static boolean afterConstruction(Scope sc) {
    return sc.state != null || sc.varsFromPartial || sc.partial != null || sc.primedState != null;
  }

  /** A constant expression worth a field: not already a field, a cached constant or a small integer. */
  boolean worth(IrExpr e) {
    if (e instanceof IrExpr.Lit l) {
      return l.kind() == IrExpr.LitKind.STRING || l.kind() == IrExpr.LitKind.MODEL_VALUE;
    }
    if (e instanceof IrExpr.Apply a) {
      return switch (a.op()) {
        case BOOLEAN_SET, STRING_SET, NAT, INT -> false;
        default -> HOISTED.contains(a.op()) && constant(a);
      };
    }
    return false;
  }

  /** Whether e depends on nothing but the model's constants. */
  boolean constant(IrExpr e) {
    if (e instanceof IrExpr.Lit) {
      return true;
    }
    if (e instanceof IrExpr.Ref r) {
      return r.kind() == IrExpr.RefKind.CONST && sym.constFields.containsKey(r.name());
    }
    if (e instanceof IrExpr.Call c) {
      MachineIr.Definition d = sym.defs.get(c.def());
      return d != null && Symbols.isConstantField(d) && c.args().isEmpty();
    }
    if (e instanceof IrExpr.Apply a) {
      return HOISTED.contains(a.op()) && a.args().stream().allMatch(this::constant);
    }
    return false;
  }

  /** Literals, and sets and tuples of literals of one kind, cannot fail (nothing to compare across kinds). */
  private static boolean infallible(IrExpr e) {
    if (e instanceof IrExpr.Lit) {
      return true;
    }
    if (e instanceof IrExpr.Apply a && a.op() == Operator.NEG) {
      return a.args().get(0) instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.INT;
    }
    if (e instanceof IrExpr.Apply a && (a.op() == Operator.SET_ENUM || a.op() == Operator.TUPLE)) {
      IrExpr.LitKind kind = null;
      for (IrExpr x : a.args()) {
        if (!(x instanceof IrExpr.Lit l) || (kind != null && l.kind() != kind)) {
          return false;
        }
        kind = l.kind();
      }
      return true;
    }
    return false;
  }

  /** The use of the field holding e, whose value {@code init} computes in a constant context. */
  CodeBlock use(IrExpr e, CodeBlock init) {
    String key = init.toString();
    Entry entry = constants.get(key);
    if (entry == null) {
      boolean fallible = !infallible(e);
      String text = src.text(e.span());
      boolean known = !text.isEmpty() && !text.equals(e.span().where());
      String doc = (known ? "{@code " + Comments.safe(text) + "} " : "")
          + "(" + Comments.safe(e.span().where()) + ")";
      entry = new Entry(sym.member(suggestion(e)), init, fallible, doc);
      constants.put(key, entry);
    }
    return entry.fallible() ? CodeBlock.of("this.$L()", entry.field()) : CodeBlock.of("this.$L", entry.field());
  }

  /** The field holding the shape of a record constructor with these field names. */
  String shape(List<String> names) {
    return shapes.computeIfAbsent(List.copyOf(names), n -> new Shape(sym.member(numbered("shape")), n)).field();
  }

  private String suggestion(IrExpr e) {
    if (e instanceof IrExpr.Lit l) {
      String s = identifier(l.text());
      return l.kind() == IrExpr.LitKind.STRING ? "str_" + s : s;
    }
    IrExpr.Apply a = (IrExpr.Apply) e;
    if (a.op() == Operator.SET_ENUM && a.args().isEmpty()) {
      return "emptySet";
    }
    if (a.op() == Operator.NEG && a.args().get(0) instanceof IrExpr.Lit l) {
      return "minus" + identifier(l.text());
    }
    return numbered(switch (a.op()) {
      case SET_ENUM -> "set";
      case TUPLE -> "tuple";
      case RECORD -> "record";
      case RECORD_SET -> "recordSet";
      case FN_SET -> "funSet";
      case POWERSET -> "subset";
      case PRODUCT -> "product";
      case INTERVAL -> "interval";
      case CUP, CAP, SETMINUS -> "setExpr";
      case SEQ -> "seqSet";
      default -> "constant";
    });
  }

  private String numbered(String base) {
    int n = counters.merge(base, 1, Integer::sum);
    return base + n;
  }

  boolean any() {
    return !constants.isEmpty() || !shapes.isEmpty();
  }

  /** Fields of the shapes, assigned first in the constructor (any code may build records). */
  void addShapes(TypeSpec.Builder t, MethodSpec.Builder ctor) {
    for (Shape s : shapes.values()) {
      t.addField(FieldSpec.builder(Helpers.RECORD_SHAPE, s.field(), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Record fields {@code $L}, in this machine's order once.\n", Comments.safe(String.join(", ", s.names())))
          .build());
      List<CodeBlock> names = new ArrayList<>();
      for (String n : s.names()) {
        names.add(CodeBlock.of("$S", n));
      }
      ctor.addStatement("this.$L = names.shape($L)", s.field(), CodeBlock.join(names, ", "));
    }
  }

  /** Fields (and getters of fallible ones) of the hoisted constants, assigned last in the constructor. */
  void addConstants(TypeSpec.Builder t, MethodSpec.Builder ctor, List<MethodSpec> methods) {
    if (!constants.isEmpty()) {
      ctor.addCode("// constant subexpressions of actions and predicates, computed once\n");
    }
    for (Entry c : constants.values()) {
      t.addField(FieldSpec.builder(ExprEmitter.VALUE, c.field(), Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("$L, constant: computed once$L.\n", c.doc(), c.fallible() ? " (null if that failed)" : "").build());
      if (c.fallible()) {
        ctor.addStatement("this.$L = orNull(() -> $L)", c.field(), c.init());
        methods.add(MethodSpec.methodBuilder(c.field()).addModifiers(Modifier.PRIVATE).returns(ExprEmitter.VALUE)
            .addJavadoc("$L; evaluated here, and failing here as in TLC, when the constructor could not.\n", c.doc())
            .addStatement("return $L != null ? $L : $L", c.field(), c.field(), c.init()).build());
      } else {
        ctor.addStatement("this.$L = $L", c.field(), c.init());
      }
    }
  }

  /** An ASCII Java identifier part suggested by spec text (the allocator makes it unique and legal). */
  private static String identifier(String text) {
    String s = text.replaceAll("[^A-Za-z0-9_]", "_");
    s = s.isEmpty() ? "empty" : s;
    return s.length() > 30 ? s.substring(0, 30) : s;
  }
}
