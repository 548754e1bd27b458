package io.finalspec.runtime.trace;

import io.finalspec.runtime.value.TlaEvalException;

/**
 * A malformed ITF trace, at the 1-based line and column of the offending JSON (line 0 when the
 * JSON came without positions, e.g. from a Gson tree). Callers print it as
 * {@code file:line:column: detail}.
 */
public final class ItfException extends TlaEvalException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String detail;

    public ItfException(int line, int column, String detail) {
        super(line > 0 ? line + ":" + column + ": " + detail : detail);
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without its position. */
    public String detail() {
        return detail;
    }

    /** {@code file:line:column: detail}, or {@code file: detail} when there is no position. */
    public String format(String file) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + detail : file + ": " + detail;
    }
}
