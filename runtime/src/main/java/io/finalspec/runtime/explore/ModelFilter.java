package io.finalspec.runtime.explore;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;

/**
 * TLC's "in model" test: CONSTRAINTs on a state, ACTION_CONSTRAINTs on a transition. One test for
 * the search and the liveness graph, so both keep the same states.
 */
public final class ModelFilter {
    /**
     * Arrays walked by index: the test runs once per generated state, and an iterator over a list
     * is an allocation until C2 has compiled the loop (most models have no constraint at all).
     */
    private final Machine.Predicate[] constraints;
    private final Machine.ActionPredicate[] actionConstraints;

    public ModelFilter(Machine m) {
        this.constraints = m.constraints().toArray(new Machine.Predicate[0]);
        this.actionConstraints = m.actionConstraints().toArray(new Machine.ActionPredicate[0]);
    }

    /** Whether {@code to}, reached from {@code from} (null for an initial state), is in the model. */
    public boolean inModel(State from, State to) {
        for (int i = 0; i < constraints.length; i++) {
            if (!constraints[i].test(to)) {
                return false;
            }
        }
        if (from != null) {
            for (int i = 0; i < actionConstraints.length; i++) {
                if (!actionConstraints[i].test(from, to)) {
                    return false;
                }
            }
        }
        return true;
    }
}
