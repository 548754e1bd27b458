package io.finalspec.toolkit.tlc;

import java.time.Duration;

/**
 * How to run TLC.
 *
 * @param workers        TLC worker threads ({@code -workers})
 * @param heap           maximum heap of the TLC JVM, in Java's {@code -Xmx} syntax (e.g. {@code 4g})
 * @param timeoutSeconds the run is killed (with its process tree) after this many seconds; 0 means no limit,
 *                       which only a user's explicit choice should give
 * @param quickStart     tune the JVM for models checked in a second or two, where start-up is most of
 *                       the time (serial GC, no optimising JIT): the fuzzer runs thousands of those
 */
public record TlcOptions(int workers, String heap, double timeoutSeconds, boolean quickStart) {

    /** Options for a model of any size (a JVM tuned for long runs). */
    public TlcOptions(int workers, String heap, double timeoutSeconds) {
        this(workers, heap, timeoutSeconds, false);
    }

    /** One worker, 4 GB and {@link ChildProcess#defaultTimeout()} (120 s unless {@code -Dfinalspec.child.timeout}). */
    public static TlcOptions defaults() {
        return new TlcOptions(1, "4g", ChildProcess.defaultTimeout().toMillis() / 1000.0);
    }

    /** The same options with another timeout in seconds. */
    public TlcOptions withTimeout(double seconds) {
        return new TlcOptions(workers, heap, seconds, quickStart);
    }

    /** The timeout as a duration ({@link Duration#ZERO} for no limit). */
    public Duration timeout() {
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    public TlcOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must not be negative, not " + timeoutSeconds);
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("heap must look like 512m or 4g, not '" + heap + "'");
        }
    }
}
