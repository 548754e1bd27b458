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
  final int depth;

  private Ctx(ModuleScope module, Ctx parent, String name, Entity entity, boolean primed, int depth) {
    this.module = module;
    this.parent = parent;
    this.name = name;
    this.entity = entity;
    this.primed = primed;
    this.depth = depth;
  }

  static Ctx root(ModuleScope module) {
    return new Ctx(module, null, null, null, false, 0);
  }

  Ctx bind(String n, Entity e) {
    return new Ctx(module, this, n, e, primed, depth);
  }

  Ctx withPrimed(boolean p) {
    return p == primed ? this : new Ctx(module, this, null, null, p, depth);
  }

  Ctx deeper() {
    return new Ctx(module, this, null, null, primed, depth + 1);
  }

  /** A context for a body written in {@code m}: module names of m, no locals, this priming and depth. */
  Ctx enter(ModuleScope m) {
    return new Ctx(m, null, null, null, primed, depth + 1);
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
