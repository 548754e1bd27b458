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
 * operators that build values from their arguments (and Cardinality) are computed in the
 * constructor, so the constructor never does work that could be unbounded where the spec would not
 * have done it.
 *
 * <p>A constant expression with bound variables of its own ({@code {<<t, s>> : t \in Threads, s
 * \in Sites}}, a quantifier, CHOOSE or IF over constants) is computed on its first use instead and
 * kept: its field is volatile and its getter computes it when the field is still null, so nothing
 * runs that the spec would not run, a failure happens where TLC's does (and is not kept), and two
 * workers that race on the first use compute the same value. Nothing from the TLC module (Print,
 * Assert, ToString) and no action operator is hoisted.
 */
final class Hoisting {
  /** Operators whose constant applications are computed once. */
  private static final Set<Operator> HOISTED = EnumSet.of(Operator.SET_ENUM, Operator.TUPLE, Operator.RECORD,
      Operator.RECORD_SET, Operator.FN_SET, Operator.POWERSET, Operator.PRODUCT, Operator.SEQ, Operator.INTERVAL,
      Operator.CUP, Operator.CAP, Operator.SETMINUS, Operator.NEG, Operator.ADD, Operator.SUB, Operator.MUL,
      Operator.BOOLEAN_SET, Operator.STRING_SET, Operator.NAT, Operator.INT, Operator.SELECT, Operator.DOMAIN,
      Operator.APPLY, Operator.CARDINALITY);

  /** A hoisted constant; {@code lazy}: computed on first use (it binds variables of its own). */
  private record Entry(String field, CodeBlock init, boolean fallible, boolean lazy, String doc) {}

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
    return sc.state != null || sc.varsFromPartial || sc.hasPartial() || sc.primedState != null || sc.lifted;
  }

  /** A constant expression worth a field: not already a field, a cached constant or a small integer. */
  boolean worth(IrExpr e) {
    if (e instanceof IrExpr.Lit l) {
      return l.kind() == IrExpr.LitKind.STRING || l.kind() == IrExpr.LitKind.MODEL_VALUE;
    }
    if (e instanceof IrExpr.Apply a) {
      return switch (a.op()) {
        case BOOLEAN_SET, STRING_SET, NAT, INT -> false;
        default -> HOISTED.contains(a.op()) && constant(a) || binds(a) && closedConstant(a, Set.of());
      };
    }
    return binds(e) && closedConstant(e, Set.of());
  }

  /**
   * Whether e depends on nothing but the model's constants and variables it binds itself
   * ({@code bound}: the ids bound around the current subexpression, inside e), and evaluates
   * nothing with an effect or from the TLC module.
   */
  private boolean closedConstant(IrExpr e, Set<Integer> bound) {
    if (e instanceof IrExpr.Ref r) {
      return r.kind() == IrExpr.RefKind.BOUND ? bound.contains(r.index()) : constant(r);
    }
    if (e instanceof IrExpr.Lit || e instanceof IrExpr.Call) {
      return constant(e);
    }
    if (e instanceof IrExpr.Apply a) {
      Operator.Theory theory = a.op().theory();
      return theory != Operator.Theory.TLC && theory != Operator.Theory.ACTIONS
          && a.args().stream().allMatch(x -> closedConstant(x, bound));
    }
    if (e instanceof IrExpr.Binder b) {
      Set<Integer> inner = new java.util.HashSet<>(bound);
      for (IrExpr.Bound bd : b.bounds()) {
        if (!closedConstant(bd.set(), bound)) {
          return false;
        }
        inner.addAll(bd.ids());
      }
      return closedConstant(b.body(), inner);
    }
    if (e instanceof IrExpr.If i) {
      return closedConstant(i.cond(), bound) && closedConstant(i.then(), bound) && closedConstant(i.otherwise(), bound);
    }
    if (e instanceof IrExpr.Case c) {
      return c.arms().stream().allMatch(a -> closedConstant(a.guard(), bound) && closedConstant(a.body(), bound))
          && (c.other() == null || closedConstant(c.other(), bound));
    }
    if (e instanceof IrExpr.Let let) {
      Set<Integer> inner = new java.util.HashSet<>(bound);
      for (IrExpr.LetDef d : let.defs()) {
        if (!closedConstant(d.value(), inner)) {
          return false;
        }
        inner.add(d.id());
      }
      return closedConstant(let.body(), inner);
    }
    return false;   // EXCEPT and its @: left where they are
  }

  /** Whether e binds a variable somewhere inside (a quantifier, CHOOSE, a comprehension, LET) or branches. */
  private static boolean binds(IrExpr e) {
    if (e instanceof IrExpr.Binder || e instanceof IrExpr.Let || e instanceof IrExpr.If || e instanceof IrExpr.Case) {
      return true;
    }
    return e instanceof IrExpr.Apply a && a.args().stream().anyMatch(Hoisting::binds);
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
      boolean lazy = binds(e);
      boolean fallible = !infallible(e);
      String text = src.text(e.span());
      boolean known = !text.isEmpty() && !text.equals(e.span().where());
      String doc = (known ? "{@code " + Comments.safe(text) + "} " : "")
          + "(" + Comments.safe(e.span().where()) + ")";
      entry = new Entry(sym.member(suggestion(e)), init, fallible, lazy, doc);
      constants.put(key, entry);
    }
    return entry.fallible() || entry.lazy() ? CodeBlock.of("this.$L()", entry.field()) : CodeBlock.of("this.$L", entry.field());
  }

  /** The field holding the shape of a record constructor with these field names. */
  String shape(List<String> names) {
    return shapes.computeIfAbsent(List.copyOf(names), n -> new Shape(sym.member(numbered("shape")), n)).field();
  }

  private String suggestion(IrExpr e) {
    if (e instanceof IrExpr.Binder b) {
      return numbered(switch (b.kind()) {
        case SET_MAP, SET_FILTER -> "setOf";
        case FUNCTION -> "function";
        case CHOOSE -> "chosen";
        case EXISTS, FORALL -> "holds";
        case SELECT_SEQ -> "selected";
        case BAG_OF_ALL -> "bagOfAll";
      });
    }
    if (e instanceof IrExpr.Lit l) {
      String s = identifier(l.text());
      return l.kind() == IrExpr.LitKind.STRING ? "str_" + s : s;
    }
    if (!(e instanceof IrExpr.Apply)) {
      return numbered("constant");
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
      if (c.lazy()) {
        addLazy(t, c, methods);
        continue;
      }
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

  /** A constant computed on its first use: a volatile field and the getter that fills it. */
  private static void addLazy(TypeSpec.Builder t, Entry c, List<MethodSpec> methods) {
    t.addField(FieldSpec.builder(ExprEmitter.VALUE, c.field(), Modifier.PRIVATE, Modifier.VOLATILE)
        .addJavadoc("$L, constant: computed on its first use and kept (null until then).\n", c.doc()).build());
    methods.add(MethodSpec.methodBuilder(c.field()).addModifiers(Modifier.PRIVATE).returns(ExprEmitter.VALUE)
        .addJavadoc("$L; computed here the first time, where the spec first needs it (a failure is not kept).\n", c.doc())
        .beginControlFlow("if (this.$L == null)", c.field())
        .addStatement("this.$L = $L", c.field(), c.init())
        .endControlFlow()
        .addStatement("return this.$L", c.field()).build());
  }

  /** An ASCII Java identifier part suggested by spec text (the allocator makes it unique and legal). */
  private static String identifier(String text) {
    String s = text.replaceAll("[^A-Za-z0-9_]", "_");
    s = s.isEmpty() ? "empty" : s;
    return s.length() > 30 ? s.substring(0, 30) : s;
  }
}
