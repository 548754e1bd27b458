package io.finalspec.toolkit.oracle;

/** A failure of the TLC oracle; {@link #kind()} says whether the oracle is still usable. */
public final class OracleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The spec or config could not be loaded; the message is positioned ({@code File.tla:line:col: ...}). */
        LOAD,
        /** TLC failed on this request (an evaluation error, a bad state); the oracle still serves. */
        EVAL,
        /** The child could not build the machine {@link TlcOracle#compareGraph} compares (it does not compile there, its factory is missing). */
        MACHINE,
        /** The child JVM exited or did not answer in time; the oracle is closed. */
        DIED
    }

    private final Kind kind;

    OracleException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    OracleException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
