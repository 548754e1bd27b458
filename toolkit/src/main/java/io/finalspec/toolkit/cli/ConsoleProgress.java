package io.finalspec.toolkit.cli;

import java.io.PrintWriter;

import io.finalspec.toolkit.tlc.TlcProgress;

/**
 * Live progress for long runs. On a terminal one status line is redrawn in place; elsewhere (CI
 * logs) a line is printed at most every {@link #LOG_INTERVAL_SECONDS} seconds so logs stay short.
 */
final class ConsoleProgress {

    private static final double LOG_INTERVAL_SECONDS = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private double lastLogged;
    private int lastWidth;

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ConsoleProgress forStderr(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null && System.getenv("CI") == null);
    }

    void update(String what, TlcProgress p) {
        update(what, p.generated(), p.distinct(), p.queue(), p.depth(), p.seconds());
    }

    void update(String what, long generated, long distinct, long queue, int depth, double seconds) {
        double rate = seconds <= 0 ? 0 : distinct / seconds;
        String line = String.format("%s: %,d distinct states (%,d generated, %,d queued, depth %d), %,.0f distinct/s, %.0f s",
            what, distinct, generated, queue, depth, rate, seconds);
        if (terminal) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            err.flush();
            lastWidth = line.length();
        } else if (seconds - lastLogged >= LOG_INTERVAL_SECONDS) {
            err.println(line);
            lastLogged = seconds;
        }
    }

    /** Clears the status line before normal output continues. */
    void clear() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
        lastWidth = 0;
        lastLogged = 0;
    }
}
