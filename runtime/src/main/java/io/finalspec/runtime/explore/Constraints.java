package io.finalspec.runtime.explore;

import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;

/**
 * A machine's model checks, fetched once per run: TLC's "in model" test (state constraints on the
 * state, action constraints on the transition) and the invariants.
 */
final class Constraints {
    private final List<Machine.Predicate> constraints;
    private final List<Machine.ActionPredicate> actionConstraints;
    private final List<Machine.Predicate> invariants;

    Constraints(Machine m) {
        this.constraints = List.copyOf(m.constraints());
        this.actionConstraints = List.copyOf(m.actionConstraints());
        this.invariants = List.copyOf(m.invariants());
    }

    /** Whether {@code to} (reached from {@code from}, null for an initial state) is in the model. */
    boolean inModel(State from, State to) {
        for (Machine.Predicate c : constraints) {
            if (!c.test(to)) {
                return false;
            }
        }
        if (from != null) {
            for (Machine.ActionPredicate c : actionConstraints) {
                if (!c.test(from, to)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The name of the first violated invariant, or null. */
    String violated(State s) {
        for (Machine.Predicate inv : invariants) {
            if (!inv.test(s)) {
                return inv.name();
            }
        }
        return null;
    }
}
