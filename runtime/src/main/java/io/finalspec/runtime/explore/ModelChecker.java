package io.finalspec.runtime.explore;

import io.finalspec.runtime.explore.liveness.GraphRecorder;
import io.finalspec.runtime.explore.liveness.LivenessChecker;
import io.finalspec.runtime.machine.Machine;

/**
 * A whole model check as TLC does it: the breadth-first search (invariants, deadlock, and the
 * properties' safety conjuncts) and, when it finds no violation, the liveness check of the
 * properties' other conjuncts on the state graph, which the search records as it goes (the model is
 * searched once). The statistics are the search's (TLC's counts do
 * not change with liveness); the outcome and the trace (a lasso) come from the liveness check when
 * the search passes. Properties that neither decides are listed in
 * {@link ExploreResult#notChecked()}.
 */
public final class ModelChecker {
    private final Machine machine;
    private final BfsExplorer.Options options;

    public ModelChecker(Machine machine, BfsExplorer.Options options) {
        this.machine = machine;
        this.options = options;
    }

    public ExploreResult run() {
        boolean liveness = LivenessChecker.needed(machine);
        // The search records the liveness graph as it goes. A search capped at a number of states
        // sees only part of the graph, and liveness is decided on the whole model (TLC has no cap):
        // then the checker records the graph by a search of its own.
        GraphRecorder graph = liveness && options.maxDistinct() == Long.MAX_VALUE ? new GraphRecorder(machine) : null;
        ExploreResult safety = new BfsExplorer(machine, options, null, graph).run();
        if (!safety.isOk() || !liveness) {
            return safety.withNotChecked(safety.isOk() ? PropertyCoverage.unsupported(machine) : safety.notChecked());
        }
        LivenessChecker.Result live = new LivenessChecker(machine, graph).run();
        return new ExploreResult(safety.generated(), safety.distinct(), safety.depth(), safety.queueLeft(),
                safety.seconds() + live.seconds(), live.outcome(), live.lasso(), live.notChecked());
    }
}
