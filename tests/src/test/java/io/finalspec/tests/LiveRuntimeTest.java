package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.live.ActorDriver;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.conform.TraceConformance;

/**
 * Live conformance: behaviours recorded while real Java threads drive a model's machine are
 * behaviours of the spec according to TLC; the historical bug shows up as a broken invariant in
 * some run of the buggy variant, and never in the fixed one.
 */
class LiveRuntimeTest {

    /** Runs of a fixed variant, none of which may break an invariant. */
    static final int RUNS = 30;

    /**
     * Runs of a buggy variant at most: the schedule is the JVM's, and a race that shows in a few
     * percent of runs needs more than thirty to show at all; the test stops at the first.
     */
    static final int MAX_RUNS_BUGGY = 300;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "gh124149-parked-daemon, true",
        "gh124149-fixed, false",
        "gh116372-tstate-lock, true",
        "gh116372-fixed, false",
        "bpo1856-daemon-runs, true",
        "bpo1856-fixed, false"})
    void liveRunsAreTlcBehavioursAndShowTheBugExactlyInTheBuggyVariant(String model, boolean buggy) throws Exception {
        ModelEntry m = ManifestParser.parse(ExploreCases.root().resolve("specs/models.toml")).find(model).orElseThrow();
        Machine machine = Compiler.load(m.spec(), m.config());
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        int broken = 0;
        try (TlcOracleAdapter tlc = TlcOracleAdapter.start(machine, m.spec(), m.config())) {
            TraceConformance traces = new TraceConformance(machine);
            int runs = buggy ? MAX_RUNS_BUGGY : RUNS;
            for (int i = 0; i < runs && (!buggy || broken == 0 || i < RUNS); i++) {
                ActorDriver.Run run = new ActorDriver(machine, new ActorDriver.Options(150, Duration.ofNanos(100_000), i))
                    .run(inits.get(i % inits.size()));
                assertNull(traces.accepted(tlc, run.trace(), i), model + " run " + i + " is not a TLC behaviour");
                if (run.ending() == ActorDriver.Ending.VIOLATION) {
                    broken++;
                    assertEquals(m.expect().detail(), run.violations().get(0).invariant());
                }
            }
        }
        if (buggy) {
            assertTrue(broken > 0, model + ": the bug never showed in " + MAX_RUNS_BUGGY + " live runs");
        } else {
            assertEquals(0, broken, model + ": an invariant broke in the fixed variant");
        }
        System.out.printf("%s: the invariant broke in %d live runs%n", model, broken);
    }

}
