package io.finalspec.runtime.trace;

import io.finalspec.runtime.value.ValueOrder;

/**
 * Prints a trace for humans: the first state in full, then per step only the variables that changed;
 * a lasso ends with the step back to the state its cycle starts at (or with stuttering forever).
 */
public final class TraceDiff {
    private TraceDiff() {
    }

    public static String format(Trace trace) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < trace.size(); i++) {
            Trace.Step step = trace.steps().get(i);
            sb.append(i + 1).append(": ").append(step.label() == null ? "<Initial predicate>" : step.label()).append('\n');
            for (int v = 0; v < trace.variables().size(); v++) {
                var now = step.state().get(v);
                if (i == 0) {
                    sb.append("  /\\ ").append(trace.variables().get(v)).append(" = ").append(now).append('\n');
                } else {
                    var before = trace.state(i - 1).get(v);
                    if (!ValueOrder.equal(before, now)) {
                        sb.append("  /\\ ").append(trace.variables().get(v)).append(" = ").append(now)
                                .append("   (was ").append(before).append(")\n");
                    }
                }
            }
            if (i > 0 && ValueOrder.equal(io.finalspec.runtime.value.Tla.tuple(values(trace, i - 1)),
                    io.finalspec.runtime.value.Tla.tuple(values(trace, i)))) {
                sb.append("  (stuttering step: nothing changed)\n");
            }
        }
        if (trace.endsStuttering()) {
            sb.append(trace.size() + 1).append(": stuttering forever in state ").append(trace.size()).append('\n');
        } else if (trace.isLasso()) {
            sb.append(trace.size() + 1).append(": back to state ").append(trace.loop() + 1).append('\n');
        }
        return sb.toString();
    }

    private static io.finalspec.runtime.value.Value[] values(Trace t, int i) {
        return io.finalspec.runtime.machine.States.values(t.state(i));
    }
}
