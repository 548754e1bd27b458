package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Bound;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.FreeVars;
import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrExpr.RefKind;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import io.finalspec.codegen.resolve.Levels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * User definitions: decides, per use, whether a definition is called (compiled to a method, lowered
 * once, in dependency order) or inlined; lifts LET-defined functions to methods.
 */
final class Definitions {
  private ExprLowering lowering;
  private final Levels levels;
  private final Map<String, MachineIr.Definition> byKey = new LinkedHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final Map<Unit, Map<Env, DefInfo>> infos = new IdentityHashMap<>();
  private final Set<String> keys = new HashSet<>();

  private final io.finalspec.codegen.resolve.ResolvedModule program;
  private final Map<Unit, Boolean> recursive = new IdentityHashMap<>();

  Definitions(io.finalspec.codegen.resolve.ResolvedModule program) {
    this.program = program;
    this.levels = program.levels();
  }

  /** Whether a definition can reach itself through the definitions its body uses (RECURSIVE, recursive functions). */
  boolean recursive(Unit unit) {
    Boolean known = recursive.get(unit);
    if (known == null) {
      java.util.Set<Unit> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      known = reaches(unit, unit, seen);
      recursive.put(unit, known);
    }
    return known;
  }

  private boolean reaches(Unit from, Unit target, java.util.Set<Unit> seen) {
    if (!seen.add(from)) {
      return false;
    }
    boolean[] found = {false};
    for (io.finalspec.codegen.ast.Expr e : io.finalspec.codegen.ast.ExprWalker.children(from)) {
      walk(e, x -> {
        if (!found[0] && program.binding(x) instanceof io.finalspec.codegen.resolve.Binding.Definition d) {
          found[0] = d.def() == target || reaches(d.def(), target, seen);
        }
      });
    }
    return found[0];
  }

  private static void walk(io.finalspec.codegen.ast.Expr e, java.util.function.Consumer<io.finalspec.codegen.ast.Expr> f) {
    f.accept(e);
    io.finalspec.codegen.ast.ExprWalker.forEachChild(e, x -> walk(x, f));
  }

  /** The definition {@code unit} (module level) in environment {@code env}: one per pair. */
  DefInfo info(Unit unit, Env env) {
    Map<Env, DefInfo> perEnv = infos.computeIfAbsent(unit, u -> new IdentityHashMap<>());
    DefInfo d = perEnv.get(env);
    if (d == null) {
      String name = unit instanceof Unit.OperatorDef od ? od.name() : ((Unit.FunctionDef) unit).name();
      String key = env.prefix + name;
      for (int i = 2; !keys.add(key); i++) {
        key = env.prefix + name + "_" + i;
      }
      d = new DefInfo(key, unit, env, Math.max(levels.ofDefinition(unit), level(unit, env)));
      perEnv.put(env, d);
    }
    return d;
  }

  /**
   * The level the substitutions of {@code env} give {@code unit}: through one instance made at the
   * root, as the resolver's levels give it ({@link Levels#ofSubstitutionsFor}: those of the
   * constants and variables it mentions); through nested instances, every substitution along the
   * chain.
   */
  private int level(Unit unit, Env env) {
    if (!env.isRoot() && env.outer.env.isRoot()) {
      return levels.ofSubstitutionsFor(unit, env.instantiation);
    }
    return level(env);
  }

  /** The highest level of the substitutions along an environment's chain of instantiations. */
  private int level(Env env) {
    int level = Levels.CONSTANT;
    for (Env e = env; !e.isRoot(); e = e.outer.env) {
      level = Math.max(level, levels.ofInstantiation(e.instantiation));
    }
    return level;
  }

  void setLowering(ExprLowering lowering) {
    this.lowering = lowering;
  }

  /** The definitions compiled to methods, dependencies first. */
  List<MachineIr.Definition> all() {
    List<MachineIr.Definition> out = new ArrayList<>();
    for (String k : order) {
      out.add(byKey.get(k));
    }
    return out;
  }

  MachineIr.Definition definition(String key) {
    return byKey.get(key);
  }

  int level(IrExpr e) {
    return IrLevels.level(e, k -> {
      MachineIr.Definition d = byKey.get(k);
      return d == null ? 0 : d.level();
    });
  }

  IrExpr use(DefInfo d, Span sp, List<Entity> args, Ctx c, boolean structural) {
    if (d.isFunction()) {
      if (!args.isEmpty()) {
        throw new Unsupported(sp, "arity", "function " + d.key + " applied with ( ) instead of [ ]");
      }
      MachineIr.Definition def = lowerFunction(d);
      return new IrExpr.Call(sp, def.name(), List.of());
    }
    Unit.OperatorDef od = (Unit.OperatorDef) d.unit;
    if (od.params().size() != args.size()) {
      throw new Unsupported(sp, "arity", "operator " + od.name() + " expects " + od.params().size()
          + " arguments, got " + args.size());
    }
    if (d.inProgress) {
      d.recursiveUse = true;
      return new IrExpr.Call(sp, d.key, argValues(sp, args, c));
    }
    boolean recursive = recursive(d.unit);
    if ((structural && !recursive) || d.hasOperatorParams()) {
      return lowering.inlineBody(sp, od, args, c.enter(d.env), structural);
    }
    MachineIr.Definition def = lowerOperator(d);
    if (def != null && recursive && !c.primed && def.level() <= 1) {
      // inlining a recursive operator never ends: in Init the emitter evaluates the call over
      // the partial state (TLC evaluates it there too, in the context of the assigned variables)
      return new IrExpr.Call(sp, d.key, argValues(sp, args, c));
    }
    if (def == null || ((c.primed || c.init) && def.level() >= 1)) {
      return lowering.inlineBody(sp, od, args, c.enter(d.env), false);
    }
    return new IrExpr.Call(sp, d.key, argValues(sp, args, c));
  }

  private List<IrExpr> argValues(Span sp, List<Entity> args, Ctx c) {
    List<IrExpr> out = new ArrayList<>();
    for (Entity a : args) {
      out.add(lowering.argValue(sp, a, c));
    }
    return out;
  }

  /** Lowers an operator definition to a method; null when it is action-level (always inlined). */
  MachineIr.Definition lowerOperator(DefInfo d) {
    if (d.inline || d.env.parameterized || d.level >= Levels.ACTION) {
      return null;
    }
    if (byKey.containsKey(d.key)) {
      return byKey.get(d.key);
    }
    Unit.OperatorDef od = (Unit.OperatorDef) d.unit;
    d.inProgress = true;
    try {
      Ctx bc = Ctx.root(d.env);
      List<String> names = new ArrayList<>();
      List<Integer> ids = new ArrayList<>();
      for (Unit.OpDecl p : od.params()) {
        int id = lowering.freshId();
        names.add(p.name());
        ids.add(id);
        bc = bc.bind(p, new Entity.Value(new IrExpr.Ref(p.span(), RefKind.BOUND, p.name(), id)));
      }
      IrExpr body = lowering.value(od.body(), bc);
      // the resolver's level classifies; the IR's can only be higher where a config override
      // (a constant replaced by a state-level definition) raises it
      int level = Math.max(d.level, level(body));
      if (level >= 2) {
        d.inline = true;
        return null;
      }
      MachineIr.Definition def = new MachineIr.Definition(od.span(), d.key, names, ids, body, level,
          d.recursiveUse, false, null, 0);
      register(def);
      return def;
    } finally {
      d.inProgress = false;
    }
  }

  MachineIr.Definition lowerFunction(DefInfo d) {
    if (byKey.containsKey(d.key)) {
      return byKey.get(d.key);
    }
    Unit.FunctionDef fd = (Unit.FunctionDef) d.unit;
    d.inProgress = true;
    try {
      MachineIr.Definition def = function(d.key, fd, Ctx.root(d.env), List.of(), true);
      register(def);
      return def;
    } finally {
      d.inProgress = false;
    }
  }

  private void register(MachineIr.Definition def) {
    if (!byKey.containsKey(def.name())) {
      order.add(def.name());
    }
    byKey.put(def.name(), def);
  }

  /**
   * Lowers {@code f[x \in S, ...] == body} in {@code c} ({@code f} already bound there for recursion).
   * {@code captured} are free bound variables of an enclosing scope that become leading parameters.
   */
  private MachineIr.Definition function(String key, Unit.FunctionDef fd, Ctx c, List<IrExpr.Ref> captured,
                                        boolean placeholder) {
    List<String> names = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    for (IrExpr.Ref r : captured) {
      names.add(r.name());
      ids.add(r.index());
    }
    List<IrExpr> sets = new ArrayList<>();
    Ctx bc = c;
    for (Bound b : fd.bounds()) {
      if (b.set() == null) {
        throw Unsupported.construct(b.span(), "unbounded function definition");
      }
      IrExpr set = lowering.value(b.set(), c);
      if (b.tuple()) {
        // f[<<x, y>> \in S] == e: one parameter (the tuple), destructured in the body
        int id = lowering.freshId();
        names.add("t");
        ids.add(id);
        sets.add(set);
        IrExpr.Ref whole = new IrExpr.Ref(b.span(), RefKind.BOUND, "t", id);
        for (int i = 0; i < b.names().size(); i++) {
          String n = b.names().get(i);
          IrExpr part = new IrExpr.Apply(b.span(), Operator.APPLY, List.of(whole,
              new IrExpr.Lit(b.span(), IrExpr.LitKind.INT, Integer.toString(i + 1))));
          bc = bc.bind(b, n, new Entity.Value(part));
        }
        continue;
      }
      for (String n : b.names()) {
        int id = lowering.freshId();
        names.add(n);
        ids.add(id);
        sets.add(set);
        bc = bc.bind(b, n, new Entity.Value(new IrExpr.Ref(b.span(), RefKind.BOUND, n, id)));
      }
    }
    IrExpr domain = sets.size() == 1 ? sets.get(0) : new IrExpr.Apply(fd.span(), Operator.PRODUCT, sets);
    if (placeholder) {
      register(new MachineIr.Definition(fd.span(), key, names, ids, null, 0, true, true, domain, captured.size()));
    }
    IrExpr body = lowering.value(fd.body(), bc);
    int level = Math.max(level(body), level(domain));
    if (level >= 2) {
      throw Unsupported.construct(fd.span(), "function definition with primed variables");
    }
    return new MachineIr.Definition(fd.span(), key, names, ids, body, level, true, true, domain, captured.size());
  }

  /** A LET function: lifted to a method whose leading parameters are the bound variables it captures. */
  Ctx letFunction(Unit.FunctionDef fd, Ctx c) {
    String key = fd.name() + "_" + lowering.freshId();
    Ctx probe = c.bind(fd, new Entity.LetFunction(key, List.of()));
    MachineIr.Definition first = function(key, fd, probe, List.of(), false);
    Map<Integer, IrExpr.Ref> free = FreeVars.of(first.body());
    free.putAll(FreeVars.of(first.domain()));
    for (Integer own : first.paramIds()) {
      free.remove(own);
    }
    List<IrExpr.Ref> captured = new ArrayList<>(free.values());
    List<IrExpr> capturedExprs = new ArrayList<>(captured);
    Ctx bound = c.bind(fd, new Entity.LetFunction(key, capturedExprs));
    MachineIr.Definition def = function(key, fd, bound, captured, true);
    register(def);
    return bound;
  }
}
