package io.finalspec.runtime.value;

/**
 * An evaluation error with a message worded like TLC's (overflow, comparing incomparable values,
 * applying a function outside its domain, CHOOSE with no witness...). Generated code and the runtime
 * raise only this for semantic errors, never a NullPointerException or ClassCastException.
 */
public class TlaEvalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlaEvalException(String message) {
        super(message);
    }

    public TlaEvalException(String message, Throwable cause) {
        super(message, cause);
    }
}
