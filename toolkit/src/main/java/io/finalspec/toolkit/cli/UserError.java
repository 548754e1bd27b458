package io.finalspec.toolkit.cli;

/** A mistake in the user's input: printed as one line, never with a stack trace. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public UserError(String message) {
        this(message, ExitCode.INPUT);
    }

    public UserError(String message, ExitCode exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
