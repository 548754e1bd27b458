package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore --fewest-switches --max-switches K} through the real main, on the Lockstep spec of the report tests. */
class ExploreSwitchesTest {

    static final Path DIR = ReportCommandTest.DIR;

    @TempDir
    Path tmp;

    @Test
    void printsStepsAndSwitchesOfEachSearch() throws Exception {
        CliProcess.Result r = CliProcess.run(tmp, "explore", DIR.resolve("Lockstep.tla").toString(), "--fewest-switches",
            "--max-switches", "0", "--manifest", DIR.resolve("models.toml").toString(), "--out", tmp.toString());
        assertEquals(1, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("among the shortest, the fewest switches: 4 steps, 2 switches (invariant NotBoth)"), r.all());
        assertTrue(out.contains("the fewest switches: 5 steps, 1 switch (invariant NotBoth)"), r.all());
        assertTrue(out.contains("at most 0 switches: no counterexample"), r.all());
        assertTrue(out.contains("TLC accepts it as a behaviour of the spec"), r.all());
        try (var files = Files.list(tmp.resolve("traces"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".fewest.itf.json")).count());
        }
        CliProcess.Result usage = CliProcess.run(tmp, "explore", DIR.resolve("Lockstep.tla").toString(), "--max-switches", "-1");
        assertEquals(2, usage.code(), usage.all());
    }
}
