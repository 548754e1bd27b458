package io.finalspec.toolkit.tlc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.finalspec.codegen.manifest.Expectation;

/**
 * Turns the stream of TLC messages of one run into a {@link TlcResult}: the outcome, the
 * statistics and the counterexample, and for failures a one-line, positioned error message.
 */
final class ResultCollector {

    private static final Pattern STATS = Pattern.compile("([\\d,]+) states generated, ([\\d,]+) distinct states found");
    private static final Pattern DEPTH = Pattern.compile("depth of the complete state graph search is ([\\d,]+)");
    // a name, or for a conjunct without one its position ("line 3, col 5 to line 3, col 20 of module M")
    private static final Pattern INVARIANT = Pattern.compile("Invariant (.+?) is violated");
    private static final Pattern ACTION_PROPERTY = Pattern.compile("Action property (.+?) is violated");
    private static final Pattern INITIAL_PROPERTY = Pattern.compile("Property (.+?) is violated by the initial state");
    private static final Pattern SPAN = Pattern.compile("line (\\d+), col(?:umn)? (\\d+)(?: to line \\d+, col \\d+)?(?: of module (\\w+))?");
    private static final Pattern CFG_LINE = Pattern.compile("configuration file at line (\\d+)");
    private static final Pattern FINISHED = Pattern.compile("Finished in (\\d+)ms");
    /** TLC 2.18 writes "1: Back to state: <A line ...>" (the state's number first), older ones "Back to state 1". */
    private static final Pattern BACK_TO = Pattern.compile("^(\\d+): Back to state|Back to state:? ?(\\d+)");

    private final Path specDir;
    private final Path config;
    private final String module;
    private final List<String> properties;

    private Expectation violation;
    private final List<String> errors = new ArrayList<>();
    private final List<String> plain = new ArrayList<>();
    private final List<TraceStep> trace = new ArrayList<>();
    private boolean parseFailed;
    private boolean success;
    private long generated = -1;
    private long distinct = -1;
    private int depth = -1;
    private long tlcMillis = -1;

    ResultCollector(Path specDir, Path config, String module, List<String> properties) {
        this.specDir = specDir;
        this.config = config;
        this.module = module;
        this.properties = properties;
    }

    void accept(ToolMessage m) {
        switch (m.code()) {
            case ToolMessage.PLAIN -> plain.add(m.body());
            case ToolMessage.INVARIANT_VIOLATED, ToolMessage.INVARIANT_VIOLATED_INITIAL -> violation = invariant(m.body());
            case ToolMessage.DEADLOCK -> violation = Expectation.DEADLOCK;
            case ToolMessage.ACTION_PROPERTY_VIOLATED -> violation = actionProperty(m.body());
            case ToolMessage.PROPERTY_VIOLATED_INITIAL -> violation = initialProperty(m.body());
            case ToolMessage.TEMPORAL_VIOLATED -> violation = Expectation.property(properties.size() == 1 ? properties.get(0) : "?");
            case ToolMessage.STATE -> trace.add(TraceStep.parse(m.body()));
            case ToolMessage.STUTTERING -> trace.add(new TraceStep(trace.size() + 1, "Stuttering", "", java.util.Map.of(), true, 0));
            case ToolMessage.BACK_TO_STATE -> trace.add(backTo(m.body()));
            case ToolMessage.STATS -> stats(m.body());
            case ToolMessage.SEARCH_DEPTH -> depth = (int) number(DEPTH, m.body(), 1);
            case ToolMessage.SUCCESS -> success = true;
            case ToolMessage.FINISHED -> tlcMillis = number(FINISHED, m.body(), 1);
            case ToolMessage.PARSE_FAILED -> parseFailed = true;
            default -> {
                if (m.isError() && m.code() != ToolMessage.BEHAVIOR_FOLLOWS) {
                    errors.add(m.body());
                }
            }
        }
    }

    private TraceStep backTo(String body) {
        Matcher mm = BACK_TO.matcher(body.strip());
        int target = !mm.find() ? 0 : Integer.parseInt(mm.group(1) != null ? mm.group(1) : mm.group(2));
        return new TraceStep(trace.size() + 1, "Back to state " + target, "", java.util.Map.of(), false, target);
    }

    private static Expectation invariant(String body) {
        Matcher mm = INVARIANT.matcher(body);
        return Expectation.invariant(mm.find() ? mm.group(1) : "?");
    }

    private static Expectation actionProperty(String body) {
        Matcher mm = ACTION_PROPERTY.matcher(body);
        return Expectation.property(mm.find() ? mm.group(1) : "?");
    }

    private static Expectation initialProperty(String body) {
        Matcher mm = INITIAL_PROPERTY.matcher(body);
        return Expectation.property(mm.find() ? mm.group(1) : "?");
    }

    private void stats(String body) {
        Matcher mm = STATS.matcher(body);
        if (mm.find()) {
            generated = parseLong(mm.group(1));
            distinct = parseLong(mm.group(2));
        }
    }

    /** @param timeout null, or why the run was killed (with TLC's last output) */
    TlcResult finish(int exitCode, double seconds, String stderr, String timeout) {
        Expectation outcome;
        if (timeout != null) {
            outcome = Expectation.error("TLC " + timeout + "\n(raise the timeout or pick a smaller model)");
        } else if (mentionsOutOfMemory(stderr)) {
            outcome = Expectation.error(String.format("%s after %,d distinct states (raise --heap, or pick a smaller model)",
                TlcResult.OUT_OF_MEMORY, Math.max(0, distinct)));
        } else if (violation != null) {
            outcome = violation;
        } else if (success && exitCode == 0) {
            outcome = Expectation.PASS;
        } else {
            outcome = Expectation.error(describeFailure(exitCode, stderr));
        }
        List<TraceStep> steps = outcome.isViolation() ? trace : List.of();
        return new TlcResult(outcome, generated, distinct, depth, seconds, steps, exitCode, tlcMillis / 1000.0);
    }

    /** TLC reports a full heap as "Error: Java heap space" (the OutOfMemoryError's message), or with the class name. */
    private boolean mentionsOutOfMemory(String stderr) {
        return OOM.matcher(stderr).find() || plain.stream().anyMatch(p -> OOM.matcher(p).find())
            || errors.stream().anyMatch(p -> OOM.matcher(p).find());
    }

    private static final java.util.regex.Pattern OOM =
        java.util.regex.Pattern.compile("OutOfMemoryError|Java heap space|GC overhead limit exceeded");

    /** A one-line, positioned description of why TLC failed, for a person. */
    private String describeFailure(int exitCode, String stderr) {
        if (parseFailed) {
            return parseError();
        }
        for (String e : errors) {
            Matcher cfg = CFG_LINE.matcher(e);
            if (cfg.find()) {
                return config + ":" + cfg.group(1) + ": " + lastLine(e);
            }
            if (e.contains("configuration file")) {
                return config + ": " + oneLine(e);
            }
        }
        if (!errors.isEmpty()) {
            String e = String.join("\n", errors);
            return positioned(e) + oneLine(errors.get(0));
        }
        String tail = stderr.isBlank() ? String.join("\n", plain) : stderr;
        return "TLC failed with exit code " + exitCode + (tail.isBlank() ? "" : ": " + oneLine(lastLines(tail, 3)));
    }

    /** SANY's diagnostics arrive as plain text before the 3002 message. */
    private String parseError() {
        for (int i = 0; i < plain.size(); i++) {
            String p = plain.get(i);
            if (p.startsWith("Encountered") || p.startsWith("Lexical error")) {
                String expecting = i > 0 && plain.get(i - 1).startsWith("Was expecting") ? " (" + plain.get(i - 1).toLowerCase() + ")" : "";
                return positioned(p) + "parse error: " + p.replaceAll(" at line \\d+, column \\d+\\.?", "").strip() + expecting;
            }
            if (SPAN.matcher(p).lookingAt() && i + 1 < plain.size()) {
                return positioned(p) + plain.get(i + 1);
            }
            if (p.startsWith("Cannot find source file") || p.contains("could not be found")) {
                return specDir.resolve(module + ".tla") + ": " + p;
            }
        }
        return specDir.resolve(module + ".tla") + ": parsing or semantic analysis failed";
    }

    /** {@code File.tla:line:col: } for the first TLA+ position in text, or empty. */
    private String positioned(String text) {
        Matcher mm = SPAN.matcher(text);
        if (!mm.find()) {
            return "";
        }
        String mod = mm.group(3) == null ? module : mm.group(3);
        return specDir.resolve(mod + ".tla") + ":" + mm.group(1) + ":" + mm.group(2) + ": ";
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\n\\s*", " ");
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String lastLines(String s, int n) {
        String[] lines = s.strip().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
    }

    private static long number(Pattern p, String body, int group) {
        Matcher mm = p.matcher(body);
        return mm.find() ? parseLong(mm.group(group)) : -1;
    }

    private static long parseLong(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
