package io.finalspec.runtime.explore.liveness;

import io.finalspec.runtime.explore.ModelFilter;

import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;

/**
 * Turns a path of fingerprints back into states by running the machine along it: the graph keeps
 * only fingerprints, so the states and the action labels of a counterexample are recomputed (the
 * first matching initial state, then at each step the first successor in the model with the next
 * fingerprint).
 */
final class Replay {
    private Replay() {
    }

    static Trace trace(Machine m, long[] fps, int loop) {
        ModelFilter model = new ModelFilter(m);
        List<Trace.Step> steps = new ArrayList<>();
        State[] found = new State[1];
        m.initStates(s -> {
            if (found[0] == null && States.viewFingerprint(m, s) == fps[0] && model.inModel(null, s)) {
                found[0] = s;
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("no initial state with the recorded fingerprint");
        }
        steps.add(new Trace.Step(null, found[0]));
        for (int i = 1; i < fps.length; i++) {
            State cur = found[0];
            long want = fps[i];
            ActionLabel[] label = new ActionLabel[1];
            found[0] = null;
            m.successors(cur, (l, t) -> {
                if (found[0] == null && States.viewFingerprint(m, t) == want && model.inModel(cur, t)) {
                    found[0] = t;
                    label[0] = l;
                }
            });
            if (found[0] == null) {
                throw new IllegalStateException("step " + i + " of the lasso is not reproducible");
            }
            steps.add(new Trace.Step(label[0], found[0]));
        }
        return new Trace(m.variables(), steps, loop);
    }
}
