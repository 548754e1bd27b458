package io.finalspec.toolkit.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.finalspec.codegen.manifest.Expectation;

/** Runs real TLC subprocesses on small specs and checks what the runner makes of their output. */
class TlcRunnerTest {

    static final Path DIR = Path.of("src/test/resources/tlc").toAbsolutePath();

    private final TlcRunner runner = new TlcRunner(TlcOptions.defaults());

    private TlcResult check(String spec, String cfg) throws Exception {
        return runner.check(DIR.resolve(spec), DIR.resolve(cfg), p -> { });
    }

    @Test
    void passingModelReportsTlcStatistics() throws Exception {
        TlcResult r = check("Counter.tla", "Pass.cfg");
        assertEquals(Expectation.PASS, r.outcome());
        // x in 0..4 reachable with y determined by parity of steps taken: states are (x, y) pairs.
        assertEquals(8, r.distinct());
        assertEquals(4, r.depth());
        assertTrue(r.generated() >= r.distinct());
        assertTrue(r.trace().isEmpty());
        assertEquals(0, r.exitCode());
    }

    @Test
    void invariantViolationCarriesTheShortestTrace() throws Exception {
        TlcResult r = check("Counter.tla", "Invariant.cfg");
        assertEquals(Expectation.invariant("Small"), r.outcome());
        List<TraceStep> t = r.trace();
        assertEquals(3, t.size());
        assertEquals("Init", t.get(0).action());
        assertEquals(Map.of("x", "0", "y", "\"a\""), t.get(0).vars());
        assertEquals("Inc", t.get(2).action());
        int lastX = Integer.parseInt(t.get(2).vars().get("x"));
        assertTrue(lastX >= 3, "the last state violates x < 3");
    }

    @Test
    void deadlockIsReported() throws Exception {
        TlcResult r = check("Counter.tla", "Deadlock.cfg");
        assertEquals(Expectation.DEADLOCK, r.outcome());
        assertEquals("4", r.trace().get(r.trace().size() - 1).vars().get("x"));
    }

    @Test
    void theViolatedPropertyIsNamedEvenAmongSeveral() throws Exception {
        TlcResult r = check("Counter.tla", "TwoProperties.cfg");
        assertEquals(Expectation.property("Reaches"), r.outcome());
        assertTrue(r.trace().get(r.trace().size() - 1).stutter(), "a stuttering lasso ends the trace");
    }

    @Test
    void configWithOnlyOnePropertyKeepsEverythingElse() {
        String cfg = "CONSTANT Max = 4\nSPECIFICATION Spec\nPROPERTIES A\n B (* c *)\nINVARIANT TypeOK\nPROPERTY C\n";
        String only = CfgNames.withOnlyProperty(cfg, "B");
        assertEquals(List.of("B"), CfgNames.after(only, java.util.Set.of("PROPERTY", "PROPERTIES")));
        assertEquals(List.of("TypeOK"), CfgNames.after(only, java.util.Set.of("INVARIANT")));
        assertTrue(only.contains("CONSTANT Max = 4"));
    }

    @Test
    void parseErrorIsOneLineWithFileLineColumn() throws Exception {
        TlcResult r = check("Broken.tla", "Broken.cfg");
        assertEquals(Expectation.Kind.ERROR, r.outcome().kind());
        assertTrue(r.errorMessage().startsWith(DIR.resolve("Broken.tla") + ":5:20: parse error"), r.errorMessage());
        assertTrue(!r.errorMessage().contains("\n"));
    }

    @Test
    void configErrorsNameTheConfigFile() throws Exception {
        TlcResult malformed = check("Counter.tla", "Malformed.cfg");
        assertTrue(malformed.errorMessage().startsWith(DIR.resolve("Malformed.cfg") + ":4: "), malformed.errorMessage());
        TlcResult undefined = check("Counter.tla", "UndefinedInvariant.cfg");
        assertTrue(undefined.errorMessage().contains("NoSuchInvariant"), undefined.errorMessage());
    }

    @Test
    void missingSpecIsAnErrorWithoutStartingTlc() throws Exception {
        TlcResult r = check("Nope.tla", "Pass.cfg");
        assertEquals(DIR.resolve("Nope.tla") + ": spec not found", r.errorMessage());
    }

    @Test
    void progressSamplesComeFromTheRunningChecker() throws Exception {
        List<TlcProgress> samples = new ArrayList<>();
        TlcResult r = runner.check(DIR.resolve("Counter.tla"), DIR.resolve("Pass.cfg"), samples::add);
        assertEquals(Expectation.PASS, r.outcome());
        for (TlcProgress p : samples) {
            assertTrue(p.distinct() <= r.distinct());
        }
    }

    @Test
    void timeoutKillsTheRun() throws Exception {
        TlcRunner impatient = new TlcRunner(new TlcOptions(1, "1g", 0.05));
        TlcResult r = impatient.check(DIR.resolve("Counter.tla"), DIR.resolve("Pass.cfg"), p -> { });
        assertTrue(r.errorMessage().startsWith("TLC did not finish within"), r.errorMessage());
    }
}
