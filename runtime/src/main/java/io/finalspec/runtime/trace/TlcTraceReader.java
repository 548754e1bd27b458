package io.finalspec.runtime.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Value;

/**
 * Reads traces printed by TLC:
 * <ul>
 *   <li>trace modules written by {@code -simulate file=...}: {@code STATE_1 == /\ x = ...} blocks;</li>
 *   <li>counterexamples, either plain ({@code State 2: <Inc line 5, col 11 ... of module W>} followed
 *       by a state block) or in {@code -tool} mode (the same text inside message 2217; the
 *       {@code @!@!@} marker lines are ignored).</li>
 * </ul>
 * TLC's counterexample headers name the action but not its parameters, so labels are read as the
 * bare action name ({@code null} for {@code <Initial predicate>}).
 */
public final class TlcTraceReader {
    private static final Pattern STATE_DEF = Pattern.compile("^\\s*STATE_?(\\d+)\\s*==\\s*$");
    private static final Pattern OTHER_DEF = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*\\s*==|={4,}|-{4,}.*MODULE|\\\\\\*).*");
    private static final Pattern HEADER = Pattern.compile("^(?:State )?(\\d+): <(.*)>\\s*$");

    private TlcTraceReader() {
    }

    /** A parsed state: the action name from TLC's header (null for the initial state) and the values. */
    public record ParsedStep(String action, Map<String, Value> values) {
    }

    /** Parses a trace module written by TLC's {@code -simulate file=}. */
    public static List<ParsedStep> readTraceModule(String text, NameTable names) {
        List<ParsedStep> out = new ArrayList<>();
        StringBuilder block = null;
        for (String line : text.split("\r?\n", -1)) {
            Matcher m = STATE_DEF.matcher(line);
            if (m.matches()) {
                flush(block, null, out, names);
                block = new StringBuilder();
                continue;
            }
            if (OTHER_DEF.matcher(line).matches()) {
                flush(block, null, out, names);
                block = null;
                continue;
            }
            if (block != null) {
                block.append(line).append('\n');
            }
        }
        flush(block, null, out, names);
        return out;
    }

    /** Parses a TLC counterexample (plain or {@code -tool} output; other lines are skipped). */
    public static List<ParsedStep> readCounterexample(String text, NameTable names) {
        List<ParsedStep> out = new ArrayList<>();
        StringBuilder block = null;
        String action = null;
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith("@!@!@")) {
                continue;
            }
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                flush(block, action, out, names);
                block = new StringBuilder();
                action = actionName(m.group(2));
                continue;
            }
            if (block != null) {
                if (line.isBlank()) {
                    if (block.toString().isBlank()) {
                        continue;
                    }
                    flush(block, action, out, names);
                    block = null;
                } else {
                    block.append(line).append('\n');
                }
            }
        }
        flush(block, action, out, names);
        return out;
    }

    private static String actionName(String header) {
        if (header.startsWith("Initial predicate")) {
            return null;
        }
        int end = 0;
        while (end < header.length() && (Character.isLetterOrDigit(header.charAt(end)) || header.charAt(end) == '_')) {
            end++;
        }
        return end == 0 ? header : header.substring(0, end);
    }

    private static void flush(StringBuilder block, String action, List<ParsedStep> out, NameTable names) {
        if (block != null && !block.toString().isBlank()) {
            out.add(new ParsedStep(action, ValueParser.parseState(block.toString(), names)));
        }
    }

    /** Builds a {@link Trace} of {@code machine}'s states (variables looked up by name). */
    public static Trace toTrace(Machine machine, List<ParsedStep> steps) {
        List<Trace.Step> out = new ArrayList<>();
        List<String> vars = machine.variables();
        for (int i = 0; i < steps.size(); i++) {
            ParsedStep p = steps.get(i);
            Value[] vals = new Value[vars.size()];
            for (int j = 0; j < vals.length; j++) {
                vals[j] = p.values().get(vars.get(j));
                if (vals[j] == null) {
                    throw new TlaEvalException("state " + (i + 1) + " of the trace has no value for variable " + vars.get(j));
                }
            }
            ActionLabel label = i == 0 || p.action() == null ? null : ActionLabel.of(p.action());
            out.add(new Trace.Step(label, machine.state(vals)));
        }
        return new Trace(vars, out);
    }
}
