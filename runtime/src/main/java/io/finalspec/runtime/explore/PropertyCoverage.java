package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.machine.TemporalProperty.Clause;

/** Which of a machine's properties a kind of run leaves undecided, and why. */
public final class PropertyCoverage {
    private PropertyCoverage() {
    }

    /**
     * What a breadth-first search alone leaves undecided: every property with a conjunct outside
     * the checked forms, or with a liveness conjunct (those need {@code liveness.LivenessChecker}).
     */
    public static List<ExploreResult.NotChecked> beyondSafety(Machine m) {
        return beyondSafety(m, "liveness is not checked by a safety-only search");
    }

    /** As {@link #beyondSafety(Machine)}, with {@code why} as the reason its liveness conjuncts are not checked. */
    public static List<ExploreResult.NotChecked> beyondSafety(Machine m, String why) {
        List<ExploreResult.NotChecked> out = new ArrayList<>();
        for (TemporalProperty p : m.properties()) {
            String reason = unsupportedReason(p);
            if (reason == null && p.hasLiveness()) {
                reason = why;
            }
            if (reason != null) {
                out.add(new ExploreResult.NotChecked(p.name(), reason));
            }
        }
        return out;
    }

    /** What a full check (safety and liveness) leaves undecided: properties with an unchecked conjunct. */
    public static List<ExploreResult.NotChecked> unsupported(Machine m) {
        List<ExploreResult.NotChecked> out = new ArrayList<>();
        for (TemporalProperty p : m.properties()) {
            String reason = unsupportedReason(p);
            if (reason != null) {
                out.add(new ExploreResult.NotChecked(p.name(), reason));
            }
        }
        return out;
    }

    private static String unsupportedReason(TemporalProperty p) {
        List<String> reasons = new ArrayList<>();
        for (Clause c : p.clauses()) {
            if (c instanceof Clause.Unchecked u) {
                reasons.add(u.text() + ": " + u.reason());
            }
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }
}
