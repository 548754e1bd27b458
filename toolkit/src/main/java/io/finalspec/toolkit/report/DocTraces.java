package io.finalspec.toolkit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TraceStep;

/**
 * Keeps the traces a document quotes equal to what TLC found. A document marks where a model's
 * result goes with {@code <!-- tlc-trace: NAME -->} ... {@code <!-- /tlc-trace -->}; {@link #fill}
 * replaces each marked block of a model checked in this run with the outcome, the counterexample
 * TLC printed (as {@code check} prints it) and each witness with the path TLC found to it. Blocks of
 * models not checked in the run are left as they are.
 */
public final class DocTraces {

    private static final Pattern BLOCK = Pattern.compile(
        "<!-- tlc-trace: ([A-Za-z0-9_.-]+) -->\\n(.*?)<!-- /tlc-trace -->", Pattern.DOTALL);

    private DocTraces() {
    }

    /** The result of filling a document: its new text and the models whose block changed. */
    public record Filled(String text, List<String> changed, List<String> filled) {
    }

    public static Filled fill(String doc, Map<String, CheckRow> rows) {
        Matcher m = BLOCK.matcher(doc);
        StringBuilder out = new StringBuilder();
        List<String> changed = new ArrayList<>();
        List<String> filled = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            CheckRow row = rows.get(name);
            String body = row == null ? m.group(2) : body(row);
            if (row != null) {
                filled.add(name);
                if (!body.equals(m.group(2))) {
                    changed.add(name);
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- tlc-trace: " + name + " -->\n" + body + "<!-- /tlc-trace -->"));
        }
        m.appendTail(out);
        return new Filled(out.toString(), changed, filled);
    }

    private static final Pattern RECORDED = Pattern.compile(
        "`[^`]+`: TLC found \\*\\*(.+?)\\*\\*.*?```text\\n(.*?)```", Pattern.DOTALL);

    /** A counterexample a document keeps: what TLC found and its trace. */
    public record Recorded(Expectation outcome, List<TraceStep> trace) {
    }

    /**
     * The counterexamples a document's blocks keep, by model, in order: read back from the text
     * {@link #fill} wrote, so that what a document quotes can be recomputed from it.
     */
    public static Map<String, Recorded> counterexamples(String doc) {
        Map<String, Recorded> out = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            Matcher r = RECORDED.matcher(m.group(2));
            if (r.find()) {
                out.put(m.group(1), new Recorded(Expectation.parse(r.group(1)), TraceText.parse(r.group(2))));
            }
        }
        return out;
    }

    /** The names of the models a document has blocks for, in order. */
    public static List<String> models(String doc) {
        Matcher m = BLOCK.matcher(doc);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String body(CheckRow row) {
        TlcResult r = row.result();
        StringBuilder b = new StringBuilder();
        b.append(String.format("`%s`: TLC found **%s**", row.model().name(), r.outcome()));
        if (r.outcome().isViolation() && !r.trace().isEmpty()) {
            b.append(String.format(" (%d distinct states explored; the trace has %d states):%n%n", r.distinct(), states(r.trace())));
            b.append("    ").append(path(r.trace())).append("\n\n");
            b.append("<details><summary>The trace as TLC printed it</summary>\n\n```text\n");
            b.append(TraceText.render(r.trace()));
            b.append("```\n\n</details>\n\n");
        } else {
            b.append(String.format(" (%d distinct states).%n%n", r.distinct()));
        }
        for (WitnessResult w : row.witnesses()) {
            if (w.reached()) {
                b.append(String.format("* witness `%s` reached in %d states: %s%n", w.name(), states(w.result().trace()),
                    path(w.result().trace())));
            } else {
                b.append(String.format("* witness `%s`: %s%n", w.name(), w.verdict()));
            }
        }
        if (!row.witnesses().isEmpty()) {
            b.append('\n');
        }
        return b.toString();
    }

    private static long states(List<TraceStep> trace) {
        return trace.stream().filter(s -> !s.vars().isEmpty()).count();
    }

    /** The actions of a trace in order, e.g. {@code Init → TakeGilC1 → FinSetFinalizing}. */
    static String path(List<TraceStep> trace) {
        return trace.stream().map(s -> s.stutter() ? "(stutters)" : s.backTo() > 0 ? "(back to state " + s.backTo() + ")" : s.action())
            .collect(Collectors.joining(" → "));
    }

}
