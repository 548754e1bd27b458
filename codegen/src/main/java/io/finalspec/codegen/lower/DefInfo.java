package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Unit;
import io.finalspec.codegen.ir.MachineIr;

/** A module-level user definition in one environment, awaiting (or done with) its lowering to a method. */
final class DefInfo {
  final String key;
  final Unit unit;
  final Env env;
  /** The resolver's level of the definition in this environment. */
  final int level;
  /** Lowered as a method; null until lowered, or when it must be inlined. */
  MachineIr.Definition lowered;
  boolean inProgress;
  boolean recursiveUse;
  /** Lowered already and found to need inlining (action level). */
  boolean inline;

  DefInfo(String key, Unit unit, Env env, int level) {
    this.key = key;
    this.unit = unit;
    this.env = env;
    this.level = level;
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
}
