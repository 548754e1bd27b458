package io.finalspec.toolkit.tlc;

/**
 * How to run TLC.
 *
 * @param workers        TLC worker threads ({@code -workers})
 * @param heap           maximum heap of the TLC JVM, in Java's {@code -Xmx} syntax (e.g. {@code 4g})
 * @param timeoutSeconds the run is killed after this many seconds; 0 means no limit
 */
public record TlcOptions(int workers, String heap, double timeoutSeconds) {

    public static TlcOptions defaults() {
        return new TlcOptions(1, "4g", 0);
    }

    public TlcOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, not " + workers);
        }
        if (!heap.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("heap must look like 512m or 4g, not '" + heap + "'");
        }
    }
}
