package io.finalspec.toolkit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.finalspec.toolkit.tlc.TraceStep;

/**
 * Renders a counterexample for people: the first state in full, then for each step the action
 * and only the variables that changed.
 */
public final class TraceText {

    private TraceText() {
    }

    public static String render(List<TraceStep> trace) {
        StringBuilder out = new StringBuilder();
        Map<String, String> previous = null;
        for (TraceStep step : trace) {
            if (step.stutter()) {
                out.append(String.format("  %2d  (stuttering forever)%n", step.index()));
                continue;
            }
            if (step.backTo() > 0) {
                out.append(String.format("  %2d  (back to state %d: the behaviour loops forever)%n", step.index(), step.backTo()));
                continue;
            }
            out.append(String.format("  %2d  %s%n", step.index(), step.action()));
            for (Map.Entry<String, String> var : step.vars().entrySet()) {
                String before = previous == null ? null : previous.get(var.getKey());
                if (previous == null) {
                    out.append(String.format("        %s = %s%n", var.getKey(), var.getValue()));
                } else if (!Objects.equals(before, var.getValue())) {
                    out.append(String.format("        %s: %s  ->  %s%n", var.getKey(), before, var.getValue()));
                }
            }
            previous = step.vars();
        }
        return out.toString();
    }

    private static final Pattern STEP = Pattern.compile(" *(\\d+)  (.+)");
    private static final Pattern BACK = Pattern.compile("\\(back to state (\\d+): the behaviour loops forever\\)");
    private static final Pattern FULL = Pattern.compile(" {8}([A-Za-z_][A-Za-z0-9_]*) = (.*)");
    private static final Pattern CHANGED = Pattern.compile(" {8}([A-Za-z_][A-Za-z0-9_]*): (.*?)  ->  (.*)");

    /**
     * The trace {@link #render} printed, read back (a document keeps TLC's traces in this form):
     * each state's values are the previous state's with the printed changes applied.
     *
     * @throws IllegalArgumentException at the first line that is not of the rendered form
     */
    public static List<TraceStep> parse(String text) {
        List<TraceStep> steps = new ArrayList<>();
        Map<String, String> vars = null;
        String action = null;
        int index = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher full = FULL.matcher(line);
            Matcher changed = CHANGED.matcher(line);
            Matcher step = STEP.matcher(line);
            if (vars != null && steps.isEmpty() && action != null && full.matches()) {
                vars.put(full.group(1), full.group(2));
            } else if (vars != null && changed.matches() && vars.containsKey(changed.group(1))) {
                vars.put(changed.group(1), changed.group(3));
            } else if (step.matches()) {
                if (action != null) {
                    steps.add(new TraceStep(index, action, "", vars, false, 0));
                }
                index = Integer.parseInt(step.group(1));
                action = step.group(2);
                vars = vars == null ? new LinkedHashMap<>() : new LinkedHashMap<>(vars);
                if (steps.isEmpty() && index != 1) {
                    throw new IllegalArgumentException("a trace starts at state 1, not: " + line);
                }
                if (action.equals("(stuttering forever)") || BACK.matcher(action).matches()) {
                    steps.add(new TraceStep(index, "", "", Map.of(), action.startsWith("(stut"), backTo(action)));
                    action = null;
                }
            } else {
                throw new IllegalArgumentException("not a line of a rendered trace: " + line);
            }
        }
        if (action != null) {
            steps.add(new TraceStep(index, action, "", vars, false, 0));
        }
        return steps;
    }

    private static int backTo(String action) {
        Matcher m = BACK.matcher(action);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
