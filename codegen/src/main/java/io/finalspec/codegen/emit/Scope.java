package io.finalspec.codegen.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java names visible in one generated method: a per-method {@link NameAllocator} (Java forbids
 * a lambda parameter from shadowing a local, so one allocator serves the whole method, lambdas
 * included), the bound TLA+ variables by unique id, the current partial next state, and where
 * variables are read from.
 */
final class Scope {
  final NameAllocator names;
  /** Names taken in this method (shared by nested scopes, like the allocator). */
  private final java.util.Set<String> used;
  final Map<Integer, String> bound;
  /** The local holding the current state, or null in constant contexts (constructor). */
  final String state;
  /** The local holding the partial state being assigned (null when none, or when it lives in {@link #next}). */
  String partial;
  /**
   * A NEXT action's partial state held in Java expressions rather than an array: per variable, the
   * local (or {@code s.x} for UNCHANGED x) holding x' where x' is assigned, null where it is not.
   * Null when the partial state is the array {@link #partial}. Every variable's status is then
   * statically known, so an assignment is a new local and a branch needs no copy.
   */
  CodeBlock[] next;
  /** Init: unprimed variables are read from the partial state. */
  final boolean varsFromPartial;
  /** Action constraints: primed variables are read from this complete state. */
  final String primedState;
  /** What is statically known of each variable of the partial state: assigned, unassigned, or null. */
  Boolean[] assigned = new Boolean[0];
  /**
   * Whether the partial state may be written in place: no code that runs after this path (another
   * disjunct, the next element of an enumeration) reads the array {@link #partial} names.
   */
  boolean owned;
  /**
   * A method lifted out of code that runs after construction ({@link Lifting}): it may
   * read hoisted fields even when it reads no variable.
   */
  boolean lifted;

  Scope(NameAllocator names, java.util.Set<String> used, Map<Integer, String> bound, String state, String partial,
        boolean varsFromPartial, String primedState) {
    this.names = names;
    this.used = used;
    this.bound = bound;
    this.state = state;
    this.partial = partial;
    this.varsFromPartial = varsFromPartial;
    this.primedState = primedState;
  }

  /**
   * An allocator holding {@link Symbols#TYPE_NAMES}, made once and never changed: every method
   * scope starts from a clone of it (a scope is made for each constant subexpression, and taking
   * the hundred-odd type names one by one each time was a tenth of the cold start).
   */
  private static final NameAllocator TYPE_NAMES_TAKEN = typeNamesTaken();
  private static final java.util.Set<String> TYPE_NAMES_USED = java.util.Set.of(Symbols.TYPE_NAMES);

  private static NameAllocator typeNamesTaken() {
    NameAllocator a = new NameAllocator();
    for (String r : Symbols.TYPE_NAMES) {
      if (!a.newName(r, "type:" + r).equals(r)) {
        throw new IllegalStateException("type name " + r + " is not a Java identifier of its own");
      }
    }
    return a;
  }

  /** A fresh method scope: {@code reserved} names taken first. */
  static Scope method(String state, boolean varsFromPartial, String primedState, String... reserved) {
    NameAllocator a = TYPE_NAMES_TAKEN.clone();
    java.util.Set<String> used = new java.util.HashSet<>(TYPE_NAMES_USED);
    for (String r : reserved) {
      used.add(a.newName(r, "reserved:" + r));
    }
    return new Scope(a, used, new LinkedHashMap<>(), state, null, varsFromPartial, primedState);
  }

  /** A nested scope (new bindings do not leak out); shares the method's allocator. */
  Scope child() {
    Scope c = new Scope(names, used, new LinkedHashMap<>(bound), state, partial, varsFromPartial, primedState);
    c.assigned = assigned.clone();
    c.next = next == null ? null : next.clone();
    c.owned = owned;
    c.lifted = lifted;
    return c;
  }

  /** Whether primed variables (or, in Init, the variables) are being assigned here: an array or locals. */
  boolean hasPartial() {
    return partial != null || next != null;
  }

  /**
   * The partial state as an array expression: {@link #partial}, or a new array of the {@link #next}
   * locals (null for the unassigned), made where a method that takes an array is called.
   */
  CodeBlock partialArray() {
    if (next == null) {
      return CodeBlock.of("$L", partial);
    }
    List<CodeBlock> items = new ArrayList<>();
    for (int i = 0; i < next.length; i++) {
      items.add(nextOrNull(i));
    }
    return CodeBlock.of("new $T[] {$L}", ExprEmitter.VALUE, CodeBlock.join(items, ", "));
  }

  /** The local of x' number {@code i} in {@link #next}, or {@code null} (the literal) where x' is unassigned. */
  CodeBlock nextOrNull(int i) {
    return next[i] != null ? next[i] : CodeBlock.of("null");
  }

  /** Allocates a Java local for bound id {@code id}, suggested by its TLA+ name. */
  String bind(int id, String tlaName) {
    String n = fresh(tlaName);
    bound.put(id, n);
    return n;
  }

  /**
   * A fresh local name: the suggestion made a Java identifier, then with 2, 3, ... appended while
   * taken; the allocator still renames Java keywords ({@code new} to {@code new_}).
   */
  String fresh(String suggestion) {
    String base = NameAllocator.toJavaIdentifier(suggestion);
    String candidate = base;
    for (int k = 2; used.contains(candidate); k++) {
      candidate = base + k;
    }
    String got = names.newName(candidate, new Object());
    used.add(candidate);
    used.add(got);
    return got;
  }

  String local(int id) {
    String n = bound.get(id);
    if (n == null) {
      throw new IllegalStateException("bound variable #" + id + " not in scope");
    }
    return n;
  }
}
