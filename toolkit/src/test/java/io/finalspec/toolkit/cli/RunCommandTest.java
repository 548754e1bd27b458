package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finalspec run} through the real main: two threads that lose an update (Race.cfg) and the
 * same with a lock (RaceLocked.cfg), under each scheduler; the exit code says whether an invariant broke.
 */
class RunCommandTest {

    static final Path DIR = Path.of("src/test/resources/live").toAbsolutePath();
    static final String SPEC = DIR.resolve("Race.tla").toString();
    static final String LOCKED = DIR.resolve("RaceLocked.cfg").toString();

    @TempDir
    Path tmp;

    private int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    void replayDrivesTheThreadsAlongTheCounterexampleAndTraceReplaysItsFile() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "run", SPEC, "--replay", "--out", tmp.toString()), out.toString());
        assertTrue(out.toString().contains("scheduler trace: the explorer's counterexample (4 steps)"), out.toString());
        assertTrue(out.toString().contains("run  1:   4 steps, invariant NoLostUpdate broken at the trace's last step"), out.toString());
        assertTrue(out.toString().contains("replays as a behaviour of the spec"), out.toString());
        Path itf;
        try (var traces = Files.list(tmp.resolve("traces"))) {
            // named by spec, config and kind (OutputFiles), e.g. Race.cfg.1a2b3c.run.itf.json
            itf = traces.filter(p -> p.getFileName().toString().matches("Race\\..*\\.run\\.itf\\.json")).findFirst().orElseThrow();
        }

        StringWriter again = new StringWriter();
        assertEquals(1, run(again, "run", SPEC, "--trace", itf.toString(), "--out", tmp.resolve("again").toString()), again.toString());
        assertTrue(again.toString().contains("invariant NoLostUpdate broken at the trace's last step"), again.toString());

        // The lost update needs both reads before the writes; a trace where t1 writes what it never read is no behaviour.
        String text = Files.readString(itf);
        int last = text.lastIndexOf("\"x\": ");
        Files.writeString(itf, text.substring(0, last) + "\"x\": 7" + text.substring(text.indexOf(',', last)));
        StringWriter bad = new StringWriter();
        assertEquals(1, run(bad, "run", SPEC, "--trace", itf.toString(), "--out", tmp.toString()), bad.toString());
        assertTrue(bad.toString().contains("is no move of any thread") && bad.toString().contains("the threads could not follow it"),
            bad.toString());
    }

    @Test
    void pctPrintsItsGuaranteeAndKeepsIt() {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "run", SPEC, "--out", tmp.toString()), out.toString());
        String text = out.toString();
        assertTrue(text.contains("scheduler pct: n = 3 actors, k = 4 steps, depth d = 2: p >= 3/3! * 1/C(4,1) * 1/1 = 0.125 per run;"
            + " 95% confidence within 23 runs"), text);
        assertTrue(text.matches("(?s).*\\n[1-9][0-9]* of 23 runs broke an invariant.*"), text);
    }

    @Test
    void noSchedulerBreaksTheLockedVariant() {
        for (String scheduler : new String[] {"pct", "random", "free", "trace"}) {
            StringWriter out = new StringWriter();
            assertEquals(0, run(out, "run", SPEC, "-c", LOCKED, "--scheduler", scheduler, "--runs", "10", "--out", tmp.toString()),
                scheduler + ": " + out);
            assertTrue(out.toString().contains(scheduler.equals("trace") ? "no run can break an invariant" : "0 of 10 runs broke"),
                scheduler + ": " + out);
        }
    }

    @Test
    void mistakesAreUsageOrInputErrors() {
        StringWriter out = new StringWriter();
        assertEquals(2, run(out, "run", SPEC, "--scheduler", "fair"), out.toString());
        assertEquals(2, run(out, "run", SPEC, "--scheduler", "free", "--replay"), out.toString());
        assertEquals(2, run(out, "run", SPEC, "--runs", "0"), out.toString());
        StringWriter missing = new StringWriter();
        assertEquals(3, run(missing, "run", SPEC, "--trace", tmp.resolve("none.itf.json").toString()), missing.toString());
        assertTrue(missing.toString().contains("trace not found") && !missing.toString().contains("\tat "), missing.toString());
    }
}
