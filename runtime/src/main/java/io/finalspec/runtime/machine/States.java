package io.finalspec.runtime.machine;

import java.util.List;

import io.finalspec.runtime.value.Value;

/** Helpers over states: TLC's state block format, the seen-set fingerprint of a machine. */
public final class States {
    private States() {
    }

    /** TLC's printed state: one {@code /\ name = value} line per variable. */
    public static String format(List<String> names, State s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append("/\\ ").append(names.get(i)).append(" = ").append(s.get(i));
        }
        return sb.toString();
    }

    /**
     * The fingerprint the explorer uses to identify a state: that of the VIEW value when the model
     * declares one ({@link Machine#view} returns non-null), else the state's own.
     */
    public static long viewFingerprint(Machine m, State s) {
        Value v = m.view(s);
        return v == null ? s.fingerprint() : v.fingerprint();
    }

    /** Whether two states hold equal values (TLA+ equality, variable by variable). */
    public static boolean equal(State a, State b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size() || a.fingerprint() != b.fingerprint()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The values of a state in variable order. */
    public static Value[] values(State s) {
        Value[] v = new Value[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.get(i);
        }
        return v;
    }
}
