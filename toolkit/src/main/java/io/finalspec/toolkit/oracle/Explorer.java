package io.finalspec.toolkit.oracle;

import java.util.ArrayList;
import java.util.List;

import tlc2.tool.TLCState;

/**
 * Breadth-first exploration on TLC's Tool API, counting the way TLC's model checker does: every
 * initial state and every successor is "generated"; a state is kept (new, reported, expanded) only
 * if it satisfies the CONSTRAINTs and, for a successor, the ACTION_CONSTRAINTs, and its TLC
 * fingerprint is new. The depth is the number of BFS levels, which is what TLC reports as the
 * depth of the complete state graph search.
 */
final class Explorer {

    /** Receives each distinct state once, with its 1-based BFS depth. */
    interface Sink {
        void state(TLCState s, int depth, List<String> violated);
    }

    record Stats(long distinct, long generated, int depth, boolean complete) {
    }

    private final TlcModel model;
    private final boolean checkInvariants;

    Explorer(TlcModel model, boolean checkInvariants) {
        this.model = model;
        this.checkInvariants = checkInvariants;
    }

    /** Explores until every reachable state is seen or {@code limit} distinct states (0: no limit). */
    Stats run(long limit, Sink sink) {
        long max = limit <= 0 ? Long.MAX_VALUE : limit;
        LongSet seen = new LongSet();
        long generated = 0;
        List<TLCState> level = new ArrayList<>();
        for (TLCState s : model.initStates()) {
            generated++;
            if (model.inModel(s) && seen.add(s.fingerPrint())) {
                sink.state(s, 1, violated(s));
                level.add(s);
                if (seen.size() >= max) {
                    return new Stats(seen.size(), generated, 1, false);
                }
            }
        }
        int depth = level.isEmpty() ? 0 : 1;
        while (!level.isEmpty()) {
            List<TLCState> next = new ArrayList<>();
            for (TLCState s : level) {
                for (TlcModel.Step step : model.successors(s)) {
                    generated++;
                    TLCState t = step.state();
                    if (model.inModel(t) && model.inActions(s, t) && seen.add(t.fingerPrint())) {
                        sink.state(t, depth + 1, violated(t));
                        next.add(t);
                        if (seen.size() >= max) {
                            return new Stats(seen.size(), generated, depth + 1, false);
                        }
                    }
                }
            }
            if (!next.isEmpty()) {
                depth++;
            }
            level = next;
        }
        return new Stats(seen.size(), generated, depth, true);
    }

    private List<String> violated(TLCState s) {
        return checkInvariants ? model.violated(s) : List.of();
    }
}
