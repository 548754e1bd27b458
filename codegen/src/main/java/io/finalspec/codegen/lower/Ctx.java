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
  /** The ENABLED of an instance's action, as TLC computes it: that instance's primed variables are slots of their own (null elsewhere). */
  final Shadow shadow;

  private Ctx(Env env, Ctx parent, Object key, String name, Entity entity, boolean primed, boolean init, int depth,
              Shadow shadow) {
    this.env = env;
    this.parent = parent;
    this.key = key;
    this.name = name;
    this.entity = entity;
    this.primed = primed;
    this.init = init;
    this.depth = depth;
    this.shadow = shadow;
  }

  static Ctx root(Env env) {
    return new Ctx(env, null, null, null, null, false, false, 0, null);
  }

  /**
   * The primed variables of the module instantiated by {@link #env} in an {@code ENABLED} that TLC
   * evaluates over that module's own variables (the WF/SF of an instance's action in a property):
   * each one a slot of the partial state after the spec's variables, numbered from {@code first} in
   * the order met; its unprimed value is still its substitution.
   */
  static final class Shadow {
    final Env env;
    private final int first;
    private final java.util.Map<String, Integer> slots = new java.util.LinkedHashMap<>();

    Shadow(Env env, int first) {
      this.env = env;
      this.first = first;
    }

    int slot(String variable) {
      return slots.computeIfAbsent(variable, v -> first + slots.size());
    }
  }

  /** This context with the primed variables of its instance as shadow slots from {@code first}. */
  Ctx withShadow(int first) {
    return new Ctx(env, this, null, null, null, primed, init, depth, new Shadow(env, first));
  }

  /** Whether a variable of {@code e}'s module, primed here, is a shadow slot. */
  boolean shadows(Env e) {
    return shadow != null && shadow.env == e && primed;
  }

  /** Binds a declaration ({@code key}, compared by identity) to what it stands for. */
  Ctx bind(Object key, Entity e) {
    return bind(key, null, e);
  }

  /** Binds one name of a binder {@code key} (a {@code Bound} may declare several names). */
  Ctx bind(Object key, String name, Entity e) {
    return new Ctx(env, this, key, name, e, primed, init, depth, shadow);
  }

  Ctx withPrimed(boolean p) {
    return p == primed ? this : new Ctx(env, this, null, null, null, p, init, depth, shadow);
  }

  /** This context as used from {@code use}: primed or in Init when the use is. */
  Ctx usedFrom(Ctx use) {
    return new Ctx(env, this, null, null, null, primed || use.primed, init || use.init, depth + 1,
        shadow != null ? shadow : use.shadow);
  }

  Ctx withInit() {
    return new Ctx(env, this, null, null, null, primed, true, depth, shadow);
  }

  Ctx deeper() {
    return new Ctx(env, this, null, null, null, primed, init, depth + 1, shadow);
  }

  /** A context for a body written in environment {@code e}: no locals, this priming and depth. */
  Ctx enter(Env e) {
    return new Ctx(e, null, null, null, null, primed, init, depth + 1, shadow);
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
