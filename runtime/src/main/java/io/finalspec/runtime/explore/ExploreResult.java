package io.finalspec.runtime.explore;

import io.finalspec.runtime.trace.Trace;

/**
 * The result of an exploration, with TLC's statistics: {@code generated} counts every state
 * generated (initial states and every successor, duplicates and constraint-violating ones
 * included), {@code distinct} the states added to the seen set, {@code depth} TLC's "depth of the
 * complete state graph search" (the number of BFS levels, initial states being level 1). The trace
 * is null when the outcome is OK; otherwise it leads (shortest, for BFS) to the offending state.
 */
public record ExploreResult(long generated, long distinct, int depth, long queueLeft, double seconds,
                            Outcome outcome, Trace trace) {

    public boolean isOk() {
        return outcome.isOk();
    }

    /** TLC's summary line: {@code N states generated, M distinct states found, Q states left on queue.} */
    public String summary() {
        return generated + " states generated, " + distinct + " distinct states found, " + queueLeft
                + " states left on queue.\nThe depth of the complete state graph search is " + depth + ".";
    }
}
