package io.finalspec.toolkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.TemporalProperty;

/**
 * What an {@code explore} run checked of the model's config, one line per part, so that nothing is
 * silently skipped: invariants, properties (each checked or not, with the reason), deadlock,
 * ASSUMEs, constraints, action constraints, symmetry and view.
 */
final class ConfigCoverage {
    private ConfigCoverage() {
    }

    static String describe(Machine m, ExploreResult r) {
        StringBuilder sb = new StringBuilder("checked:\n");
        line(sb, "invariants", names(m.invariants().stream().map(Machine.Predicate::name).toList()));
        line(sb, "properties", properties(m, r));
        line(sb, "fairness", m.fairness().isEmpty() ? "none" : m.fairness().size() + " condition"
            + (m.fairness().size() == 1 ? "" : "s") + " (WF/SF of the behaviour spec)");
        line(sb, "deadlock", m.checkDeadlock() ? "yes" : "no (CHECK_DEADLOCK FALSE)");
        line(sb, "ASSUMEs", names(m.assumptions()));
        line(sb, "constraints", names(m.constraints().stream().map(Machine.Predicate::name).toList()));
        line(sb, "action constraints", names(m.actionConstraints().stream().map(Machine.ActionPredicate::name).toList()));
        line(sb, "symmetry", m.symmetric() ? "yes (states reduced by SYMMETRY)" : "none");
        line(sb, "view", m.hasView() ? "yes (states identified by VIEW)" : "none");
        return sb.toString();
    }

    private static void line(StringBuilder sb, String what, String text) {
        sb.append(String.format("  %-19s %s%n", what + ":", text));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    /** Each property with what happened to it in this run. */
    private static String properties(Machine m, ExploreResult r) {
        Map<String, String> unchecked = r.notChecked().stream()
            .collect(Collectors.toMap(ExploreResult.NotChecked::property, ExploreResult.NotChecked::reason, (a, b) -> a));
        boolean stoppedEarly = !r.isOk() && r.outcome().kind() != Outcome.Kind.PROPERTY;
        List<String> out = new ArrayList<>();
        for (TemporalProperty p : m.properties()) {
            String status;
            if (r.outcome().kind() == Outcome.Kind.PROPERTY && p.name().equals(r.outcome().name())) {
                status = "violated";
            } else if (unchecked.containsKey(p.name()) && !stoppedEarly) {
                status = "not checked: " + unchecked.get(p.name());
            } else if (stoppedEarly && p.hasLiveness()) {
                status = "liveness not reached (the search stopped at the violation)";
            } else {
                status = p.hasLiveness() ? "checked (safety and liveness)" : "checked";
            }
            out.add(p.name() + " (" + status + ")");
        }
        return out.isEmpty() ? "none" : String.join(", ", out);
    }
}
