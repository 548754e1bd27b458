package io.finalspec.toolkit.conform;

import java.util.Objects;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.State;

/** One labelled step to a state; the unit in which successor sets are compared. */
public record Transition(ActionLabel label, State state) {

    public Transition {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return label + " -> " + state;
    }
}
