package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.live.ActorDriver;
import io.finalspec.runtime.live.Actors;
import io.finalspec.runtime.live.LiveRuntime;
import io.finalspec.runtime.live.PctBound;
import io.finalspec.runtime.live.PctScheduler;
import io.finalspec.runtime.live.PctSearch;
import io.finalspec.runtime.live.RandomScheduler;
import io.finalspec.runtime.live.Scheduler;
import io.finalspec.runtime.live.TraceScheduler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
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
                assertTrue(run.ending() != ActorDriver.Ending.FINISHED || run.trace().size() > 0 && !hasSuccessor(machine,
                    run.trace().state(run.trace().size() - 1)), model + " run " + i + " ended while a thread could move");
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

    private static boolean hasSuccessor(Machine machine, State s) {
        boolean[] any = {false};
        machine.successors(s, (l, t) -> any[0] = true);
        return any[0];
    }

    /** Every default model whose expected outcome is an invariant violation. */
    static Stream<Arguments> buggyModels() throws Exception {
        return ManifestParser.parse(ExploreCases.root().resolve("specs/models.toml")).models().stream()
            .filter(m -> m.tier() == ModelEntry.Tier.DEFAULT && m.expect().kind() == Expectation.Kind.INVARIANT)
            .map(m -> Arguments.of(m.name(), m));
    }

    /**
     * The trace-driven scheduler: the explorer's shortest counterexample, replayed by real threads
     * (one per actor, each performing its own steps), breaks the same invariant at the same step, and
     * the recorded behaviour is the counterexample itself.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("buggyModels")
    void realThreadsReplayTheExplorersCounterexample(String name, ModelEntry m) throws Exception {
        Machine machine = Compiler.load(m.spec(), m.config());
        ExploreResult explored = new BfsExplorer(machine).run();
        assertEquals(Outcome.invariant(m.expect().detail()), explored.outcome(), name);
        Trace ce = explored.trace();
        ActorDriver.Run run = new ActorDriver(machine, new ActorDriver.Options(ce.size() + 10, Duration.ZERO, 1, Duration.ofSeconds(60)))
            .run(ce.state(0), new TraceScheduler(ce));
        assertEquals(ActorDriver.Ending.VIOLATION, run.ending(), name + ": " + run.detail());
        LiveRuntime.Violation v = run.violations().get(0);
        assertEquals(m.expect().detail(), v.invariant(), name);
        assertEquals(ce.size() - 1, v.step(), name + ": broke at another step");
        assertEquals(ce.states(), run.trace().states(), name + ": the threads left the counterexample");
        assertTrue(new TraceReplayer(machine).replay(run.trace()).ok(), name);
    }

    /** A buggy model ready for PCT: its machine, initial state, actors and guarantee. */
    record PctCase(ModelEntry model, Machine machine, State init, Actors actors, PctBound bound) {
        long promised() {
            return bound.runsFor(0.95);
        }
    }

    static PctCase pctCase(ModelEntry m) throws Exception {
        Machine machine = Compiler.load(m.spec(), m.config());
        ExploreResult explored = new BfsExplorer(machine).run();
        State init = explored.trace().state(0);
        Actors actors = Actors.discover(machine, init);
        Trace ce = PctSearch.easiestCounterexample(machine, actors, init, 2_000_000).orElse(explored.trace());
        return new PctCase(m, machine, init, actors, PctBound.of(machine, actors, ce, ce.size() - 1).orElseThrow());
    }

    /**
     * Runs PCT with seeds {@code seed, seed+1, ...} until a run breaks the expected invariant (its
     * number is returned), the promised runs are used up or {@code budget} passes (0 is returned).
     * Every run's behaviour must replay in the machine.
     */
    static long firstBrokenPctRun(PctCase c, long seed, Duration budget) throws Exception {
        long until = System.nanoTime() + budget.toNanos();
        TraceReplayer replayer = new TraceReplayer(c.machine());
        for (long i = 0; i < c.promised() && System.nanoTime() < until; i++) {
            ActorDriver.Run run = new ActorDriver(c.machine(), new ActorDriver.Options(200, Duration.ZERO, seed + i), c.actors())
                .run(c.init(), new PctScheduler(seed + i, c.bound().depth(), c.bound().window()));
            assertTrue(replayer.replay(run.trace()).ok(), c.model().name() + " PCT run " + i + " is not a behaviour");
            if (run.ending() == ActorDriver.Ending.VIOLATION) {
                assertEquals(c.model().expect().detail(), run.violations().get(0).invariant(), c.model().name());
                return i + 1;
            }
        }
        return 0;
    }

    /** Seed of the PCT sample; the sample and every run's seed follow from it. */
    static final long PCT_SEED = 20261202L;

    /** Models of the fixed-seed PCT sample. */
    static final int PCT_SAMPLE = 4;

    /** The sample is drawn among the models whose promised runs fit the time box. */
    static final long PCT_MAX_PROMISED = 3_000;

    /**
     * PCT keeps its printed promise on a fixed-seed sample of the buggy models: a run breaks the
     * invariant within the runs its guaranteed probability needs for 95% confidence. The sample is
     * drawn among the models whose promise fits a short test; -Dfinalspec.live.all=true checks every
     * buggy model, however many runs its promise takes.
     */
    @Test
    void pctBreaksEachSampledModelWithinItsPromisedRuns() throws Exception {
        boolean all = Boolean.getBoolean("finalspec.live.all");
        List<ModelEntry> models = new ArrayList<>(buggyModels().map(a -> (ModelEntry) a.get()[1]).toList());
        Collections.shuffle(models, new Random(PCT_SEED));
        int checked = 0;
        for (ModelEntry m : models) {
            if (!all && checked == PCT_SAMPLE) {
                break;
            }
            PctCase c = pctCase(m);
            if (!all && c.promised() > PCT_MAX_PROMISED) {
                System.out.printf("PCT %s: %s, promises %,d runs: outside the sample%n", m.name(), c.bound().describe(), c.promised());
                continue;
            }
            checked++;
            long first = firstBrokenPctRun(c, PCT_SEED, all ? Duration.ofHours(3) : Duration.ofMinutes(3));
            System.out.printf("PCT %s: %s, promises %,d runs, first broken run %d%n", m.name(), c.bound().describe(), c.promised(), first);
            assertTrue(first > 0, m.name() + ": no run broke " + m.expect().detail() + " within " + c.promised()
                + " promised runs (or the time box)");
        }
        assertEquals(all ? models.size() : PCT_SAMPLE, checked, "models checked");
    }

    /** A fixed model never breaks an invariant under PCT or the random scheduler. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"gh154175-fixed", "gh116372-fixed", "bpo39877-fixed", "gh124149-fixed"})
    void fixedModelsNeverBreakUnderControlledSchedulers(String model) throws Exception {
        ModelEntry m = ManifestParser.parse(ExploreCases.root().resolve("specs/models.toml")).find(model).orElseThrow();
        Machine machine = Compiler.load(m.spec(), m.config());
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        TraceReplayer replayer = new TraceReplayer(machine);
        for (int i = 0; i < 100; i++) {
            Scheduler s = i % 2 == 0 ? new PctScheduler(i, 4, 40) : new RandomScheduler(i);
            ActorDriver.Run run = new ActorDriver(machine, new ActorDriver.Options(120, Duration.ZERO, i))
                .run(inits.get(i % inits.size()), s);
            assertTrue(run.violations().isEmpty(), model + " run " + i + ": " + run.violations());
            assertTrue(replayer.replay(run.trace()).ok(), model + " run " + i + " is not a behaviour");
        }
    }
}
