package io.finalspec.codegen.lower;

/**
 * The lowering context of an expression: its module scope, the local names in scope (a persistent
 * chain), whether the expression is primed, and the inlining depth.
 */
final class Ctx {
  final ModuleScope module;
  private final Ctx parent;
  private final String name;
  private final Entity entity;
  final boolean primed;
  /** Init: there is no current state, variables are read from the partial state, so state-level
   *  definitions are inlined rather than called. */
  final boolean init;
  final int depth;

  private Ctx(ModuleScope module, Ctx parent, String name, Entity entity, boolean primed, boolean init, int depth) {
    this.module = module;
    this.parent = parent;
    this.name = name;
    this.entity = entity;
    this.primed = primed;
    this.init = init;
    this.depth = depth;
  }

  static Ctx root(ModuleScope module) {
    return new Ctx(module, null, null, null, false, false, 0);
  }

  Ctx bind(String n, Entity e) {
    return new Ctx(module, this, n, e, primed, init, depth);
  }

  Ctx withPrimed(boolean p) {
    return p == primed ? this : new Ctx(module, this, null, null, p, init, depth);
  }

  /** This context as used from {@code use}: primed or in Init when the use is. */
  Ctx usedFrom(Ctx use) {
    boolean p = primed || use.primed;
    boolean i = init || use.init;
    return new Ctx(module, this, null, null, p, i, depth + 1);
  }

  Ctx withInit() {
    return new Ctx(module, this, null, null, primed, true, depth);
  }

  Ctx deeper() {
    return new Ctx(module, this, null, null, primed, init, depth + 1);
  }

  /** A context for a body written in {@code m}: module names of m, no locals, this priming and depth. */
  Ctx enter(ModuleScope m) {
    return new Ctx(m, null, null, null, primed, init, depth + 1);
  }

  /** Local names first, then the module's names. */
  Entity lookup(String n) {
    for (Ctx c = this; c != null; c = c.parent) {
      if (c.name != null && c.name.equals(n)) {
        return c.entity;
      }
    }
    return module.lookup(n);
  }
}
