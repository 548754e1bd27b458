package io.finalspec.runtime.live;

import java.util.List;
import java.util.Map;

import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;

/**
 * Drives the threads along a given behaviour (the explorer's counterexample, an ITF file): step
 * {@code i} is granted to the actor whose move leads to the trace's state {@code i+1} (by the
 * trace's action when it records one), so real threads replay the behaviour exactly. The run ends
 * when the trace does, or with the reason when the trace's next state is no move of any actor (the
 * trace is not a behaviour from the run's initial state).
 */
public final class TraceScheduler implements Scheduler {

    private final Trace trace;

    /** The run must start in the trace's first state. */
    public TraceScheduler(Trace trace) {
        if (trace.size() == 0) {
            throw new IllegalArgumentException("an empty trace has no initial state");
        }
        this.trace = trace;
    }

    @Override
    public Decision next(int step, State state, Map<String, List<Actors.Move>> enabled) {
        if (step + 1 >= trace.size()) {
            return new Stop("the trace ends after " + step + " steps");
        }
        if (!TraceReplayer.sameState(state, trace.state(step))) {
            return new Stop("step " + step + " left the trace's state");
        }
        Trace.Step want = trace.steps().get(step + 1);
        for (Map.Entry<String, List<Actors.Move>> actor : enabled.entrySet()) {
            for (Actors.Move m : actor.getValue()) {
                if (TraceReplayer.sameState(m.target(), want.state()) && TraceReplayer.labelMatches(want.label(), m.label())) {
                    return new Grant(actor.getKey(), m);
                }
            }
        }
        return new Stop("step " + (step + 1) + " of the trace"
            + (want.label() == null ? "" : " (" + want.label() + ")") + " is no move of any thread");
    }
}
