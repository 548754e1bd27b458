package io.finalspec.toolkit.swimlane;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Value;

/**
 * A trace as the drawing sees it, whatever it came from (an ITF file, a TLC counterexample, the
 * explorer, a live run): per state the action that led to it (null for the first) and the values
 * by variable name; a lasso's {@code loop} (-1 for none); the violation it ends in, if known
 * (e.g. {@code invariant NoDanglingDeref}, or empty).
 */
public record LaneTrace(String title, List<String> variables, List<Row> rows, int loop, String violation) {

    public LaneTrace {
        Objects.requireNonNull(title, "title");
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
        violation = violation == null ? "" : violation;
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a trace has at least one state");
        }
    }

    /** One state and the action that produced it (null for the initial state). */
    public record Row(ActionLabel label, Map<String, Value> values) {
        public Row {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    /** A trace of a machine (explorer, live run, or a replayed file). */
    public static LaneTrace of(String title, Trace trace, String violation) {
        List<Row> rows = new ArrayList<>();
        for (Trace.Step s : trace.steps()) {
            Map<String, Value> values = new LinkedHashMap<>();
            for (int v = 0; v < trace.variables().size(); v++) {
                values.put(trace.variables().get(v), s.state().get(v));
            }
            rows.add(new Row(s.label(), values));
        }
        return new LaneTrace(title, trace.variables(), rows, trace.loop(), violation);
    }

    /** A decoded ITF file, drawn without its spec: labels as written in {@code #meta.action}. */
    public static LaneTrace of(String title, Itf.ItfTrace itf, NameTable names, String violation) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < itf.states().size(); i++) {
            String action = itf.actions().get(i);
            ActionLabel label = i == 0 || action == null ? null : Itf.parseLabel(action, names);
            rows.add(new Row(label, itf.states().get(i)));
        }
        return new LaneTrace(title, itf.variables(), rows, itf.loop(), violation);
    }

    /**
     * {@code trace} with every label completed from {@code machine}: TLC prints only the action's
     * name, while the lanes need its parameters. Each step takes the label of the machine's
     * transition between the same two states whose name matches; a step the machine cannot make
     * keeps its label (the drawing still shows it, and {@code finalspec trace} reports it).
     */
    public static Trace relabel(Machine machine, Trace trace) {
        List<Trace.Step> steps = new ArrayList<>();
        steps.add(trace.steps().get(0));
        for (int i = 1; i < trace.size(); i++) {
            Trace.Step step = trace.steps().get(i);
            State from = trace.state(i - 1);
            ActionLabel[] found = {null};
            machine.successors(from, (label, next) -> {
                if (found[0] == null && TraceReplayer.sameState(next, step.state())
                    && (step.label() == null || TraceReplayer.labelMatches(step.label(), label))) {
                    found[0] = label;
                }
            });
            steps.add(new Trace.Step(found[0] != null ? found[0] : step.label(), step.state()));
        }
        return new Trace(trace.variables(), steps, trace.loop());
    }

    /** The number of steps (states after the first). */
    public int steps() {
        return rows.size() - 1;
    }
}
