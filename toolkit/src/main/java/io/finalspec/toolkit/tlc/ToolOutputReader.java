package io.finalspec.toolkit.tlc;

import java.util.function.Consumer;

/**
 * Splits TLC's {@code -tool} standard output, fed line by line, into {@link ToolMessage}s.
 * Messages can start in the middle of a line (TLC prints some exception texts without a newline
 * before the next message), so the reader scans for markers rather than whole lines.
 */
final class ToolOutputReader {

    private static final String START = "@!@!@STARTMSG ";
    private static final String END = "@!@!@ENDMSG ";
    private static final String CLOSE = " @!@!@";

    private final Consumer<ToolMessage> sink;
    private StringBuilder body;
    private int code;
    private int severity;

    ToolOutputReader(Consumer<ToolMessage> sink) {
        this.sink = sink;
    }

    void line(String line) {
        String rest = line;
        while (!rest.isEmpty()) {
            if (body == null) {
                int s = rest.indexOf(START);
                if (s < 0) {
                    plain(rest);
                    return;
                }
                plain(rest.substring(0, s));
                rest = openMessage(rest.substring(s + START.length()));
            } else {
                int e = rest.indexOf(END);
                if (e < 0) {
                    body.append(rest).append('\n');
                    return;
                }
                body.append(rest, 0, e);
                sink.accept(new ToolMessage(code, severity, body.toString().strip()));
                body = null;
                int close = rest.indexOf(CLOSE, e + END.length());
                rest = close < 0 ? "" : rest.substring(close + CLOSE.length());
            }
        }
    }

    /** Parses {@code code:class @!@!@} and returns what follows the header on the line. */
    private String openMessage(String header) {
        int close = header.indexOf(CLOSE);
        String head = close < 0 ? header : header.substring(0, close);
        String[] parts = head.strip().split(":");
        code = parseInt(parts[0]);
        severity = parts.length > 1 ? parseInt(parts[1]) : 0;
        body = new StringBuilder();
        return close < 0 ? "" : header.substring(close + CLOSE.length());
    }

    private void plain(String text) {
        if (!text.isBlank()) {
            sink.accept(new ToolMessage(ToolMessage.PLAIN, 0, text.strip()));
        }
    }

    /** Flushes an unterminated message (TLC killed mid-message). */
    void finish() {
        if (body != null) {
            sink.accept(new ToolMessage(code, severity, body.toString().strip()));
            body = null;
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return ToolMessage.PLAIN;
        }
    }
}
