package io.finalspec.codegen.emit;

import com.palantir.javapoet.NameAllocator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java names visible in one generated method: a per-method {@link NameAllocator} (Java forbids
 * a lambda parameter from shadowing a local, so one allocator serves the whole method, lambdas
 * included), the bound TLA+ variables by unique id, the current partial next state, and where
 * variables are read from.
 */
final class Scope {
  final NameAllocator names;
  final Map<Integer, String> bound;
  /** The local holding the current state, or null in constant contexts (constructor). */
  final String state;
  /** The local holding the partial state being assigned (null when none). */
  String partial;
  /** Init: unprimed variables are read from the partial state. */
  final boolean varsFromPartial;
  /** Action constraints: primed variables are read from this complete state. */
  final String primedState;
  /** What is statically known of each variable of the partial state: assigned, unassigned, or null. */
  Boolean[] assigned = new Boolean[0];

  Scope(NameAllocator names, Map<Integer, String> bound, String state, String partial, boolean varsFromPartial,
        String primedState) {
    this.names = names;
    this.bound = bound;
    this.state = state;
    this.partial = partial;
    this.varsFromPartial = varsFromPartial;
    this.primedState = primedState;
  }

  /** A fresh method scope: {@code reserved} names taken first. */
  static Scope method(String state, boolean varsFromPartial, String primedState, String... reserved) {
    NameAllocator a = new NameAllocator();
    for (String r : Symbols.TYPE_NAMES) {
      a.newName(r, "type:" + r);
    }
    for (String r : reserved) {
      a.newName(r, "reserved:" + r);
    }
    return new Scope(a, new LinkedHashMap<>(), state, null, varsFromPartial, primedState);
  }

  /** A nested scope (new bindings do not leak out); shares the method's allocator. */
  Scope child() {
    Scope c = new Scope(names, new LinkedHashMap<>(bound), state, partial, varsFromPartial, primedState);
    c.assigned = assigned.clone();
    return c;
  }

  /** Allocates a Java local for bound id {@code id}, suggested by its TLA+ name. */
  String bind(int id, String tlaName) {
    String n = fresh(tlaName);
    bound.put(id, n);
    return n;
  }

  /** A fresh local name (no TLA+ binding). */
  String fresh(String suggestion) {
    return names.newName(suggestion, new Object());
  }

  String local(int id) {
    String n = bound.get(id);
    if (n == null) {
      throw new IllegalStateException("bound variable #" + id + " not in scope");
    }
    return n;
  }
}
