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
 * {@code --fewest-switches} and {@code --max-switches K} of {@code explore}, {@code check} and
 * {@code run} through the real main: on the Lockstep spec of the report tests (threads named by
 * its {@code [[drawing]]} table; 4 steps need 2 switches, 5 steps need 1) and on the lost update of
 * the live tests (threads named by the first parameter).
 */
class SwitchesThroughMainTest {

    static final Path DIR = ReportCommandTest.DIR;
    static final String MANIFEST = DIR.resolve("models.toml").toString();
    static final String RACE = RunCommandTest.SPEC;

    @TempDir
    Path tmp;

    @Test
    void explorePrintsStepsAndSwitchesOfEachSearch() throws Exception {
        CliProcess.Result r = CliProcess.run(tmp, "explore", DIR.resolve("Lockstep.tla").toString(), "--fewest-switches",
            "--max-switches", "0", "--manifest", MANIFEST, "--out", tmp.toString());
        assertEquals(1, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("among the shortest, the fewest switches: 4 steps, 2 switches (invariant NotBoth)"), r.all());
        assertTrue(out.contains("the fewest switches: 5 steps, 1 switch (invariant NotBoth)"), r.all());
        assertTrue(out.contains("at most 0 switches: no counterexample"), r.all());
        assertTrue(out.contains("TLC accepts it as a behaviour of the spec"), r.all());
        assertEquals(1, fewestFiles(tmp.resolve("traces")));
        CliProcess.Result usage = CliProcess.run(tmp, "explore", DIR.resolve("Lockstep.tla").toString(), "--max-switches", "-1");
        assertEquals(2, usage.code(), usage.all());
    }

    /** A liveness lasso: the way into the state where Settles starts to fail is re-routed for the fewest switches. */
    @Test
    void exploreReroutesALassosWayInForTheFewestSwitches() throws Exception {
        CliProcess.Result r = CliProcess.run(tmp, "explore", DIR.resolve("Lockstep.tla").toString(), "--config",
            DIR.resolve("LockstepSettles.cfg").toString(), "--fewest-switches", "--manifest", MANIFEST, "--out", tmp.toString());
        assertEquals(1, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("property Settles is violated"), r.all());
        // The explorer's way into the state where both are 2 (state 4) alternates a, b, a, b; the fewest is a, b, b, a.
        assertTrue(out.contains("the explorer's lasso: 5 steps, 4 switches, back to state 5; its violation begins at state 4"), r.all());
        assertTrue(out.contains("with the fewest switches into state 4: 5 steps, 2 switches, back to state 5 "
            + "(replays as a behaviour of the spec, its back edge included)"), r.all());
        assertEquals(1, fewestFiles(tmp.resolve("traces")));
    }

    /** TLC's counterexample (replayed in the machine for its threads) against the fewest-switch ones, the result replayed in TLC. */
    @Test
    void checkComparesTlcsCounterexampleWithTheFewestSwitchOnes() throws Exception {
        CliProcess.Result r = CliProcess.run(tmp, "check", "--manifest", MANIFEST, "--fewest-switches", "--max-switches", "1",
            "--out", tmp.toString());
        assertEquals(0, r.code(), r.all());
        String out = r.out();
        assertTrue(out.matches("(?s).*counterexample found: 4 steps, [23] switches.*"), r.all());
        assertTrue(out.contains("among the shortest, the fewest switches: 4 steps, 2 switches (invariant NotBoth)"), r.all());
        assertTrue(out.contains("the fewest switches: 5 steps, 1 switch (invariant NotBoth)"), r.all());
        assertTrue(out.contains("TLC accepts it as a behaviour of the spec"), r.all());
        assertTrue(out.contains("at most 1 switch: 5 steps, 1 switch (invariant NotBoth)"), r.all());
        assertEquals(1, fewestFiles(tmp.resolve("traces")));
        CliProcess.Result usage = CliProcess.run(tmp, "check", "--manifest", MANIFEST, "--max-switches", "-2");
        assertEquals(2, usage.code(), usage.all());
    }

    private static int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    /** The lost update: the explorer's shortest trace switches threads 3 times, the fewest-switch one twice. */
    @Test
    void runReplaysTheFewestSwitchCounterexampleWithRealThreads() {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "run", RACE, "--replay", "--fewest-switches", "--out", tmp.toString()), out.toString());
        String text = out.toString();
        assertTrue(text.contains("the explorer's counterexample: 4 steps, 3 switches"), text);
        assertTrue(text.contains("scheduler trace: the counterexample with the fewest switches (4 steps, 2 switches; invariant NoLostUpdate)"), text);
        assertTrue(text.contains("run  1:   4 steps, invariant NoLostUpdate broken at the trace's last step"), text);

        StringWriter bounded = new StringWriter();
        assertEquals(0, run(bounded, "run", RACE, "--replay", "--max-switches", "1", "--out", tmp.toString()), bounded.toString());
        assertTrue(!bounded.toString().contains("run  1:"), bounded.toString());
        assertTrue(bounded.toString().contains("no counterexample with at most 1 switch: nothing to replay"), bounded.toString());
    }

    @Test
    void aBrokenRunIsFollowedByTheFewestSwitchCounterexamples() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "run", RACE, "--scheduler", "random", "--runs", "40", "--fewest-switches", "--out", tmp.toString()),
            out.toString());
        String text = out.toString();
        assertTrue(text.matches("(?s).*counterexample found: \\d+ steps, \\d+ switch.*"), text);
        assertTrue(text.contains("the fewest switches: 4 steps, 2 switches (invariant NoLostUpdate)"), text);
        assertTrue(text.contains("TLC accepts it as a behaviour of the spec"), text);
        assertEquals(1, fewestFiles(tmp.resolve("traces")));

        StringWriter usage = new StringWriter();
        assertEquals(2, run(usage, "run", RACE, "--trace", "x.itf.json", "--fewest-switches"), usage.toString());
    }

    private static long fewestFiles(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".fewest.itf.json")).count();
        }
    }
}
