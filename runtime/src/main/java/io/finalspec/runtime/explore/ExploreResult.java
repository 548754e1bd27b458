package io.finalspec.runtime.explore;

import java.util.List;
import java.util.Objects;

import io.finalspec.runtime.trace.Trace;

/**
 * The result of an exploration, with TLC's statistics: {@code generated} counts every state
 * generated (initial states and every successor, duplicates and constraint-violating ones
 * included), {@code distinct} the states added to the seen set, {@code depth} TLC's "depth of the
 * complete state graph search" (the number of BFS levels, initial states being level 1). The trace
 * is null when the outcome is OK; otherwise it leads (shortest, for BFS) to the offending state, or
 * is a lasso for a liveness violation.
 *
 * <p>{@code notChecked} lists the properties of the model that this run did not (fully) decide, each
 * with the reason: an OK outcome with a non-empty list is "safety only", never a pass.
 */
public record ExploreResult(long generated, long distinct, int depth, long queueLeft, double seconds,
                            Outcome outcome, Trace trace, List<NotChecked> notChecked) {

    public ExploreResult {
        Objects.requireNonNull(outcome, "outcome");
        notChecked = List.copyOf(notChecked);
    }

    public ExploreResult(long generated, long distinct, int depth, long queueLeft, double seconds,
                         Outcome outcome, Trace trace) {
        this(generated, distinct, depth, queueLeft, seconds, outcome, trace, List.of());
    }

    /** A property the run did not decide, and why. */
    public record NotChecked(String property, String reason) {
        @Override
        public String toString() {
            return property + " (" + reason + ")";
        }
    }

    /** No violation found (some properties may still be unchecked: see {@link #complete}). */
    public boolean isOk() {
        return outcome.isOk();
    }

    /**
     * No violation found in the whole model (no state left on the queue: a search stopped at a
     * bound of its options is not one) and every property of the model decided: a pass.
     */
    public boolean complete() {
        return outcome.isOk() && notChecked.isEmpty() && queueLeft == 0;
    }

    /** The same result with a different list of unchecked properties. */
    public ExploreResult withNotChecked(List<NotChecked> list) {
        return new ExploreResult(generated, distinct, depth, queueLeft, seconds, outcome, trace, list);
    }

    /** TLC's summary line: {@code N states generated, M distinct states found, Q states left on queue.} */
    public String summary() {
        return generated + " states generated, " + distinct + " distinct states found, " + queueLeft
                + " states left on queue.\nThe depth of the complete state graph search is " + depth + ".";
    }
}
