package io.finalspec.codegen.emit;

import io.finalspec.codegen.ir.IrExpr;
import io.finalspec.codegen.ir.IrTree;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.ir.Operator;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state variables an expression reads, through the definitions it calls: its value in two
 * states that hold the same values of those variables is the same. An expression that prints, or
 * reads anything but variables, constants and bound names (primed variables, {@code ENABLED}, the
 * TLC module's operators), has no footprint: it must be evaluated every time.
 */
final class Footprints {
  /** Per definition: the variables its body reads, or null when it has no footprint. */
  private final Map<String, BitSet> defs = new HashMap<>();
  private final Map<String, MachineIr.Definition> byName = new HashMap<>();

  Footprints(MachineIr ir) {
    for (MachineIr.Definition d : ir.definitions()) {
      byName.put(d.name(), d);
      defs.put(d.name(), new BitSet());
    }
    // A fixpoint: recursive definitions read what their calls read; footprints only grow, and a
    // definition loses its footprint for good once anything it calls does.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MachineIr.Definition d : ir.definitions()) {
        BitSet before = defs.get(d.name());
        if (before == null) {
          continue;
        }
        BitSet now = read(d.body());
        if (now != null && d.domain() != null) {
          BitSet dom = read(d.domain());
          now = dom == null ? null : union(now, dom);
        }
        if (now == null || !now.equals(before)) {
          defs.put(d.name(), now);
          changed = true;
        }
      }
    }
  }

  /** The variables {@code e} reads (by declaration index), or empty when it has no footprint. */
  Optional<BitSet> of(IrExpr e) {
    return Optional.ofNullable(read(e));
  }

  private BitSet read(IrExpr e) {
    BitSet vars = new BitSet();
    boolean[] opaque = {false};
    IrTree.anyMatch(e, x -> {
      if (x instanceof IrExpr.Ref r) {
        if (r.kind() == IrExpr.RefKind.VAR) {
          vars.set(r.index());
        } else if (r.kind() == IrExpr.RefKind.PRIMED) {
          opaque[0] = true;
        }
      } else if (x instanceof IrExpr.Apply a && impure(a.op())) {
        opaque[0] = true;
      } else if (x instanceof IrExpr.Call c) {
        BitSet callee = byName.containsKey(c.def()) ? defs.get(c.def()) : null;
        if (callee == null) {
          opaque[0] = true;
        } else {
          vars.or(callee);
        }
      }
      return opaque[0];
    });
    return opaque[0] ? null : vars;
  }

  /** The TLC module's operators (printing among them) and the action operators. */
  private static boolean impure(Operator op) {
    return op.theory() == Operator.Theory.TLC || op.theory() == Operator.Theory.ACTIONS;
  }

  private static BitSet union(BitSet a, BitSet b) {
    BitSet u = (BitSet) a.clone();
    u.or(b);
    return u;
  }
}
