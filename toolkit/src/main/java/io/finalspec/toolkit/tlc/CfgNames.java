package io.finalspec.toolkit.tlc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the names listed after a keyword in a TLC config file, e.g. the PROPERTY names, which
 * TLC's "Temporal properties were violated" message does not repeat.
 */
final class CfgNames {

    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
        "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CHECK_DEADLOCK", "CONSTRAINT", "CONSTRAINTS",
        "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "VIEW", "SYMMETRY", "ALIAS", "POSTCONDITION");

    private CfgNames() {
    }

    static List<String> after(String cfgText, Set<String> keywords) {
        List<String> names = new ArrayList<>();
        boolean collecting = false;
        for (String token : stripComments(cfgText).split("[\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (KEYWORDS.contains(token)) {
                collecting = keywords.contains(token);
            } else if (collecting) {
                names.add(token);
            }
        }
        return names;
    }

    /**
     * The config with every PROPERTY/PROPERTIES section removed and a single {@code PROPERTY name}
     * appended: TLC says only "Temporal properties were violated", so when a config lists several,
     * each is checked alone to find which one fails.
     */
    static String withOnlyProperty(String cfgText, String property) {
        return without(cfgText, Set.of("PROPERTY", "PROPERTIES")) + "\nPROPERTY " + property + "\n";
    }

    /**
     * The config for simulating behaviours: no invariants, properties, deadlock checking or ALIAS,
     * because TLC's simulator stops at the first violation without writing the behaviour, and an
     * ALIAS changes how states print.
     */
    static String forSimulation(String cfgText) {
        return without(cfgText, Set.of("INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CHECK_DEADLOCK", "ALIAS",
            "POSTCONDITION")) + "\nCHECK_DEADLOCK FALSE\n";
    }

    /** The config (comments removed) without the sections that start with one of {@code keywords}. */
    static String without(String cfgText, Set<String> keywords) {
        String text = stripComments(cfgText);
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_][A-Za-z0-9_]*|\\s+|.").matcher(text);
        while (m.find()) {
            String token = m.group();
            if (KEYWORDS.contains(token)) {
                dropping = keywords.contains(token);
            }
            if (!dropping) {
                out.append(token);
            }
        }
        return out.toString();
    }

    private static String stripComments(String text) {
        return text.replaceAll("\\(\\*(?s:.*?)\\*\\)", " ").replaceAll("\\\\\\*[^\n]*", " ");
    }
}
