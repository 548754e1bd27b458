package io.finalspec.codegen.lower;

/**
 * The lowering context of an expression: its module environment, what the local declarations in
 * scope stand for (a persistent chain keyed by the declaration the resolver linked each use to:
 * a parameter's {@code OpDecl}, a binder's {@code Bound} and name, a LET definition's unit), whether
 * the expression is primed, whether it is part of Init, and the inlining depth.
 */
final class Ctx {
  final Env env;
  private final Ctx parent;
  private final Object key;
  private final String name;
  private final Entity entity;
  final boolean primed;
  /** Init: there is no current state, variables are read from the partial state, so state-level
   *  definitions are inlined rather than called. */
  final boolean init;
  final int depth;

  private Ctx(Env env, Ctx parent, Object key, String name, Entity entity, boolean primed, boolean init, int depth) {
    this.env = env;
    this.parent = parent;
    this.key = key;
    this.name = name;
    this.entity = entity;
    this.primed = primed;
    this.init = init;
    this.depth = depth;
  }

  static Ctx root(Env env) {
    return new Ctx(env, null, null, null, null, false, false, 0);
  }

  /** Binds a declaration ({@code key}, compared by identity) to what it stands for. */
  Ctx bind(Object key, Entity e) {
    return bind(key, null, e);
  }

  /** Binds one name of a binder {@code key} (a {@code Bound} may declare several names). */
  Ctx bind(Object key, String name, Entity e) {
    return new Ctx(env, this, key, name, e, primed, init, depth);
  }

  Ctx withPrimed(boolean p) {
    return p == primed ? this : new Ctx(env, this, null, null, null, p, init, depth);
  }

  /** This context as used from {@code use}: primed or in Init when the use is. */
  Ctx usedFrom(Ctx use) {
    return new Ctx(env, this, null, null, null, primed || use.primed, init || use.init, depth + 1);
  }

  Ctx withInit() {
    return new Ctx(env, this, null, null, null, primed, true, depth);
  }

  Ctx deeper() {
    return new Ctx(env, this, null, null, null, primed, init, depth + 1);
  }

  /** A context for a body written in environment {@code e}: no locals, this priming and depth. */
  Ctx enter(Env e) {
    return new Ctx(e, null, null, null, null, primed, init, depth + 1);
  }

  /** What the innermost binding of declaration {@code k} (and name, for a binder) stands for, or null. */
  Entity local(Object k, String n) {
    for (Ctx c = this; c != null; c = c.parent) {
      if (c.key == k && (c.name == null || n == null || c.name.equals(n))) {
        return c.entity;
      }
    }
    return null;
  }
}
