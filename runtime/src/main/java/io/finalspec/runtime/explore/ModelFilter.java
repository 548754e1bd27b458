package io.finalspec.runtime.explore;

import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;

/**
 * TLC's "in model" test: CONSTRAINTs on a state, ACTION_CONSTRAINTs on a transition. One test for
 * the search and the liveness graph, so both keep the same states.
 */
public final class ModelFilter {
    private final List<Machine.Predicate> constraints;
    private final List<Machine.ActionPredicate> actionConstraints;

    public ModelFilter(Machine m) {
        this.constraints = List.copyOf(m.constraints());
        this.actionConstraints = List.copyOf(m.actionConstraints());
    }

    /** Whether {@code to}, reached from {@code from} (null for an initial state), is in the model. */
    public boolean inModel(State from, State to) {
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
}
