package io.finalspec.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;

/** The controlled schedulers on small machines whose answers can be worked out by hand. */
class SchedulerTest {

    private static final List<String> VARS = List.of("a", "b");

    /**
     * Actor A steps a from 0 to 2, actor B steps b from 0 to 1; the invariant breaks when a = 1 and
     * b = 1. Shortest counterexamples: A then B (A must be preempted after one step: one change
     * point) and B then A (no change point: B runs first, then only A can move).
     */
    private static Machine twoSteps() {
        return new LambdaMachine("TwoSteps", VARS,
            out -> out.accept(new ArrayState(VARS, Tla.integer(0), Tla.integer(0))),
            (s, out) -> {
                int a = Tla.asInt(s.get(0));
                int b = Tla.asInt(s.get(1));
                if (a < 2) {
                    out.accept(label("StepA", "A"), new ArrayState(VARS, Tla.integer(a + 1), s.get(1)));
                }
                if (b < 1) {
                    out.accept(label("StepB", "B"), new ArrayState(VARS, s.get(0), Tla.integer(b + 1)));
                }
            })
            .invariant("NotBoth", s -> !(Tla.asInt(s.get(0)) == 1 && Tla.asInt(s.get(1)) == 1));
    }

    private static ActionLabel label(String name, String actor) {
        return new ActionLabel(name, List.of(new ActionLabel.Binding("t", new NameTable().modelValue(actor))));
    }

    private static State init() {
        return new ArrayState(VARS, Tla.integer(0), Tla.integer(0));
    }

    @Test
    void pctBoundOfTheShortestCounterexampleNeedsOneChangePoint() {
        Machine m = twoSteps();
        Trace shortest = new BfsExplorer(m).run().trace();
        assertEquals("StepA", shortest.steps().get(1).label().name());
        PctBound b = PctBound.of(m, Actors.discover(m, init()), shortest, 2).orElseThrow();
        // Actors A, B, main; A above B in 3 of the 6 orders; the change point at step 1 of 2.
        assertEquals(new PctBound(3, 2, 2, 3, 1), b);
        assertEquals(0.25, b.probability(), 1e-12);
        assertEquals(11, b.runsFor(0.95));
    }

    @Test
    void searchFindsTheCounterexampleWithoutChangePoints() {
        Machine m = twoSteps();
        Actors actors = Actors.discover(m, init());
        Trace easiest = PctSearch.easiestCounterexample(m, actors, init(), 1000).orElseThrow();
        assertEquals("StepB", easiest.steps().get(1).label().name());
        PctBound b = PctBound.of(m, actors, easiest, 2).orElseThrow();
        assertEquals(1, b.depth());
        assertEquals(0.5, b.probability(), 1e-12);
    }

    /** With d = 1 the run breaks exactly when B's priority is above A's: half the priority orders. */
    @Test
    void pctRunsHitAtLeastAsOftenAsTheBoundSays() throws Exception {
        Machine m = twoSteps();
        Actors actors = Actors.discover(m, init());
        int runs = 120;
        int hits = 0;
        for (int seed = 0; seed < runs; seed++) {
            ActorDriver.Run run = new ActorDriver(m, new ActorDriver.Options(10, Duration.ZERO, seed), actors)
                .run(init(), new PctScheduler(seed, 1, 2));
            assertTrue(new TraceReplayer(m).replay(run.trace()).ok());
            hits += run.ending() == ActorDriver.Ending.VIOLATION ? 1 : 0;
        }
        // Seeds 0..119 are fixed: the count is reproducible; 0.5 is the exact probability here.
        assertTrue(hits >= 0.4 * runs && hits <= 0.6 * runs, hits + " of " + runs);
    }

    @Test
    void traceSchedulerReplaysACounterexampleWithRealThreads() throws Exception {
        Machine mutex = Machines.mutex(3, true);
        Trace ce = new BfsExplorer(mutex).run().trace();
        ActorDriver.Run run = new ActorDriver(mutex, new ActorDriver.Options(20, Duration.ZERO, 7))
            .run(ce.state(0), new TraceScheduler(ce));
        assertEquals(ActorDriver.Ending.VIOLATION, run.ending());
        assertEquals("Exclusion", run.violations().get(0).invariant());
        assertEquals(ce.size() - 1, run.violations().get(0).step());
        assertEquals(ce.states(), run.trace().states());
    }

    @Test
    void traceSchedulerStopsWhereTheTraceIsNoBehaviour() throws Exception {
        Machine m = twoSteps();
        Trace bogus = new Trace(VARS, List.of(new Trace.Step(null, init()),
            new Trace.Step(label("StepA", "A"), new ArrayState(VARS, Tla.integer(2), Tla.integer(0)))));
        ActorDriver.Run run = new ActorDriver(m, new ActorDriver.Options(10, Duration.ZERO, 1)).run(init(), new TraceScheduler(bogus));
        assertEquals(ActorDriver.Ending.SCHEDULE_END, run.ending());
        assertEquals(1, run.trace().size());
        assertTrue(run.detail().contains("is no move of any thread"), run.detail());
    }

    @Test
    void randomAndPctRunsOfACorrectMutexNeverBreakIt() throws Exception {
        Machine mutex = Machines.mutex(3, false);
        State init = new BfsExplorer(mutex).run().trace() == null ? firstInit(mutex) : null;
        for (int seed = 0; seed < 20; seed++) {
            Scheduler s = seed % 2 == 0 ? new RandomScheduler(seed) : new PctScheduler(seed, 3, 30);
            ActorDriver.Run run = new ActorDriver(mutex, new ActorDriver.Options(60, Duration.ZERO, seed)).run(init, s);
            assertEquals(ActorDriver.Ending.STEP_LIMIT, run.ending());
            assertEquals(61, run.trace().size());
            assertTrue(new TraceReplayer(mutex).replay(run.trace()).ok());
        }
    }

    private static State firstInit(Machine m) {
        State[] first = new State[1];
        m.initStates(s -> first[0] = first[0] == null ? s : first[0]);
        return first[0];
    }
}
