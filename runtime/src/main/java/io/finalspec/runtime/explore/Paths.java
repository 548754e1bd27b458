package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;

/**
 * Rebuilds a trace from the parent fingerprints kept in a {@link FingerprintSet}: walks parents
 * back to an initial state, then replays forward through the machine, at each step picking the
 * first successor (in generation order, within the model's constraints) with the recorded
 * fingerprint, which also recovers the action labels.
 */
public final class Paths {
    private Paths() {
    }

    static Trace rebuild(Machine m, FingerprintSet seen, long targetFp) {
        List<Long> fps = new ArrayList<>();
        long fp = FingerprintSet.normalize(targetFp);
        while (fp != 0) {
            fps.add(fp);
            if (!seen.contains(fp)) {
                throw new IllegalStateException("fingerprint " + Long.toHexString(fp) + " not in the seen set");
            }
            fp = seen.parent(fp);
            if (fps.size() > 100_000_000) {
                throw new IllegalStateException("parent cycle");
            }
        }
        Collections.reverse(fps);
        return replay(m, fps);
    }

    /**
     * The trace through the states with fingerprints {@code fps} (view fingerprints, an initial
     * state's first), each step the first successor in generation order within the model's
     * constraints that has the next fingerprint. Used by explorers that keep the parents elsewhere
     * (the distributed explorer asks each state's owner).
     */
    public static Trace replay(Machine m, List<Long> fps) {
        List<Trace.Step> steps = new ArrayList<>();
        Constraints model = new Constraints(m);
        State[] found = new State[1];
        long first = FingerprintSet.normalize(fps.get(0));
        m.initStates(s -> {
            if (found[0] == null && FingerprintSet.normalize(States.viewFingerprint(m, s)) == first) {
                found[0] = s;
            }
        });
        if (found[0] == null) {
            throw new IllegalStateException("no initial state with the recorded fingerprint");
        }
        steps.add(new Trace.Step(null, found[0]));
        for (int i = 1; i < fps.size(); i++) {
            State cur = found[0];
            long want = FingerprintSet.normalize(fps.get(i));
            ActionLabel[] label = new ActionLabel[1];
            found[0] = null;
            m.successors(cur, (l, t) -> {
                if (found[0] == null && FingerprintSet.normalize(States.viewFingerprint(m, t)) == want
                        && model.inModel(cur, t)) {
                    found[0] = t;
                    label[0] = l;
                }
            });
            if (found[0] == null) {
                throw new IllegalStateException("step " + i + " of the recorded path is not reproducible");
            }
            steps.add(new Trace.Step(label[0], found[0]));
        }
        return new Trace(m.variables(), steps);
    }
}
