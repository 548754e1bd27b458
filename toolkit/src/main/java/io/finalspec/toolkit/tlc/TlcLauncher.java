package io.finalspec.toolkit.tlc;

import tlc2.TLCGlobals;
import tlc2.tool.AbstractChecker;
import tlc2.tool.ModelChecker;

/**
 * Entry point of the TLC subprocess: runs {@code tlc2.TLC} unchanged, plus a daemon thread that
 * prints one progress line per second on standard error.
 *
 * <p>TLC's own progress report comes once a minute (its interval is a compile-time constant),
 * which is too rare for a person watching a terminal, so we read the running checker's counters
 * instead. The line format is {@link #PROGRESS_PREFIX} followed by
 * {@code generated distinct queue depth}. At exit it prints the process's peak memory
 * ({@link PeakMemory}), which {@code finalspec bench} compares with the explorer's.
 */
public final class TlcLauncher {

    /** Marks a progress line on the subprocess's standard error. */
    public static final String PROGRESS_PREFIX = "@@finalspec-progress ";

    private TlcLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Thread reporter = new Thread(TlcLauncher::reportProgress, "finalspec-progress");
        reporter.setDaemon(true);
        reporter.start();
        PeakMemory.reportAtExit();
        tlc2.TLC.main(args);
    }

    private static void reportProgress() {
        try {
            while (true) {
                Thread.sleep(1000);
                AbstractChecker checker = TLCGlobals.mainChecker;
                if (checker instanceof ModelChecker mc) {
                    System.err.println(PROGRESS_PREFIX + mc.getStatesGenerated() + " "
                        + mc.getDistinctStatesGenerated() + " " + mc.getStateQueueSize() + " " + mc.getProgress());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Counters read while TLC is starting up or tearing down may not be ready; progress is best effort.
        }
    }
}
