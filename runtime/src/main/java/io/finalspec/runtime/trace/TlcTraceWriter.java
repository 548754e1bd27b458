package io.finalspec.runtime.trace;

import io.finalspec.runtime.machine.States;

/**
 * Writes traces in TLC's text forms, so TLC (or a person) can read what the runtime produced:
 * the trace module of {@code -simulate file=} ({@code STATE_1 == /\ x = ...}), which
 * {@link TlcTraceReader#readTraceModule} reads back, and a counterexample-style listing.
 */
public final class TlcTraceWriter {
    private TlcTraceWriter() {
    }

    /** A TLA+ module defining {@code STATE_1 .. STATE_n} and {@code Trace == <<STATE_1, ...>>}. */
    public static String traceModule(Trace trace, String moduleName) {
        StringBuilder sb = new StringBuilder();
        sb.append("---------------- MODULE ").append(moduleName).append(" ----------------\n");
        for (int i = 0; i < trace.size(); i++) {
            Trace.Step step = trace.steps().get(i);
            sb.append("\\* ").append(step.label() == null ? "<Initial predicate>" : "<" + step.label() + ">").append('\n');
            sb.append("STATE_").append(i + 1).append(" == \n");
            sb.append(States.format(trace.variables(), step.state())).append("\n\n");
        }
        sb.append("Trace == <<");
        for (int i = 0; i < trace.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("STATE_").append(i + 1);
        }
        sb.append(">>\n");
        sb.append("=================================================\n");
        return sb.toString();
    }

    /** TLC's counterexample listing: {@code State 1: <Initial predicate>} then the state block. */
    public static String counterexample(Trace trace) {
        return trace.toString();
    }
}
