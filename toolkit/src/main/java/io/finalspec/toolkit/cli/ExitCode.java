package io.finalspec.toolkit.cli;

/**
 * The exit codes of every {@code finalspec} command, documented in the README.
 */
public enum ExitCode {
    /** Everything was as expected. */
    OK(0),
    /** The check ran and found something: an expectation not met, a violation, a mismatch. */
    FAILED(1),
    /** The command line was wrong (unknown option, missing argument). */
    USAGE(2),
    /** An input was wrong: a spec, config, manifest or trace that does not parse or does not exist. */
    INPUT(3),
    /** A bug in finalspec itself: one line, and the stack trace in a log file whose path is printed. */
    INTERNAL(4),
    /** {@code explore}: no violation found, but some property could not be checked (safety only, never a pass). */
    NOT_CHECKED(5),
    /** The machine ran out of a resource (memory): the message says how far the run got and how to go on. */
    RESOURCES(6),
    /** {@code explore --distributed}: a member left the cluster mid-run; the run stopped without a result. */
    MEMBER_LOST(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
