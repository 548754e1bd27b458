package io.finalspec.toolkit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Where every failure of a command ends: the one place that turns a {@link Throwable} into an exit
 * code and the line the user sees. User mistakes print their positioned message (exit 3, or 2 for
 * the command line); running out of memory prints how to go on (exit 6); everything else, a
 * {@link StackOverflowError} included, is a finalspec bug: one line with a pointer to a log file
 * that holds the stack (exit 4). No stack trace ever reaches the terminal.
 */
final class ErrorBoundary {

    private final PrintWriter err;
    private final List<String> args;

    ErrorBoundary(PrintWriter err, String[] args) {
        this.err = err;
        this.args = List.of(args);
    }

    /** Reports {@code t} and returns the exit code it maps to. */
    int report(Throwable t) {
        if (t instanceof UserError u) {
            err.println("finalspec: " + u.getMessage());
            return u.exitCode().code();
        }
        if (t instanceof ResourceExhausted r) {
            // printed in two parts: no new string on a heap that may still be nearly full
            err.print("finalspec: ");
            err.println(r.getMessage());
            return ExitCode.RESOURCES.code();
        }
        if (ResourceExhausted.isExhaustion(t)) {
            err.println("finalspec: " + ResourceExhausted.somewhere().getMessage());
            return ExitCode.RESOURCES.code();
        }
        Path log = CrashLog.write(t, args);
        err.println("finalspec: internal error (a bug in finalspec): " + oneLine(t)
            + (log == null ? "" : "; the stack trace is in " + log));
        if (log == null) {
            t.printStackTrace(err);
        }
        return ExitCode.INTERNAL.code();
    }

    private static String oneLine(Throwable t) {
        String s = t.toString();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
