package io.finalspec.toolkit.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.TlcTraceReader;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;

/**
 * Trace conformance, both ways: behaviours TLC produced (simulations, counterexamples) must replay
 * step by step in the generated machine, and behaviours the machine produced, written as ITF and
 * read back, must be accepted by TLC (every step one of TLC's successors, with the same label).
 */
public final class TraceConformance {

    private final Machine machine;

    public TraceConformance(Machine machine) {
        this.machine = machine;
    }

    /**
     * Replays one TLC trace module (from {@code -simulate}); null when it replays, else the mismatch.
     *
     * @throws io.finalspec.runtime.value.TlaEvalException when TLC printed a value that cannot be
     *     read without the spec (a function it had not evaluated, shown as its lambda)
     */
    public Mismatch replayTlcTraceModule(String module, long seed) {
        return replay(TlcTraceReader.toTrace(machine, TlcTraceReader.readTraceModule(module, machine.names())), seed);
    }

    /**
     * Replays a counterexample TLC printed (variable values in TLC's syntax); a final stuttering or
     * back-to-state marker of a liveness lasso is not a state and is skipped.
     */
    public Mismatch replayCounterexample(List<io.finalspec.toolkit.tlc.TraceStep> steps, long seed) {
        List<TlcTraceReader.ParsedStep> parsed = new ArrayList<>();
        for (io.finalspec.toolkit.tlc.TraceStep step : steps) {
            if (step.vars().isEmpty()) {
                continue;
            }
            java.util.Map<String, io.finalspec.runtime.value.Value> values = new java.util.LinkedHashMap<>();
            step.vars().forEach((name, text) -> values.put(name, io.finalspec.runtime.trace.ValueParser.parse(text, machine.names())));
            parsed.add(new TlcTraceReader.ParsedStep(step.action(), values));
        }
        return parsed.isEmpty() ? null : replay(TlcTraceReader.toTrace(machine, parsed), seed);
    }

    /** Replays a trace of TLC states (labels are action names only, as TLC prints them). */
    public Mismatch replay(Trace trace, long seed) {
        TraceReplayer.Report report = new TraceReplayer(machine, true).replay(trace);
        if (report.ok()) {
            return null;
        }
        List<Trace.Step> prefix = trace.steps().subList(0, Math.max(1, report.failedStep() + 1));
        State expected = trace.state(Math.max(0, report.failedStep()));
        List<Transition> missing = List.of(new Transition(labelOr(trace, report.failedStep()), expected));
        List<Transition> extra = report.nearest() == null ? List.of()
            : List.of(new Transition(report.nearestLabel() == null ? ActionLabel.of("?") : report.nearestLabel(), report.nearest()));
        return new Mismatch("trace: " + report.reason(), report.failedStep() > 0 ? trace.state(report.failedStep() - 1) : null,
            missing, extra, report.diff(), new Trace(trace.variables(), prefix), seed);
    }

    private static ActionLabel labelOr(Trace trace, int step) {
        ActionLabel l = step > 0 ? trace.steps().get(step).label() : null;
        return l == null ? ActionLabel.of(step <= 0 ? "Init" : "?") : l;
    }

    /**
     * Walks the machine {@code count} times (seeded), writes each walk as ITF, reads it back, and
     * asks the oracle to accept it. Returns the first mismatch, or null.
     */
    public Mismatch machineTracesAccepted(Oracle oracle, long seed, int count, int depth) {
        Random random = new Random(seed);
        List<State> init = new ArrayList<>();
        machine.initStates(init::add);
        if (init.isEmpty()) {
            return null;
        }
        for (int i = 0; i < count; i++) {
            Trace walk = walk(init, random, depth);
            Trace reread = Itf.read(Itf.write(walk, machine.specName()), machine.names()).toTrace(machine);
            Mismatch m = accepted(oracle, reread, seed);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    private Trace walk(List<State> init, Random random, int depth) {
        List<Trace.Step> steps = new ArrayList<>();
        steps.add(new Trace.Step(null, init.get(random.nextInt(init.size()))));
        while (steps.size() < depth) {
            List<Transition> next = new ArrayList<>();
            machine.successors(steps.get(steps.size() - 1).state(), (l, s) -> next.add(new Transition(l, s)));
            if (next.isEmpty()) {
                break;
            }
            Transition t = next.get(random.nextInt(next.size()));
            steps.add(new Trace.Step(t.label(), t.state()));
        }
        return new Trace(machine.variables(), steps);
    }

    /** Whether TLC accepts {@code trace} as a behaviour: its first state initial, each step one of TLC's successors. */
    public Mismatch accepted(Oracle oracle, Trace trace, long seed) {
        if (!oracle.initStates().contains(trace.state(0))) {
            return new Mismatch("trace: TLC does not accept the first state as initial", null,
                List.of(), List.of(new Transition(ActionLabel.of("Init"), trace.state(0))), List.of(), trace, seed);
        }
        List<State> sources = trace.states().subList(0, trace.size() - 1);
        List<List<Transition>> tlc = sources.isEmpty() ? List.of() : oracle.successors(sources);
        for (int i = 1; i < trace.size(); i++) {
            Transition step = new Transition(trace.steps().get(i).label(), trace.state(i));
            if (!tlc.get(i - 1).contains(step)) {
                return new Mismatch("trace: TLC has no such step " + i, trace.state(i - 1), List.of(), List.of(step),
                    List.of(), new Trace(trace.variables(), trace.steps().subList(0, i + 1)), seed);
            }
        }
        return null;
    }
}
