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

    private static String stripComments(String text) {
        return text.replaceAll("\\(\\*(?s:.*?)\\*\\)", " ").replaceAll("\\\\\\*[^\n]*", " ");
    }
}
