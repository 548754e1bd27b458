package io.finalspec.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * IR expressions to Java expressions over the runtime facade {@code Tla}: {@link #value} gives a
 * {@code Value}, {@link #cond} a Java {@code boolean} (logic stays in Java operators, short-circuit
 * left to right like TLC's). Strings and field names always go through {@code $S}.
 *
 * <p>In code that runs once a state (actions, invariants, state-level definitions), quantifiers,
 * CHOOSE, LET and EXCEPT with {@code @} become private methods of their own ({@link Lifting}).
 * Elsewhere (the constructor, set comprehensions) binders are lambdas whose parameters are named
 * after the TLA+ bound variables.
 */
final class ExprEmitter {
  static final ClassName TLA = ClassName.get("io.finalspec.runtime.value", "Tla");
  static final ClassName BAGS = ClassName.get("io.finalspec.runtime.value", "Bags");
  static final ClassName VALUE = ClassName.get("io.finalspec.runtime.value", "Value");
  static final ClassName STRING = ClassName.get(String.class);

  /** Makes the method that decides {@code ENABLED A} for one occurrence; see {@link JavaEmitter}. */
  interface EnabledMethods {
    /** The name of a {@code boolean m(State s, Value... captured)} method for this ENABLED. */
    String method(IrExpr.Apply enabled, List<IrExpr.Ref> captured);
  }

  /** Makes the variant of a state-level definition that reads the variables from a partial state (Init). */
  interface PartialMethods {
    String method(MachineIr.Definition d);
  }

  private final Symbols sym;
  private Hoisting hoisting;
  /** Makes binders of code that runs once a state into methods, or null: binders stay lambdas. */
  private Lifting lifting;
  private EnabledMethods enabledMethods;
  private PartialMethods partialMethods;

  ExprEmitter(Symbols sym) {
    this.sym = sym;
  }

  /** Constant subexpressions of code run after construction become fields ({@link Hoisting}). */
  void setHoisting(Hoisting h) {
    this.hoisting = h;
  }

  void setEnabledMethods(EnabledMethods m) {
    this.enabledMethods = m;
  }

  void setPartialMethods(PartialMethods m) {
    this.partialMethods = m;
  }

  /** Binders of code that runs once a state become methods added to {@code sink} ({@link Lifting}). */
  void setLifting(Consumer<MethodSpec> sink, SourceLines source) {
    this.lifting = new Lifting(this, sym, sink, source);
  }

  /** Whether binders in this scope become methods of their own: code that runs once a state. */
  private boolean lifts(Scope sc) {
    return lifting != null && Hoisting.afterConstruction(sc);
  }

  CodeBlock value(IrExpr e, Scope sc) {
    if (hoisting != null && Hoisting.afterConstruction(sc) && hoisting.worth(e)) {
      // the initializer runs in the constructor: a constant scope, where nothing is hoisted
      return hoisting.use(e, plainValue(e, Scope.method(null, false, null)));
    }
    return plainValue(e, sc);
  }

  private CodeBlock plainValue(IrExpr e, Scope sc) {
    if (e instanceof IrExpr.Lit l) {
      switch (l.kind()) {
        case INT:
          return CodeBlock.of("$T.integer($L)", TLA, Integer.parseInt(l.text()));
        case STRING:
          return CodeBlock.of("names.str($S)", l.text());
        case BOOL:
          return CodeBlock.of("$T.$L", TLA, Boolean.parseBoolean(l.text()) ? "TRUE" : "FALSE");
        default:
          return CodeBlock.of("names.modelValue($S)", l.text());
      }
    }
    if (e instanceof IrExpr.Ref r) {
      return ref(r, sc);
    }
    if (e instanceof IrExpr.Apply a) {
      if (a.op().isPredicate()) {
        return CodeBlock.of("$T.bool($L)", TLA, cond(e, sc));
      }
      return apply(a, sc);
    }
    if (e instanceof IrExpr.Call c) {
      return call(c, sc);
    }
    if (e instanceof IrExpr.Binder b) {
      if (b.kind() == IrExpr.BinderKind.EXISTS || b.kind() == IrExpr.BinderKind.FORALL) {
        return CodeBlock.of("$T.bool($L)", TLA, cond(e, sc));
      }
      return binder(b, sc);
    }
    if (e instanceof IrExpr.Let l) {
      return let(l, sc);
    }
    if (e instanceof IrExpr.If i) {
      return CodeBlock.of("($L ? $L : $L)", cond(i.cond(), sc), value(i.then(), sc), value(i.otherwise(), sc));
    }
    if (e instanceof IrExpr.Case c) {
      CodeBlock rest = c.other() != null ? value(c.other(), sc)
          : CodeBlock.of("caseFail($S)", c.span().where());
      for (int i = c.arms().size() - 1; i >= 0; i--) {
        IrExpr.Arm arm = c.arms().get(i);
        rest = CodeBlock.of("($L ? $L : $L)", cond(arm.guard(), sc), value(arm.body(), sc), rest);
      }
      return rest;
    }
    return except((IrExpr.Except) e, sc);
  }

  /** {@code S \cap T = {}} (either side): tested without building the intersection. */
  private static boolean isDisjointness(List<IrExpr> eq) {
    return eq.size() == 2 && (isEmptySetLiteral(eq.get(1)) && isIntersection(eq.get(0))
        || isEmptySetLiteral(eq.get(0)) && isIntersection(eq.get(1)));
  }

  private static boolean isEmptySetLiteral(IrExpr e) {
    return e instanceof IrExpr.Apply a && a.op() == Operator.SET_ENUM && a.args().isEmpty();
  }

  private static boolean isIntersection(IrExpr e) {
    return e instanceof IrExpr.Apply a && a.op() == Operator.CAP && a.args().size() == 2;
  }

  private CodeBlock disjoint(List<IrExpr> eq, Scope sc) {
    IrExpr.Apply cap = (IrExpr.Apply) (isIntersection(eq.get(0)) ? eq.get(0) : eq.get(1));
    return CodeBlock.of("$T.disjoint($L, $L)", TLA, value(cap.args().get(0), sc), value(cap.args().get(1), sc));
  }

  CodeBlock cond(IrExpr e, Scope sc) {
    if (e instanceof IrExpr.Lit l && l.kind() == IrExpr.LitKind.BOOL) {
      return CodeBlock.of("$L", Boolean.parseBoolean(l.text()));
    }
    if (e instanceof IrExpr.Apply a && a.op().isPredicate()) {
      List<IrExpr> x = a.args();
      switch (a.op()) {
        case AND:
          return join(x, " && ", sc);
        case OR:
          return join(x, " || ", sc);
        case NOT:
          return CodeBlock.of("!$L", paren(cond(x.get(0), sc)));
        case IMPLIES:
          return CodeBlock.of("(!$L || $L)", paren(cond(x.get(0), sc)), paren(cond(x.get(1), sc)));
        case EQUIV:
          return CodeBlock.of("($L == $L)", cond(x.get(0), sc), cond(x.get(1), sc));
        case EQ:
          if (isDisjointness(x)) {
            return disjoint(x, sc);
          }
          return CodeBlock.of("$T.eq($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case NEQ:
          if (isDisjointness(x)) {
            return CodeBlock.of("!$L", disjoint(x, sc));
          }
          return CodeBlock.of("$T.neq($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case IN:
          if (isSimpleFilter(x.get(1))) {
            return inFilter(x.get(0), (IrExpr.Binder) x.get(1), sc);
          }
          return CodeBlock.of("$T.in($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case NOTIN:
          if (isSimpleFilter(x.get(1))) {
            return CodeBlock.of("!$L", inFilter(x.get(0), (IrExpr.Binder) x.get(1), sc));
          }
          return CodeBlock.of("$T.notin($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case SUBSETEQ:
          return CodeBlock.of("$T.subseteq($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case IS_FINITE:
          return CodeBlock.of("$T.isFiniteSet($L)", TLA, value(x.get(0), sc));
        case IS_A_BAG:
          return CodeBlock.of("$T.isABag($L)", BAGS, value(x.get(0), sc));
        case BAG_IN:
          return CodeBlock.of("$T.bagIn($L, $L)", BAGS, value(x.get(0), sc), value(x.get(1), sc));
        case SQ_SUBSETEQ:
          return CodeBlock.of("$T.sqSubseteq($L, $L)", BAGS, value(x.get(0), sc), value(x.get(1), sc));
        case LT:
          return CodeBlock.of("$T.lt($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case LE:
          return CodeBlock.of("$T.le($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case GT:
          return CodeBlock.of("$T.gt($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case GE:
          return CodeBlock.of("$T.ge($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        case ENABLED: {
          if (sc.state == null) {
            throw new IllegalStateException("ENABLED in a constant context");
          }
          List<IrExpr.Ref> captured = new ArrayList<>(io.finalspec.codegen.ir.FreeVars.of(x.get(0)).values());
          List<CodeBlock> parts = new ArrayList<>();
          parts.add(CodeBlock.of("$L", sc.state));
          for (IrExpr.Ref r : captured) {
            parts.add(ref(r, sc));
          }
          return CodeBlock.of("$L($L)", enabledMethods.method(a, captured), CodeBlock.join(parts, ", "));
        }
        case UNCHANGED: {
          List<CodeBlock> parts = new ArrayList<>();
          for (IrExpr u : x) {
            if (u instanceof IrExpr.Ref r && r.kind() == RefKind.VAR) {
              IrExpr.Ref primed = new IrExpr.Ref(r.span(), RefKind.PRIMED, r.name(), r.index());
              parts.add(CodeBlock.of("$T.eq($L, $L)", TLA, ref(primed, sc), ref(r, sc)));
            } else {
              parts.add(cond(u, sc));
            }
          }
          return parts.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(parts, " && ");
        }
        default:
          break;
      }
    }
    if (e instanceof IrExpr.Binder b && (b.kind() == IrExpr.BinderKind.EXISTS || b.kind() == IrExpr.BinderKind.FORALL)) {
      return lifts(sc) ? lifting.quantifier(b, sc) : quantifier(b, 0, sc);
    }
    if (e instanceof IrExpr.If i) {
      return CodeBlock.of("($L ? $L : $L)", cond(i.cond(), sc), cond(i.then(), sc), cond(i.otherwise(), sc));
    }
    return CodeBlock.of("$T.asBool($L)", TLA, value(e, sc));
  }

  /** {@code {x \in S : P}} with one plain bound variable. */
  private static boolean isSimpleFilter(IrExpr e) {
    return e instanceof IrExpr.Binder b && b.kind() == IrExpr.BinderKind.SET_FILTER && b.bounds().size() == 1
        && !b.bounds().get(0).tuple() && b.bounds().get(0).names().size() == 1;
  }

  /** {@code v \in {x \in S : P}} tested on v alone, as TLC does, instead of filtering all of S. */
  private CodeBlock inFilter(IrExpr v, IrExpr.Binder filter, Scope sc) {
    IrExpr.Bound bd = filter.bounds().get(0);
    CodeBlock elem = value(v, sc);
    CodeBlock set = value(bd.set(), sc);
    Scope inner = sc.child();
    String p = inner.bind(bd.ids().get(0), bd.names().get(0));
    return CodeBlock.of("$T.inFilter($L, $L, $L -> $L)", TLA, elem, set, p, cond(filter.body(), inner));
  }

  static CodeBlock paren(CodeBlock c) {
    return CodeBlock.of("($L)", c);
  }

  private CodeBlock join(List<IrExpr> xs, String op, Scope sc) {
    List<CodeBlock> parts = new ArrayList<>();
    for (IrExpr x : xs) {
      parts.add(paren(cond(x, sc)));
    }
    return CodeBlock.of("($L)", CodeBlock.join(parts, op));
  }

  CodeBlock ref(IrExpr.Ref r, Scope sc) {
    switch (r.kind()) {
      case VAR:
        if (sc.varsFromPartial) {
          return CodeBlock.of("read($L, $L, $S)", sc.partial, r.index(), r.name());
        }
        if (sc.state == null) {
          throw new IllegalStateException("variable " + r.name() + " in a constant context");
        }
        return CodeBlock.of("$L.$L", sc.state, sym.varFields[r.index()]);
      case PRIMED:
        if (sc.primedState != null) {
          return CodeBlock.of("$L.$L", sc.primedState, sym.varFields[r.index()]);
        }
        if (sc.next != null && sc.next[r.index()] != null) {
          return sc.next[r.index()];
        }
        if (!sc.hasPartial()) {
          throw new IllegalStateException("primed variable " + r.name() + " outside an action");
        }
        // unassigned (in the locals of sc.next) or not known to be: TLC's error when it has no value
        return CodeBlock.of("read($L, $L, $S)", sc.partialArray(), r.index(), r.name() + "'");
      case CONST: {
        String f = sym.constFields.get(r.name());
        return CodeBlock.of("this.$L", f);
      }
      default:
        return CodeBlock.of("$L", sc.local(r.index()));
    }
  }

  private CodeBlock args(List<IrExpr> xs, Scope sc) {
    List<CodeBlock> parts = new ArrayList<>();
    for (IrExpr x : xs) {
      parts.add(value(x, sc));
    }
    return CodeBlock.join(parts, ", ");
  }

  private CodeBlock apply(IrExpr.Apply a, Scope sc) {
    List<IrExpr> x = a.args();
    String fn;
    switch (a.op()) {
      case CUP: fn = "union"; break;
      case CAP: fn = "intersect"; break;
      case SETMINUS: fn = "minus"; break;
      case POWERSET: fn = "subsetOf"; break;
      case BIG_UNION:
        if (x.get(0) instanceof IrExpr.Binder b && b.kind() == IrExpr.BinderKind.SET_MAP) {
          // UNION {e : x \in S}: the parts' elements merged, the set of parts never built or sorted
          return binder(b, sc, "unionOfMap");
        }
        fn = "bigUnion";
        break;
      case SET_ENUM: fn = "set"; break;
      case PRODUCT: fn = "product"; break;
      case FN_SET: fn = "funSet"; break;
      case CARDINALITY: fn = "cardinality"; break;
      case APPLY: fn = "apply"; break;
      case DOMAIN: fn = "domain"; break;
      case TUPLE: fn = "tuple"; break;
      case COLON_GT: fn = "colonGt"; break;
      case AT_AT: fn = "atAt"; break;
      case INTERVAL: fn = "interval"; break;
      case ADD: fn = "add"; break;
      case SUB: fn = "sub"; break;
      case MUL: fn = "mul"; break;
      case DIV: fn = "div"; break;
      case MOD: fn = "mod"; break;
      case POW: fn = "pow"; break;
      case NEG: fn = "neg"; break;
      case SEQ: fn = "seqSet"; break;
      case LEN: fn = "len"; break;
      case APPEND: fn = "append"; break;
      case HEAD: fn = "head"; break;
      case TAIL: fn = "tail"; break;
      case SUBSEQ: fn = "subSeq"; break;
      case CONCAT: fn = "concat"; break;
      case PRINT: fn = "print"; break;
      case PRINT_T: fn = "printT"; break;
      case TO_STRING: return CodeBlock.of("names.toStringValue($L)", args(x, sc));
      case PERMUTATIONS: fn = "permutations"; break;
      case EMPTY_BAG: return CodeBlock.of("$T.EMPTY", BAGS);
      case BAG_TO_SET: return CodeBlock.of("$T.bagToSet($L)", BAGS, args(x, sc));
      case SET_TO_BAG: return CodeBlock.of("$T.setToBag($L)", BAGS, args(x, sc));
      case COPIES_IN: return CodeBlock.of("$T.copiesIn($L)", BAGS, args(x, sc));
      case BAG_CARDINALITY: return CodeBlock.of("$T.bagCardinality($L)", BAGS, args(x, sc));
      case BAG_PLUS: return CodeBlock.of("$T.plus($L)", BAGS, args(x, sc));
      case BAG_MINUS: return CodeBlock.of("$T.minus($L)", BAGS, args(x, sc));
      case BAG_UNION: return CodeBlock.of("$T.bagUnion($L)", BAGS, args(x, sc));
      case SUB_BAG: return CodeBlock.of("$T.subBag($L)", BAGS, args(x, sc));
      case BOOLEAN_SET: return CodeBlock.of("$T.BOOLEAN", TLA);
      case STRING_SET: return CodeBlock.of("$T.STRING", TLA);
      case NAT: return CodeBlock.of("$T.NAT", TLA);
      case INT: return CodeBlock.of("$T.INT", TLA);
      case ASSERT:
        return CodeBlock.of("$T.assertTrue($L, $L)", TLA, cond(x.get(0), sc), value(x.get(1), sc));
      case SELECT:
        if (hoisting != null && Hoisting.afterConstruction(sc)) {
          // the field name as the table's string, compared by identity with the record's names
          return CodeBlock.of("$T.dot($L, $L)", TLA, value(x.get(0), sc), value(x.get(1), sc));
        }
        return CodeBlock.of("$T.dot($L, $S)", TLA, value(x.get(0), sc), ((IrExpr.Lit) x.get(1)).text());
      case RECORD: {
        List<String> fields = new ArrayList<>();
        List<CodeBlock> vals = new ArrayList<>();
        for (int i = 0; i < x.size(); i += 2) {
          fields.add(((IrExpr.Lit) x.get(i)).text());
          vals.add(value(x.get(i + 1), sc));
        }
        if (hoisting != null) {
          // the field names sorted once per machine (RecordShape), not on every record built
          return CodeBlock.of("this.$L.record($L)", hoisting.shape(fields), CodeBlock.join(vals, ", "));
        }
        return CodeBlock.of("names.record(new $T[] {$L}, new $T[] {$L})", STRING,
            CodeBlock.join(fields.stream().map(f -> CodeBlock.of("$S", f)).toList(), ", "), VALUE, CodeBlock.join(vals, ", "));
      }
      case RECORD_SET: {
        List<CodeBlock> names = new ArrayList<>();
        List<CodeBlock> vals = new ArrayList<>();
        for (int i = 0; i < x.size(); i += 2) {
          names.add(CodeBlock.of("$S", ((IrExpr.Lit) x.get(i)).text()));
          vals.add(value(x.get(i + 1), sc));
        }
        // field names are strings of this machine's table
        return CodeBlock.of("names.$L(new $T[] {$L}, new $T[] {$L})",
            a.op() == Operator.RECORD ? "record" : "recordSet", STRING, CodeBlock.join(names, ", "), VALUE,
            CodeBlock.join(vals, ", "));
      }
      default:
        throw new IllegalStateException("no emitter case for " + a.op());
    }
    return CodeBlock.of("$T.$L($L)", TLA, fn, args(x, sc));
  }

  private CodeBlock call(IrExpr.Call c, Scope sc) {
    MachineIr.Definition d = sym.defs.get(c.def());
    String name = sym.defNames.get(c.def());
    if (d == null) {
      throw new IllegalStateException("call of unknown definition " + c.def());
    }
    if (Symbols.isConstantField(d)) {
      // null when its evaluation failed in the constructor: evaluated (and failing) where used, as in TLC
      return CodeBlock.of("(this.$L != null ? this.$L : $L())", name, name, sym.constEvalNames.get(d.name()));
    }
    List<CodeBlock> parts = new ArrayList<>();
    if (d.level() >= 1) {
      if (sc.state == null && sc.varsFromPartial) {
        // Init: a state-level (recursive) operator reads the variables assigned so far
        List<CodeBlock> args = new ArrayList<>(List.of(CodeBlock.of("$L", sc.partial)));
        for (IrExpr a : c.args()) {
          args.add(value(a, sc));
        }
        return CodeBlock.of("$L($L)", partialMethods.method(d), CodeBlock.join(args, ", "));
      }
      if (sc.state == null) {
        throw new IllegalStateException("state-level " + d.name() + " in a constant context");
      }
      parts.add(CodeBlock.of("$L", sc.state));
    }
    for (IrExpr a : c.args()) {
      parts.add(value(a, sc));
    }
    if (d.function() && c.args().size() == d.captured()) {
      // the function as a value: [x \in domain |-> f[x]]
      Scope inner = sc.child();
      int arity = d.params().size() - d.captured();
      String p = inner.fresh(arity == 1 ? d.params().get(d.captured()) : "t");
      for (int i = 0; i < arity; i++) {
        parts.add(arity == 1 ? CodeBlock.of("$L", p) : CodeBlock.of("$T.apply($L, $T.integer($L))", TLA, p, TLA, i + 1));
      }
      IrExpr domain = d.domain();
      return CodeBlock.of("$T.fcn($L, $L -> this.$L($L))", TLA, value(domain, sc), p, name, CodeBlock.join(parts, ", "));
    }
    return CodeBlock.of("this.$L($L)", name, CodeBlock.join(parts, ", "));
  }

  /** {@code \E}/{@code \A} over bounds[i..]: nested lambdas, tuple patterns destructured. */
  private CodeBlock quantifier(IrExpr.Binder b, int i, Scope sc) {
    if (i == b.bounds().size()) {
      return cond(b.body(), sc);
    }
    IrExpr.Bound bd = b.bounds().get(i);
    String fn = b.kind() == IrExpr.BinderKind.EXISTS ? "exists" : "forall";
    CodeBlock set = value(bd.set(), sc);
    CodeBlock acc;
    Scope inner = sc.child();
    if (bd.tuple()) {
      String t = inner.fresh("t");
      CodeBlock binds = destructure(bd, t, inner);
      return CodeBlock.of("$T.$L($L, $L -> {\n$>$Lreturn $L;\n$<})", TLA, fn, set, t, binds, quantifier(b, i + 1, inner));
    }
    List<String> locals = new ArrayList<>();
    for (int k = 0; k < bd.names().size(); k++) {
      locals.add(inner.bind(bd.ids().get(k), bd.names().get(k)));
    }
    acc = quantifier(b, i + 1, inner);
    for (int k = locals.size() - 1; k >= 0; k--) {
      acc = CodeBlock.of("$T.$L($L, $L -> $L)", TLA, fn, set, locals.get(k), acc);
    }
    return acc;
  }

  /** Declarations {@code Value a = t[1]; Value b = t[2];} for a tuple pattern. */
  CodeBlock destructure(IrExpr.Bound bd, String t, Scope inner) {
    CodeBlock.Builder cb = CodeBlock.builder();
    for (int k = 0; k < bd.names().size(); k++) {
      String n = inner.bind(bd.ids().get(k), bd.names().get(k));
      cb.add("$T $L = $T.apply($L, $T.integer($L));\n", VALUE, n, TLA, t, TLA, k + 1);
    }
    return cb.build();
  }

  private CodeBlock binder(IrExpr.Binder b, Scope sc) {
    IrExpr restricted = restrictedFunction(b, sc);
    if (restricted != null) {
      return CodeBlock.of("$T.restrict($L, $L)", TLA, value(restricted, sc), value(b.bounds().get(0).set(), sc));
    }
    return binder(b, sc, "map");
  }

  /**
   * {@code f} when {@code b} is {@code [x \in S |-> f[x]]} with {@code f} a variable of a whole
   * state, a constant, a bound name other than {@code x}, or {@code @}: values whose evaluation
   * cannot fail, so that evaluating {@code f} once, even for an empty {@code S}, is what the
   * constructor's body would do (null otherwise).
   */
  private static IrExpr restrictedFunction(IrExpr.Binder b, Scope sc) {
    if (b.kind() != IrExpr.BinderKind.FUNCTION || b.bounds().size() != 1) {
      return null;
    }
    IrExpr.Bound bound = b.bounds().get(0);
    if (bound.tuple() || bound.ids().size() != 1
        || !(b.body() instanceof IrExpr.Apply a) || a.op() != Operator.APPLY || a.args().size() != 2
        || !(a.args().get(1) instanceof IrExpr.Ref arg) || arg.kind() != RefKind.BOUND
        || arg.index() != bound.ids().get(0)
        || !(a.args().get(0) instanceof IrExpr.Ref f)) {
      return null;
    }
    boolean cannotFail = f.kind() == RefKind.VAR && !sc.varsFromPartial
        || f.kind() == RefKind.CONST || f.kind() == RefKind.AT
        || f.kind() == RefKind.BOUND && f.index() != bound.ids().get(0);
    return cannotFail ? f : null;
  }

  /** A binder; {@code mapFn}: the runtime method a set map {@code {e : x \in S}} calls. */
  private CodeBlock binder(IrExpr.Binder b, Scope sc, String mapFn) {
    if (b.kind() == IrExpr.BinderKind.CHOOSE && b.bounds().size() == 1
        && (b.bounds().get(0).tuple() || b.bounds().get(0).names().size() == 1) && lifts(sc)) {
      return lifting.choose(b, sc);
    }
    Scope inner = sc.child();
    List<IrExpr.Bound> bounds = b.bounds();
    CodeBlock set;
    String param;
    CodeBlock binds;
    boolean single = bounds.size() == 1 && !bounds.get(0).tuple() && bounds.get(0).names().size() == 1;
    if (bounds.size() == 1 && bounds.get(0).tuple()) {
      // {<<a, b>> \in S : ...}: one element of S, destructured
      IrExpr.Bound bd = bounds.get(0);
      set = value(bd.set(), sc);
      param = inner.fresh("t");
      binds = destructure(bd, param, inner);
    } else if (single) {
      IrExpr.Bound bd = bounds.get(0);
      set = value(bd.set(), sc);
      param = inner.bind(bd.ids().get(0), bd.names().get(0));
      binds = CodeBlock.of("");
    } else {
      // several bound variables range over the product of their sets, bound from the tuple
      List<CodeBlock> sets = new ArrayList<>();
      CodeBlock.Builder cb = CodeBlock.builder();
      param = inner.fresh("t");
      int pos = 1;
      for (IrExpr.Bound bd : bounds) {
        CodeBlock s = value(bd.set(), sc);
        if (bd.tuple()) {
          sets.add(s);
          String tn = inner.fresh("t");
          cb.add("$T $L = $T.apply($L, $T.integer($L));\n", VALUE, tn, TLA, param, TLA, pos++);
          cb.add(destructure(bd, tn, inner));
        } else {
          for (int k = 0; k < bd.names().size(); k++) {
            sets.add(s);
            String n = inner.bind(bd.ids().get(k), bd.names().get(k));
            cb.add("$T $L = $T.apply($L, $T.integer($L));\n", VALUE, n, TLA, param, TLA, pos++);
          }
        }
      }
      set = sets.size() == 1 ? sets.get(0) : CodeBlock.of("$T.product($L)", TLA, CodeBlock.join(sets, ", "));
      binds = cb.build();
    }
    String fn;
    boolean predicate;
    ClassName owner = TLA;
    switch (b.kind()) {
      case CHOOSE: fn = "choose"; predicate = true; break;
      case SET_FILTER: fn = "filter"; predicate = true; break;
      case SET_MAP: fn = mapFn; predicate = false; break;
      case FUNCTION: fn = "fcn"; predicate = false; break;
      case SELECT_SEQ: fn = "selectSeq"; predicate = true; break;
      case BAG_OF_ALL: fn = "bagOfAll"; predicate = false; owner = BAGS; break;
      default: throw new IllegalStateException(b.kind().toString());
    }
    CodeBlock body = predicate ? cond(b.body(), inner) : value(b.body(), inner);
    if (binds.isEmpty()) {
      return CodeBlock.of("$T.$L($L, $L -> $L)", owner, fn, set, param, body);
    }
    return CodeBlock.of("$T.$L($L, $L -> {\n$>$Lreturn $L;\n$<})", owner, fn, set, param, binds, body);
  }

  /** {@code LET a == e IN body} in an expression: {@code let(e, a -> body)}. */
  private CodeBlock let(IrExpr.Let l, Scope sc) {
    if (lifts(sc)) {
      return lifting.let(l, sc);
    }
    Scope inner = sc.child();
    List<CodeBlock> heads = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (IrExpr.LetDef d : l.defs()) {
      heads.add(value(d.value(), inner));
      names.add(inner.bind(d.id(), d.name()));
    }
    CodeBlock acc = value(l.body(), inner);
    for (int i = names.size() - 1; i >= 0; i--) {
      acc = CodeBlock.of("let($L, $L -> $L)", heads.get(i), names.get(i), acc);
    }
    return acc;
  }

  private CodeBlock except(IrExpr.Except x, Scope sc) {
    CodeBlock acc = value(x.fn(), sc);
    for (IrExpr.Clause c : x.clauses()) {
      List<CodeBlock> path = new ArrayList<>();
      for (IrExpr p : c.path()) {
        path.add(value(p, sc));
      }
      CodeBlock keys = CodeBlock.of("new $T[] {$L}", VALUE, CodeBlock.join(path, ", "));
      boolean at = usesAt(c.value(), c.atId());
      if (at && lifts(sc)) {
        acc = lifting.except(x, c, acc, path, sc);
      } else if (at) {
        Scope inner = sc.child();
        String old = inner.bind(c.atId(), "old");
        acc = CodeBlock.of("$T.exceptWith($L, $L, $L -> $L)", TLA, acc, keys, old, value(c.value(), inner));
      } else if (path.size() == 1) {
        acc = CodeBlock.of("$T.except($L, $L, $L)", TLA, acc, path.get(0), value(c.value(), sc));
      } else {
        acc = CodeBlock.of("$T.except($L, $L, $L)", TLA, acc, keys, value(c.value(), sc));
      }
    }
    return acc;
  }

  private static boolean usesAt(IrExpr e, int atId) {
    return IrTree.anyMatch(e, x -> x instanceof IrExpr.Ref r && r.kind() == RefKind.AT && r.index() == atId);
  }
}
