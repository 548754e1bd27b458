package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;

/**
 * Replays a trace in a machine step by step: the first state must be an initial state, and each
 * later state a successor of the one before (with a matching label when the trace has one: same
 * action name, and same parameters when the trace records parameters). Reports the first step that
 * fails, with a per-variable diff between the expected state and the nearest candidate (the
 * initial state or successor that differs in the fewest variables).
 */
public final class TraceReplayer {

    /** One differing variable. */
    public record VarDiff(String variable, Value expected, Value actual) {
        @Override
        public String toString() {
            return variable + ": expected " + expected + " but nearest has " + actual;
        }
    }

    /**
     * The result: {@code failedStep} is -1 when the whole trace replays, else the 0-based index of
     * the first state that is not reachable, with the reason, the nearest candidate and its diff.
     */
    public record Report(int failedStep, String reason, ActionLabel nearestLabel, State nearest, List<VarDiff> diff) {
        public boolean ok() {
            return failedStep < 0;
        }

        @Override
        public String toString() {
            if (ok()) {
                return "trace replays";
            }
            StringBuilder sb = new StringBuilder("step ").append(failedStep + 1).append(": ").append(reason);
            if (nearestLabel != null) {
                sb.append("\nnearest successor by ").append(nearestLabel);
            }
            for (VarDiff d : diff) {
                sb.append("\n  ").append(d);
            }
            return sb.toString();
        }
    }

    private final Machine machine;
    private final boolean checkLabels;

    public TraceReplayer(Machine machine) {
        this(machine, true);
    }

    public TraceReplayer(Machine machine, boolean checkLabels) {
        this.machine = machine;
        this.checkLabels = checkLabels;
    }

    public Report replay(Trace trace) {
        if (trace.size() == 0) {
            return new Report(-1, null, null, null, List.of());
        }
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        State first = trace.state(0);
        if (!contains(inits, first)) {
            return nearest(0, "not an initial state", first, inits, null);
        }
        for (int i = 1; i < trace.size(); i++) {
            State from = trace.state(i - 1);
            State want = trace.state(i);
            ActionLabel wantLabel = trace.steps().get(i).label();
            if (isStep(from, want, wantLabel)) {
                continue;
            }
            List<State> succ = new ArrayList<>();
            List<ActionLabel> labels = new ArrayList<>();
            machine.successors(from, (l, t) -> {
                succ.add(t);
                labels.add(l);
            });
            boolean stateFound = false;
            boolean labelFound = false;
            for (int j = 0; j < succ.size(); j++) {
                if (sameState(succ.get(j), want)) {
                    stateFound = true;
                    if (!checkLabels || labelMatches(wantLabel, labels.get(j))) {
                        labelFound = true;
                        break;
                    }
                }
            }
            if (!stateFound) {
                return nearest(i, "no successor of step " + i + " equals the expected state"
                        + (wantLabel == null ? "" : " (expected action " + wantLabel + ")"), want, succ, labels);
            }
            if (!labelFound) {
                return nearest(i, "the expected state is a successor, but not by action " + wantLabel, want, succ, labels);
            }
        }
        return backEdge(trace);
    }

    /**
     * Whether {@code want} is a successor of {@code from} (by an action {@code wantLabel} matches,
     * when labels are checked): the fast path, which keeps no successor lists. With a label, only
     * the action instances it matches are evaluated ({@link Machine#successors(State,
     * java.util.function.Predicate, Machine.SuccessorSink)}), so a step costs one action, not the
     * whole next-state relation. A step it rejects is looked at again in full for the report.
     */
    private boolean isStep(State from, State want, ActionLabel wantLabel) {
        boolean[] found = {false};
        Machine.SuccessorSink match = (l, t) -> found[0] = found[0] || sameState(t, want);
        if (checkLabels && wantLabel != null) {
            machine.successors(from, l -> labelMatches(wantLabel, l), match);
        } else {
            machine.successors(from, match);
        }
        return found[0];
    }

    /**
     * A lasso's back edge, from its last state to state {@code loop}, must be a step of the spec
     * too: stuttering when {@code loop} is the last state, or when the writer repeated the loop's
     * first state as the last (as Apalache does); otherwise a successor.
     */
    private Report backEdge(Trace trace) {
        int last = trace.size() - 1;
        if (!trace.isLasso() || trace.endsStuttering() || sameState(trace.state(last), trace.state(trace.loop()))) {
            return new Report(-1, null, null, null, List.of());
        }
        List<State> succ = new ArrayList<>();
        List<ActionLabel> labels = new ArrayList<>();
        machine.successors(trace.state(last), (l, t) -> {
            succ.add(t);
            labels.add(l);
        });
        if (contains(succ, trace.state(trace.loop()))) {
            return new Report(-1, null, null, null, List.of());
        }
        return nearest(trace.loop(), "the lasso's back edge from step " + (last + 1) + " to step " + (trace.loop() + 1)
            + " (\"loop\": " + trace.loop() + ") is not a step of the spec", trace.state(trace.loop()), succ, labels);
    }

    /** A trace's label matches a step's: the same name, and the same parameters when the trace records any. */
    public static boolean labelMatches(ActionLabel want, ActionLabel got) {
        if (want == null) {
            return true;
        }
        if (got == null || !want.name().equals(got.name())) {
            return false;
        }
        return want.params().isEmpty() || want.equals(got);
    }

    private static boolean contains(List<State> states, State s) {
        for (State t : states) {
            if (sameState(t, s)) {
                return true;
            }
        }
        return false;
    }

    /** Variable by variable, as TLA+ equality: a trace read from ITF holds states of another class. */
    public static boolean sameState(State a, State b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!ValueOrder.equal(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private Report nearest(int step, String reason, State want, List<State> candidates, List<ActionLabel> labels) {
        int best = -1;
        int bestDiff = Integer.MAX_VALUE;
        for (int j = 0; j < candidates.size(); j++) {
            int d = diff(want, candidates.get(j)).size();
            if (d < bestDiff) {
                bestDiff = d;
                best = j;
            }
        }
        if (best < 0) {
            return new Report(step, reason + " (no candidates: the previous state has no successor)", null, null, List.of());
        }
        State n = candidates.get(best);
        return new Report(step, reason, labels == null ? null : labels.get(best), n, diff(want, n));
    }

    /** Variables whose values differ between {@code expected} and {@code actual}. */
    public List<VarDiff> diff(State expected, State actual) {
        List<VarDiff> out = new ArrayList<>();
        List<String> names = machine.variables();
        for (int i = 0; i < expected.size(); i++) {
            if (!ValueOrder.equal(expected.get(i), actual.get(i))) {
                out.add(new VarDiff(names.get(i), expected.get(i), actual.get(i)));
            }
        }
        return out;
    }
}
