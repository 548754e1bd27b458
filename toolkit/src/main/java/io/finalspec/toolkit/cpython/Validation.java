package io.finalspec.toolkit.cpython;

import java.util.List;

import com.google.gson.JsonObject;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;

/**
 * One recorded run judged by the spec: is its ITF trace a behaviour of the machine (TraceReplayer,
 * in process), and which invariant, if any, its states violate.
 */
record Validation(Trace trace, TraceReplayer.Report report, String violated) {

    static Validation of(Machine machine, JsonObject itf) {
        Trace trace;
        try {
            trace = Itf.read(itf.toString(), machine.names()).toTrace(machine);
        } catch (ItfException e) {
            // The runner writes what the mapping's observations evaluate to: a bad value is a mapping mistake.
            throw new IllegalStateException("the mapping produced a trace the spec cannot read: " + e.getMessage(), e);
        }
        TraceReplayer.Report report = new TraceReplayer(machine).replay(trace);
        return new Validation(trace, report, firstViolation(machine, trace.states()));
    }

    private static String firstViolation(Machine machine, List<State> states) {
        for (State s : states) {
            for (Machine.Predicate inv : machine.invariants()) {
                if (!inv.test(s)) {
                    return inv.name();
                }
            }
        }
        return null;
    }

    boolean ok() {
        return report.ok();
    }
}
