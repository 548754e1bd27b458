package io.finalspec.toolkit.html;

/** A report input (a trace, a result file) that is missing or malformed; the message names the file and where. */
public final class ReportInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public ReportInputException(String message) {
        super(message);
    }
}
