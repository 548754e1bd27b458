package io.finalspec.toolkit.tlc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One state of a TLC counterexample, as TLC printed it: the action that led here and each
 * variable's value in TLC's print syntax.
 *
 * @param index    1-based position in the trace
 * @param action   the action name ({@code Init} for the initial state)
 * @param location TLC's location text, e.g. {@code line 8, col 11 to line 8, col 73 of module Counter}
 * @param vars     variable name to printed value, in TLC's order
 * @param stutter  true for the final stuttering step of a liveness counterexample
 * @param backTo   for a lasso's last step, the 1-based index of the state it loops back to, else 0
 */
public record TraceStep(int index, String action, String location, Map<String, String> vars, boolean stutter, int backTo) {

    public TraceStep {
        vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /**
     * Parses the body of a 2217 message: {@code N: <Label line .. of module M>} then
     * {@code /\ var = value} lines; a value may continue on following lines.
     */
    static TraceStep parse(String body) {
        String[] lines = body.split("\n");
        String head = lines[0].strip();
        int colon = head.indexOf(':');
        int index = Integer.parseInt(head.substring(0, colon).strip());
        String label = head.substring(colon + 1).strip();
        String action;
        String location = "";
        if (label.startsWith("<") && label.endsWith(">")) {
            String inner = label.substring(1, label.length() - 1);
            int at = inner.indexOf(" line ");
            action = at < 0 ? inner : inner.substring(0, at);
            location = at < 0 ? "" : inner.substring(at + 1);
            if (action.equals("Initial predicate")) {
                action = "Init";
            }
        } else {
            action = label;
        }
        return new TraceStep(index, action, location, parseVars(lines), false, 0);
    }

    private static Map<String, String> parseVars(String[] lines) {
        Map<String, String> vars = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            boolean starts = t.startsWith("/\\ ") || (name == null && t.contains(" = "));
            if (starts) {
                if (name != null) {
                    vars.put(name, value.toString().strip());
                }
                String decl = t.startsWith("/\\ ") ? t.substring(3) : t;
                int eq = decl.indexOf(" = ");
                name = decl.substring(0, eq).strip();
                value = new StringBuilder(decl.substring(eq + 3));
            } else if (name != null && !t.isEmpty()) {
                value.append(' ').append(t);
            }
        }
        if (name != null) {
            vars.put(name, value.toString().strip());
        }
        return vars;
    }
}
