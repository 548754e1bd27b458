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
 *
 * <p>A lasso (a liveness counterexample) also has a {@code loop}: the index of the state the last
 * state steps back to, as ADR-015's {@code loop} field; when {@code loop} is the last index the
 * behaviour ends by stuttering there forever (TLC's "Stuttering"). {@code loop} is -1 for a finite
 * trace.
 */
public record Trace(List<String> variables, List<Step> steps, int loop) {

    public Trace {
        variables = List.copyOf(variables);
        steps = List.copyOf(steps);
        if (loop < -1 || loop >= steps.size()) {
            throw new IllegalArgumentException("loop " + loop + " outside 0.." + (steps.size() - 1));
        }
    }

    /** A finite trace. */
    public Trace(List<String> variables, List<Step> steps) {
        this(variables, steps, -1);
    }

    /** Whether this is a lasso (an infinite behaviour: the states, then back to {@link #loop}). */
    public boolean isLasso() {
        return loop >= 0;
    }

    /** Whether the lasso's cycle is the last state stuttering. */
    public boolean endsStuttering() {
        return loop == steps.size() - 1;
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
        if (endsStuttering()) {
            sb.append("State ").append(steps.size() + 1).append(": Stuttering\n");
        } else if (isLasso()) {
            sb.append("Back to state ").append(loop + 1).append('\n');
        }
        return sb.toString();
    }
}
