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
        // The search records the liveness graph as it goes.
        GraphRecorder graph = liveness ? new GraphRecorder(machine) : null;
        ExploreResult safety = new BfsExplorer(machine, options, null, graph).run();
        if (safety.isOk() && safety.queueLeft() > 0) {
            // stopped at a bound of the options: liveness is decided on the whole model only
            return safety.withNotChecked(PropertyCoverage.beyondSafety(machine,
                    "the search stopped at a bound before it had seen the whole model"));
        }
        if (!safety.isOk() || !liveness) {
            return safety.withNotChecked(safety.isOk() ? PropertyCoverage.unsupported(machine) : safety.notChecked());
        }
        LivenessChecker.Result live = new LivenessChecker(machine, graph).run();
        return new ExploreResult(safety.generated(), safety.distinct(), safety.depth(), safety.queueLeft(),
                safety.seconds() + live.seconds(), live.outcome(), live.lasso(), live.notChecked());
    }
}
