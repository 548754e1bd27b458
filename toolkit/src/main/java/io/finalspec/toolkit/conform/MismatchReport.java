package io.finalspec.toolkit.conform;

import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer.VarDiff;

/** Renders a {@link Mismatch} for people: where, what differs, and how to get there. */
public final class MismatchReport {

    private MismatchReport() {
    }

    public static String format(Mismatch m, Machine machine) {
        StringBuilder out = new StringBuilder();
        out.append("MISMATCH (").append(m.kind()).append(", seed ").append(m.seed()).append(")\n");
        if (m.state() != null) {
            out.append("at state:\n").append(indent(States.format(machine.variables(), m.state())));
        }
        list(out, "TLC has, the machine lacks:", m.missing(), machine);
        list(out, "the machine has, TLC lacks:", m.extra(), machine);
        if (!m.diff().isEmpty()) {
            out.append("per-variable diff (TLC vs machine) of the closest pair with the same action:\n");
            for (VarDiff d : m.diff()) {
                out.append("  ").append(d).append('\n');
            }
        }
        if (m.path() != null && m.path().size() > 0) {
            out.append("shortest behaviour of the machine reaching it (").append(m.path().size()).append(" states):\n");
            out.append(indent(TraceDiff.format(m.path())));
        }
        return out.toString();
    }

    private static void list(StringBuilder out, String title, List<Transition> ts, Machine machine) {
        if (ts.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        for (Transition t : ts.subList(0, Math.min(ts.size(), 5))) {
            out.append("  ").append(t.label()).append(" ->\n").append(indent(indent(States.format(machine.variables(), t.state()))));
        }
        if (ts.size() > 5) {
            out.append("  ... and ").append(ts.size() - 5).append(" more\n");
        }
    }

    private static String indent(String s) {
        return s.lines().map(l -> "  " + l).reduce("", (a, b) -> a + b + "\n");
    }
}
