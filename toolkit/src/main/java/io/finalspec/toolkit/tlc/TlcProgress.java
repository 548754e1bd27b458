package io.finalspec.toolkit.tlc;

/** A progress sample of a running TLC: states generated, distinct, queue size, depth, elapsed seconds. */
public record TlcProgress(long generated, long distinct, long queue, int depth, double seconds) {

    /** Distinct states per second since the start. */
    public double distinctPerSecond() {
        return seconds <= 0 ? 0 : distinct / seconds;
    }
}
