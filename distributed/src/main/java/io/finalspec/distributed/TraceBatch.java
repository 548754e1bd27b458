package io.finalspec.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer;

/**
 * The validation of ITF traces, one batch at a time, on the member a batch is sent to: each trace
 * is read with the member's machine's names and replayed in its machine, and answered by a
 * verdict that holds everything the coordinator prints, so that its output is the single
 * machine's.
 */
public final class TraceBatch {
    /** One trace: where it came from (for messages) and either its bytes (a file: UTF-8) or its text (a decoded line). */
    public record Input(String name, byte[] utf8, String text) implements Serializable {
        Itf.ItfTrace read(Itf.Reader reader) {
            return utf8 != null ? reader.read(utf8) : reader.read(text);
        }
    }

    /**
     * A trace's verdict: {@code malformed} the reader's message when it is no ITF trace of the spec
     * (then nothing else is set), else whether it is a behaviour, its states, the replay's report,
     * the trace printed step by step (when asked) and the replay's nanoseconds.
     */
    public record Verdict(String malformed, boolean ok, int states, String report, String printed, long replayNanos)
            implements Serializable {
    }

    private final Machine machine;
    private final boolean print;
    private final TraceReplayer replayer;
    private final Itf.Reader reader;

    /** {@code print}: verdicts carry the trace printed step by step. */
    public TraceBatch(Machine machine, boolean print) {
        this.machine = machine;
        this.print = print;
        this.replayer = new TraceReplayer(machine);
        this.reader = new Itf.Reader(machine.names());
    }

    /** Checks {@code traces} in order in {@code machine}. */
    static List<Verdict> check(Machine machine, List<Input> traces, boolean print) {
        TraceBatch batch = new TraceBatch(machine, print);
        List<Verdict> out = new ArrayList<>(traces.size());
        for (Input in : traces) {
            out.add(batch.check(in));
        }
        return out;
    }

    /** The verdict on one trace. */
    public Verdict check(Input in) {
        Trace trace;
        try {
            trace = in.read(reader).toTrace(machine);
        } catch (ItfException e) {
            return new Verdict(e.format(in.name()), false, 0, null, null, 0);
        }
        long t0 = System.nanoTime();
        TraceReplayer.Report report = replayer.replay(trace);
        long nanos = System.nanoTime() - t0;
        return new Verdict(null, report.ok(), trace.size(), report.ok() ? null : report.toString(),
            print ? TraceDiff.format(trace) : null, nanos);
    }
}
