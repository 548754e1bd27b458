package io.finalspec.toolkit.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
