package io.finalspec.runtime.explore;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;

/** TLC's "in model" test: state constraints on the state, action constraints on the transition. */
final class Constraints {
    private Constraints() {
    }

    static boolean inModel(Machine m, State from, State to) {
        for (Machine.Predicate c : m.constraints()) {
            if (!c.test(to)) {
                return false;
            }
        }
        if (from != null) {
            for (Machine.ActionPredicate c : m.actionConstraints()) {
                if (!c.test(from, to)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The name of the first violated invariant, or null. */
    static String violated(Machine m, State s) {
        for (Machine.Predicate inv : m.invariants()) {
            if (!inv.test(s)) {
                return inv.name();
            }
        }
        return null;
    }
}
