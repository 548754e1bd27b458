package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Expr;
import io.finalspec.codegen.ast.ExprWalker;
import io.finalspec.codegen.ast.Unit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Levels of expressions and definitions, as SANY assigns them (Specifying Systems, section 17.2):
 * {@link #CONSTANT} (no variable), {@link #STATE} (unprimed variables, ENABLED), {@link #ACTION}
 * (primes, UNCHANGED, {@code [A]_v}) and {@link #TEMPORAL} ({@code [] <> ~>}, WF/SF, {@code \AA}).
 * Operator parameters count as constant: the level of an application is the maximum of the
 * operator's and its arguments' levels. A definition reached through an INSTANCE is at least the
 * level of the substitutions for the constants and variables it mentions (a constant of the
 * instantiated module may be replaced by a state expression; a substitution for a symbol it does
 * not mention leaves its level alone, as in SANY). One instance per resolved program; results are
 * memoized.
 */
public final class Levels {
  public static final int CONSTANT = 0;
  public static final int STATE = 1;
  public static final int ACTION = 2;
  public static final int TEMPORAL = 3;

  private static final Set<String> TEMPORAL_OPS = Set.of("[]", "<>", "~>", "-+->");

  private final ResolvedModule program;
  /** TLC's view for the config's names: a primed (or UNCHANGED) constant expression is constant. */
  private final boolean primedConstantsStayConstant;
  private final Map<Unit, Integer> definitions = new IdentityHashMap<>();
  private final Map<Instantiation, Integer> instantiations = new IdentityHashMap<>();
  private final Map<Instantiation, Map<Unit, Integer>> usedSubstitutions = new IdentityHashMap<>();
  private final Map<Bound, Integer> bounds = new IdentityHashMap<>();

  public Levels(ResolvedModule program) {
    this(program, false);
  }

  private Levels(ResolvedModule program, boolean primedConstantsStayConstant) {
    this.program = program;
    this.primedConstantsStayConstant = primedConstantsStayConstant;
  }

  /**
   * Levels as TLC judges the definitions a config names (INIT, NEXT, INVARIANT, SYMMETRY, ...):
   * TLC does not level-check them as SANY does, and evaluates {@code c'} or {@code UNCHANGED c}
   * of a constant expression as the constant, so a priming of constants alone keeps a definition
   * at its level. ASSUMEs and subscripts keep SANY's levels ({@link #Levels(ResolvedModule)}),
   * since SANY refuses the module before TLC runs.
   */
  public Levels asTlcJudgesConfigNames() {
    return new Levels(program, true);
  }

  /** The level of a definition's body ({@link Unit.OperatorDef} or {@link Unit.FunctionDef}). */
  public int ofDefinition(Unit def) {
    Integer known = definitions.get(def);
    if (known != null) {
      return known;
    }
    definitions.put(def, CONSTANT);   // a recursive use sees the level of the rest of the body
    int level;
    if (def instanceof Unit.OperatorDef od) {
      level = of(od.body());
    } else if (def instanceof Unit.FunctionDef fd) {
      level = of(fd.body());
      for (Bound b : fd.bounds()) {
        level = Math.max(level, b.set() == null ? CONSTANT : of(b.set()));
      }
    } else {
      throw new IllegalArgumentException("not a definition: " + def.getClass().getSimpleName());
    }
    definitions.put(def, level);
    return level;
  }

  /** The level of what a name denotes (before its arguments are considered). */
  public int of(Binding b) {
    if (b instanceof Binding.Variable) {
      return STATE;
    }
    if (b instanceof Binding.BoundVar bv) {
      return ofBound(bv.bound());
    }
    if (b instanceof Binding.Definition d) {
      int level = ofDefinition(d.def());
      return d.via() == null ? level : Math.max(level, ofSubstitutionsFor(d.def(), d.via()));
    }
    if (b instanceof Binding.ModuleInstance mi) {
      return ofInstantiation(mi.instantiation());
    }
    return CONSTANT;   // constants, parameters, built-ins
  }

  private int ofBound(Bound b) {
    Integer known = bounds.get(b);
    if (known == null) {
      known = b.set() == null ? CONSTANT : of(b.set());
      bounds.put(b, known);
    }
    return known;
  }

  /**
   * The level the substitutions of {@code inst} give {@code def}, one of its module's definitions:
   * for an instance made at the root (by the root module or one it extends) without parameters,
   * {@link #ofUsedSubstitutions}, as SANY; for a nested or parameterized one, every substitution of
   * {@code inst} (the lowering's {@code Definitions} counts the whole chain of such instances, so a
   * level here is never below the one it gives the definition).
   */
  public int ofSubstitutionsFor(Unit def, Instantiation inst) {
    return inst.params().isEmpty() && rootModules().contains(inst.instantiatingModule())
        ? ofUsedSubstitutions(def, inst) : ofInstantiation(inst);
  }

  private Set<String> rootModules;

  /** The names of the root module and the modules it extends, whose definitions share the root's constants and variables. */
  private Set<String> rootModules() {
    if (rootModules == null) {
      rootModules = program.withExtended().stream().map(ResolvedModule::name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
    return rootModules;
  }

  /**
   * The highest level of the substitutions of {@code inst} for the constants and variables that
   * {@code def} mentions, directly or through the definitions of its module: TLC evaluates
   * {@code Inv == I!Inv} once before the search when I's {@code Inv} names none of I's variables,
   * whatever I's variables are replaced by. When the walk meets what it does not follow (a name
   * reached through a further instance, a symbol without a substitution), all the substitutions
   * count, as before.
   */
  private int ofUsedSubstitutions(Unit def, Instantiation inst) {
    Map<Unit, Integer> known = usedSubstitutions.computeIfAbsent(inst, k -> new IdentityHashMap<>());
    Integer level = known.get(def);
    if (level == null) {
      int[] max = {CONSTANT};
      Set<Unit> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      boolean followed = ExprWalker.children(def).stream().allMatch(x -> usedSubstitutions(x, inst, seen, max));
      level = followed ? max[0] : ofInstantiation(inst);
      known.put(def, level);
    }
    return level;
  }

  /** Raises {@code max} to the levels of the substitutions {@code e} needs; false when it cannot tell. */
  private boolean usedSubstitutions(Expr e, Instantiation inst, Set<Unit> seen, int[] max) {
    Binding b = e instanceof Expr.Name || e instanceof Expr.Apply ? program.binding(e) : null;
    String symbol = b instanceof Binding.Variable v ? v.decl().name() : b instanceof Binding.Constant c ? c.decl().name() : null;
    if (symbol != null) {
      Expr substitution = inst.substitutions().get(symbol);
      if (substitution == null) {
        return false;
      }
      max[0] = Math.max(max[0], of(substitution));
    } else if (b instanceof Binding.Definition d) {
      if (d.via() != null) {
        return false;
      }
      if (seen.add(d.def()) && !ExprWalker.children(d.def()).stream().allMatch(x -> usedSubstitutions(x, inst, seen, max))) {
        return false;
      }
    } else if (b instanceof Binding.ModuleInstance) {
      return false;
    }
    return ExprWalker.children(e).stream().allMatch(x -> usedSubstitutions(x, inst, seen, max));
  }

  /** The highest level of the substitutions of {@code inst}. */
  public int ofInstantiation(Instantiation inst) {
    Integer known = instantiations.get(inst);
    if (known == null) {
      instantiations.put(inst, CONSTANT);
      int level = CONSTANT;
      for (Expr e : inst.substitutions().values()) {
        level = Math.max(level, of(e));
      }
      known = level;
      instantiations.put(inst, known);
    }
    return known;
  }

  /** The level of an expression. */
  public int of(Expr e) {
    if (e instanceof Expr.Fairness) {
      return TEMPORAL;
    }
    if (e instanceof Expr.Quant q && (q.kind() == Expr.Quantifier.TEMPORAL_EXISTS
        || q.kind() == Expr.Quantifier.TEMPORAL_FORALL)) {
      return TEMPORAL;
    }
    if (e instanceof Expr.ActionExpr a) {
      return Math.max(ACTION, Math.min(of(a.action()), TEMPORAL));
    }
    if (e instanceof Expr.Let l) {
      return of(l.body());   // a definition counts where it is used
    }
    if (e instanceof Expr.Apply a && program.binding(a) instanceof Binding.Builtin bi && bi.module().isEmpty()) {
      Integer special = builtin(bi.name(), a.args());
      if (special != null) {
        return special;
      }
    }
    int level = CONSTANT;
    Binding b = program.binding(e);
    if (b != null) {
      level = of(b);
    }
    if (e instanceof Expr.Qualified q) {
      // I!D, D a definition of I's own module: its level counts the substitutions D needs, not all of I's
      Instantiation direct = q.path().size() == 1 && b instanceof Binding.Definition d ? d.via() : null;
      for (Expr.Step s : q.path()) {
        Binding sb = program.binding(s);
        if (!(direct != null && sb instanceof Binding.ModuleInstance mi && mi.instantiation() == direct)) {
          level = Math.max(level, sb == null ? CONSTANT : of(sb));
        }
      }
    }
    return Math.max(level, children(e));
  }

  private int children(Expr e) {
    int[] level = {CONSTANT};
    ExprWalker.forEachChild(e, c -> level[0] = Math.max(level[0], of(c)));
    return level[0];
  }

  private Integer builtin(String name, List<Expr> args) {
    if (TEMPORAL_OPS.contains(name)) {
      return TEMPORAL;
    }
    switch (name) {
      case "'":
      case "UNCHANGED":
        // SANY: action-level even when what is primed is constant (ASSUME C' = C is a level error)
        int primed = of(args.get(0));
        return primedConstantsStayConstant && primed == CONSTANT ? CONSTANT : Math.max(ACTION, primed);
      case "ENABLED":
        return Math.min(of(args.get(0)), STATE);
      case "\\cdot":
        return Math.max(ACTION, Math.max(of(args.get(0)), of(args.get(1))));
      default:
        return null;
    }
  }

  /** A word for messages: "constant", "state", "action" or "temporal". */
  public static String describe(int level) {
    return switch (level) {
      case CONSTANT -> "constant";
      case STATE -> "state";
      case ACTION -> "action";
      default -> "temporal";
    };
  }
}
