package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.MachineIr;

/** A user definition awaiting (or done with) its lowering to a method. */
final class DefInfo {
  final String key;
  final Unit unit;
  final ModuleScope scope;
  /** Lowered as a method; null until lowered, or when it must be inlined. */
  MachineIr.Definition lowered;
  boolean inProgress;
  boolean recursiveUse;
  /** Lowered already and found to need inlining (action level). */
  boolean inline;

  DefInfo(String key, Unit unit, ModuleScope scope) {
    this.key = key;
    this.unit = unit;
    this.scope = scope;
  }

  boolean isFunction() {
    return unit instanceof Unit.FunctionDef;
  }

  boolean hasOperatorParams() {
    if (unit instanceof Unit.OperatorDef od) {
      for (Unit.OpDecl p : od.params()) {
        if (p.arity() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  int arity() {
    if (unit instanceof Unit.OperatorDef od) {
      return od.params().size();
    }
    return ((Unit.FunctionDef) unit).bounds().stream().mapToInt(b -> b.tuple() ? 1 : b.names().size()).sum();
  }
}
