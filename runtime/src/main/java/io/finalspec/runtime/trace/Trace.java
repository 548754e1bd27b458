package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;

/**
 * A behaviour prefix: an initial state followed by labelled steps. The first step's label is null
 * (TLC's {@code <Initial predicate>}); every later step carries the label of the action taken.
 */
public record Trace(List<String> variables, List<Step> steps) {

    public Trace {
        variables = List.copyOf(variables);
        steps = List.copyOf(steps);
    }

    /** One state of the trace with the label of the action that produced it (null for the first). */
    public record Step(ActionLabel label, State state) {
        public Step {
            Objects.requireNonNull(state, "state");
        }
    }

    public int size() {
        return steps.size();
    }

    public State state(int i) {
        return steps.get(i).state();
    }

    /** The states only. */
    public List<State> states() {
        List<State> out = new ArrayList<>(steps.size());
        for (Step s : steps) {
            out.add(s.state());
        }
        return out;
    }

    /** TLC-like text: numbered states with their actions and {@code /\ x = v} blocks. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            sb.append("State ").append(i + 1).append(": ")
                    .append(s.label() == null ? "<Initial predicate>" : "<" + s.label() + ">").append('\n')
                    .append(States.format(variables, s.state())).append("\n\n");
        }
        return sb.toString();
    }
}
