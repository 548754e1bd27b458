package io.finalspec.codegen.resolve;

import io.finalspec.codegen.ast.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A lexical scope: names to bindings, plus RECURSIVE declarations waiting for their definition. */
final class Scope {
  /** A RECURSIVE declaration: uses before the definition are patched once it is resolved. */
  static final class RecursiveSlot {
    final Unit.OpDecl decl;
    Binding.Definition definition;
    final List<Object> pendingUses = new ArrayList<>();

    RecursiveSlot(Unit.OpDecl decl) {
      this.decl = decl;
    }
  }

  final Scope parent;
  final Map<String, Binding> names = new LinkedHashMap<>();
  final Map<String, RecursiveSlot> recursive = new HashMap<>();

  Scope(Scope parent) {
    this.parent = parent;
  }

  Binding lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Binding b = s.names.get(name);
      if (b != null) {
        return b;
      }
    }
    return null;
  }

  RecursiveSlot lookupRecursive(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      RecursiveSlot r = s.recursive.get(name);
      if (r != null) {
        return r;
      }
    }
    return null;
  }
}
