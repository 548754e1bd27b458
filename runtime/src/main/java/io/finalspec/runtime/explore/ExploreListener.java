package io.finalspec.runtime.explore;

/** Receives exploration events; all methods are optional. Called from a reporter thread. */
public interface ExploreListener {

    /** Statistics at one moment of the search. */
    record Progress(long generated, long distinct, long queue, int depth, double statesPerSecond, double seconds) {
        @Override
        public String toString() {
            return String.format("Progress(%d) at %.0fs: %d states generated (%.0f s/s), %d distinct states found, %d states left on queue.",
                    depth, seconds, generated, statesPerSecond, distinct, queue);
        }
    }

    /** About every progress interval (2 s by default). */
    default void progress(Progress p) {
    }

    /** Once, when the search ends. */
    default void finished(ExploreResult result) {
    }

    ExploreListener NONE = new ExploreListener() {
    };
}
