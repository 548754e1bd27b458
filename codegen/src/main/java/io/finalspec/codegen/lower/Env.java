package io.finalspec.codegen.lower;

import io.finalspec.codegen.resolve.Instantiation;

/**
 * The module environment a definition body is lowered in: the root module (with the modules it
 * EXTENDS, which share its constants and variables), or one instantiation of a module, whose
 * constants and variables stand for the instantiation's substitutions lowered in {@link #outer}.
 * The resolver has already linked every name; an environment only says what a constant or
 * variable of an instantiated module is replaced by here.
 */
final class Env {
  /** Null for the root environment. */
  final Instantiation instantiation;
  /**
   * Where the substitutions are lowered: the instantiating environment, with the parameters of a
   * parameterized instance {@code P(x) == INSTANCE M WITH a <- x} bound to the use's arguments.
   */
  final Ctx outer;
  /** Prefix of the names of definitions compiled to methods ({@code ""}, {@code "I!"}). */
  final String prefix;
  /** Explicit WITH substitutions: TLC does not split actions reached through such an instance. */
  final boolean substituted;
  /** Bound to the arguments of one use of a parameterized instance: its definitions are inlined. */
  final boolean parameterized;

  private Env(Instantiation instantiation, Ctx outer, String prefix, boolean substituted, boolean parameterized) {
    this.instantiation = instantiation;
    this.outer = outer;
    this.prefix = prefix;
    this.substituted = substituted;
    this.parameterized = parameterized;
  }

  static Env root() {
    return new Env(null, null, "", false, false);
  }

  /** The environment of {@code inst} used from {@code outer} ({@code name} of M == INSTANCE ..., or null). */
  static Env instance(Instantiation inst, Ctx outer, String name, boolean parameterized, boolean explicitSubstitutions) {
    Env in = outer.env;
    String prefix = name == null ? in.prefix : in.prefix + name + "!";
    return new Env(inst, outer, prefix, in.substituted || explicitSubstitutions,
        in.parameterized || parameterized);
  }

  boolean isRoot() {
    return instantiation == null;
  }
}
