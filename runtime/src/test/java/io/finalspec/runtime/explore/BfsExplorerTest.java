package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/** Explorer counts against TLC's on hand-written machines (TLC's numbers recorded in {@link Machines}). */
class BfsExplorerTest {

    @Test
    void stateConstraintAsTlc() {
        ExploreResult r = new BfsExplorer(Machines.constrainedCounter()).run();
        assertTrue(r.isOk());
        assertEquals(8, r.generated());
        assertEquals(3, r.distinct());
        assertEquals(2, r.depth());
        assertEquals(0, r.queueLeft());
    }

    @Test
    void actionConstraintAsTlcAndNoDeadlock() {
        ExploreResult r = new BfsExplorer(Machines.actionConstrained()).run();
        assertTrue(r.isOk(), r.outcome().toString());
        assertEquals(5, r.generated());
        assertEquals(3, r.distinct());
        assertEquals(2, r.depth());
    }

    @Test
    void invariantViolationWithShortestTraceAndTlcCounts() {
        ExploreResult r = new BfsExplorer(Machines.incrementer()).run();
        assertEquals(Outcome.Kind.INVARIANT, r.outcome().kind());
        assertEquals("Inv", r.outcome().name());
        assertEquals(5, r.generated());
        assertEquals(4, r.distinct());
        assertEquals(3, r.depth());
        assertEquals(1, r.queueLeft());
        assertNotNull(r.trace());
        assertEquals(3, r.trace().size());
        assertEquals(Tla.integer(0), r.trace().state(0).get(0));
        assertEquals(Tla.integer(1), r.trace().state(1).get(0));
        assertEquals(Tla.integer(3), r.trace().state(2).get(0));
        assertEquals("Inc(d=2)", r.trace().steps().get(2).label().toString());
    }

    /** Init x \in 0..4, Next x' = (x + 1) % 7, CONSTRAINT x < 2 (TLC module X). */
    private static LambdaMachine modCounter() {
        List<String> vars = List.of("x");
        return new LambdaMachine("X", vars,
                out -> {
                    for (Value v : Tla.elements(Tla.interval(0, 4))) {
                        out.accept(new ArrayState(vars, v));
                    }
                },
                (s, out) -> out.accept(ActionLabel.of("Next"),
                        new ArrayState(vars, Tla.mod(Tla.add(s.get(0), Tla.integer(1)), Tla.integer(7)))))
                .constraint("C", s -> Tla.lt(s.get(0), Tla.integer(2)));
    }

    @Test
    void initialStatesOutsideTheConstraintAreGeneratedNotDistinct() {
        // TLC: "5 states generated, with 2 of them distinct"; 7 generated, 2 distinct, depth 1.
        ExploreResult r = new BfsExplorer(modCounter()).run();
        assertTrue(r.isOk(), r.outcome().toString());
        assertEquals(7, r.generated());
        assertEquals(2, r.distinct());
        assertEquals(1, r.depth());
    }

    @Test
    void aModelWithoutStatesHasTlcsDepthOneAndAnInitErrorDepthZero() {
        // TLC (module NoInit: VARIABLE x, Init == x \in {}): "0 states generated, 0 distinct states
        // found, 0 states left on queue. The depth of the complete state graph search is 1."
        List<String> vars = List.of("x");
        ExploreResult none = new BfsExplorer(new LambdaMachine("NoInit", vars, out -> { },
                (s, out) -> out.accept(ActionLabel.of("Next"), s))).run();
        assertTrue(none.isOk(), none.outcome().toString());
        assertEquals(0, none.generated());
        assertEquals(0, none.distinct());
        assertEquals(1, none.depth());
        // an error computing the initial states stops before level 1
        ExploreResult failed = new BfsExplorer(new LambdaMachine("BadInit", vars, out -> out.accept(
                new ArrayState(vars, Tla.add(Tla.TRUE, Tla.integer(1)))), (s, out) -> { })).run();
        assertEquals(Outcome.Kind.ERROR, failed.outcome().kind(), failed.outcome().toString());
        assertEquals(0, failed.depth());
    }

    @Test
    void invariantsAreCheckedOnInitialStatesOutsideTheModel() {
        // TLC: "Invariant Inv is violated by the initial state: x = 3"
        ExploreResult r = new BfsExplorer(modCounter().invariant("Inv", s -> Tla.neq(s.get(0), Tla.integer(3)))).run();
        assertEquals("Inv", r.outcome().name());
        assertEquals(1, r.trace().size());
        assertEquals(Tla.integer(3), r.trace().state(0).get(0));
    }

    @Test
    void invariantsAreCheckedOnSuccessorsOutsideTheModel() {
        // TLC (module Y, with CONSTRAINT x < 2 or ACTION_CONSTRAINT x' # 2): Inv == x # 2 is violated,
        // trace x = 0, 1, 2; 3 states generated, 2 distinct, 0 left on queue, depth 2.
        List<String> vars = List.of("x");
        for (int variant = 0; variant < 2; variant++) {
            LambdaMachine m = new LambdaMachine("Y", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                    (s, out) -> out.accept(ActionLabel.of("Next"), new ArrayState(vars, Tla.add(s.get(0), Tla.integer(1)))))
                    .invariant("Inv", s -> Tla.neq(s.get(0), Tla.integer(2)));
            if (variant == 0) {
                m.constraint("C", s -> Tla.lt(s.get(0), Tla.integer(2)));
            } else {
                m.actionConstraint("AC", (a, b) -> Tla.neq(b.get(0), Tla.integer(2)));
            }
            ExploreResult r = new BfsExplorer(m).run();
            assertEquals("Inv", r.outcome().name());
            assertEquals(3, r.generated());
            assertEquals(2, r.distinct());
            assertEquals(0, r.queueLeft());
            assertEquals(2, r.depth());
            assertEquals(3, r.trace().size());
            assertEquals(Tla.integer(2), r.trace().state(2).get(0));
            assertEquals(ActionLabel.of("Next"), r.trace().steps().get(2).label());
        }
    }

    @Test
    void deadlockIsReportedWithTrace() {
        List<String> vars = List.of("x");
        LambdaMachine m = new LambdaMachine("D", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> {
                    if (Tla.lt(s.get(0), Tla.integer(2))) {
                        out.accept(ActionLabel.of("Step"), new ArrayState(vars, Tla.add(s.get(0), Tla.integer(1))));
                    }
                });
        ExploreResult r = new BfsExplorer(m).run();
        assertEquals(Outcome.Kind.DEADLOCK, r.outcome().kind());
        assertEquals(3, r.trace().size());
        ExploreResult r2 = new BfsExplorer(m.checkDeadlock(false)).run();
        assertTrue(r2.isOk());
        assertEquals(3, r2.distinct());
        assertEquals(3, r2.depth());
        assertEquals(3, r2.generated());
    }

    @Test
    void evaluationErrorIsAnOutcome() {
        List<String> vars = List.of("x");
        LambdaMachine m = new LambdaMachine("E", vars, out -> out.accept(new ArrayState(vars, Tla.integer(Integer.MAX_VALUE - 1))),
                (s, out) -> out.accept(ActionLabel.of("Inc"), new ArrayState(vars, Tla.add(s.get(0), Tla.integer(1)))));
        ExploreResult r = new BfsExplorer(m).run();
        assertEquals(Outcome.Kind.ERROR, r.outcome().kind());
        assertTrue(r.outcome().message().startsWith("Overflow"), r.outcome().message());
        assertEquals(2, r.trace().size());
    }

    /** x \in 0..2; Next makes {@code n} successors of each state, the j-th x' = j % 3. */
    private static LambdaMachine wide(int n, int[] made) {
        List<String> vars = List.of("x");
        return new LambdaMachine("Wide", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> {
                    for (int j = 0; j < n; j++) {
                        made[0]++;
                        out.accept(ActionLabel.of("Next"), new ArrayState(vars, Tla.integer(j % 3)));
                    }
                });
    }

    /**
     * A state with many more successors than one batch ({@link BfsExplorer#CHECK_EVERY}) has them
     * processed in batches, with the counts of one pass over all of them.
     */
    @Test
    void successorsBeyondOneBatchCountAsOnePass() {
        int n = 5 * BfsExplorer.CHECK_EVERY + 7;
        for (int workers : new int[] {1, 2}) {
            ExploreResult r = new BfsExplorer(wide(n, new int[1]), BfsExplorer.Options.defaults().withWorkers(workers)).run();
            assertTrue(r.isOk(), r.outcome().toString());
            assertEquals(3, r.distinct());
            assertEquals(1 + 3L * n, r.generated());
            assertEquals(2, r.depth());
        }
    }

    /**
     * TLC stops at the first violation: so does the machine's enumeration of the violating state's
     * successors, at the end of the batch (it used to make all of them first), and the counts stop
     * at the violating successor.
     */
    @Test
    void aViolationStopsTheEnumerationOfTheSuccessors() {
        int n = 1_000_000;
        int[] made = new int[1];
        List<String> vars = List.of("x");
        LambdaMachine m = new LambdaMachine("Wide", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> {
                    for (int j = 0; j < n; j++) {
                        made[0]++;
                        out.accept(ActionLabel.of("Next"), new ArrayState(vars, Tla.integer(j)));
                    }
                }).invariant("Small", s -> Tla.lt(s.get(0), Tla.integer(BfsExplorer.CHECK_EVERY + 10)));
        ExploreResult r = new BfsExplorer(m).run();
        assertEquals("Small", r.outcome().name());
        assertEquals(1 + BfsExplorer.CHECK_EVERY + 11, r.generated());
        assertEquals(Tla.integer(BfsExplorer.CHECK_EVERY + 10), r.trace().state(1).get(0));
        assertTrue(made[0] <= 2 * BfsExplorer.CHECK_EVERY + 1, made[0] + " successors made");
    }

    /**
     * A time limit stops a search whose one state has endless successors (a quantifier with
     * billions of branches): OK with states left (the state cut short among them), not a pass, and
     * its liveness not decided (the graph recorded for it is partial, and is not merged).
     */
    @Test
    void aTimeLimitStopsEvenInTheMidstOfAState() {
        for (int initial : new int[] {1, 3}) {
            List<String> vars = List.of("x");
            LambdaMachine endless = new LambdaMachine("Endless", vars, out -> {
                for (int i = 0; i < initial; i++) {
                    out.accept(new ArrayState(vars, Tla.integer(i)));
                }
            }, (s, out) -> {
                while (true) {
                    out.accept(ActionLabel.of("Next"), s); // a step to itself: nothing new
                }
            });
            endless.property("Settles", new TemporalProperty.Clause.EventuallyAlways("<>[](x = 1)",
                    LambdaMachine.predicate("x = 1", st -> Tla.eq(st.get(0), Tla.integer(1)))));
            ExploreResult r = new ModelChecker(endless, BfsExplorer.Options.defaults()
                    .withTimeLimit(java.time.Duration.ofMillis(200))).run();
            assertTrue(r.isOk(), r.outcome().toString());
            assertEquals(initial, r.queueLeft(), "the state cut short and those not expanded are left");
            assertTrue(!r.complete());
            assertEquals(List.of(new ExploreResult.NotChecked("Settles",
                    "the search stopped at a bound before it had seen the whole model")), r.notChecked());
        }
    }

    /** A model with a PROPERTY capped mid-level: the partial graph is not merged, and nothing is decided. */
    @Test
    void aCappedSearchWithAPropertyLeavesItsLivenessUndecided() {
        LambdaMachine m = Machines.counters(3, 4);
        m.property("Settles", new TemporalProperty.Clause.EventuallyAlways("<>[](x = 1)",
                LambdaMachine.predicate("x = 1", st -> Tla.eq(st.get(0), Tla.integer(1)))));
        ExploreResult r = new ModelChecker(m, BfsExplorer.Options.defaults().withMaxDistinct(20)).run();
        assertTrue(r.isOk(), r.outcome().toString());
        assertTrue(r.queueLeft() > 0);
        assertEquals(List.of("Settles"), r.notChecked().stream().map(ExploreResult.NotChecked::property).toList());
    }

    @Test
    void countersAgreeAcrossWorkerCounts() {
        for (int workers : new int[] {1, 2, 3}) {
            ExploreResult r = new BfsExplorer(Machines.counters(4, 4),
                    BfsExplorer.Options.defaults().withWorkers(workers).withExpectedStates(4)).run();
            assertTrue(r.isOk());
            assertEquals(256, r.distinct());
            assertEquals(1 + 256 * 4, r.generated());
            assertEquals(13, r.depth());
        }
    }

    /**
     * Levels of hundreds of 32-state slices, split into one run per worker (uneven for three): every
     * slice is expanded exactly once, whichever worker finishes its run first and takes the rest of
     * another's, so the counts are those of one worker.
     */
    @Test
    void runsOfSlicesCoverEveryLevelOnceForAnyWorkerCount() {
        for (int workers : new int[] {1, 2, 3, 4}) {
            ExploreResult r = new BfsExplorer(Machines.counters(5, 6),
                    BfsExplorer.Options.defaults().withWorkers(workers)).run();
            assertTrue(r.isOk());
            assertEquals(7776, r.distinct(), workers + " workers");
            assertEquals(1 + 7776 * 5, r.generated(), workers + " workers");
            assertEquals(26, r.depth(), workers + " workers");
        }
    }

    @Test
    void mutexMatchesTlc() {
        // TLC 2.18 on the equivalent Mutex.tla (N = 3): 19 generated, 12 distinct, depth 6.
        for (int workers : new int[] {1, 2}) {
            ExploreResult r = new BfsExplorer(Machines.mutex(3, false), BfsExplorer.Options.defaults().withWorkers(workers)).run();
            assertTrue(r.isOk(), r.outcome().toString());
            assertEquals(19, r.generated());
            assertEquals(12, r.distinct());
            assertEquals(6, r.depth());
        }
    }

    @Test
    void viewMergesStates() {
        // VIEW = c0 only: 4 distinct views.
        LambdaMachine m = Machines.counters(2, 4).view(s -> s.get(0));
        ExploreResult r = new BfsExplorer(m).run();
        assertEquals(4, r.distinct());
    }

    @Test
    void progressEventsAreReported() {
        List<ExploreListener.Progress> seen = new ArrayList<>();
        ExploreResult[] fin = new ExploreResult[1];
        ExploreListener l = new ExploreListener() {
            @Override
            public synchronized void progress(Progress p) {
                seen.add(p);
            }

            @Override
            public void finished(ExploreResult result) {
                fin[0] = result;
            }
        };
        List<String> vars = List.of("x");
        LambdaMachine slow = new LambdaMachine("Slow", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    if (Tla.lt(s.get(0), Tla.integer(10))) {
                        out.accept(ActionLabel.of("Inc"), new ArrayState(vars, Tla.add(s.get(0), Tla.integer(1))));
                    }
                }).checkDeadlock(false);
        ExploreResult r = new BfsExplorer(slow, BfsExplorer.Options.defaults().withListener(l).withProgressMillis(50)).run();
        assertEquals(11, r.distinct());
        assertTrue(seen.size() >= 1, "progress events: " + seen.size());
        assertEquals(r, fin[0]);
    }

    @Test
    void fingerprintSetGrowsAndKeepsParents() {
        FingerprintSet s = new FingerprintSet(16);
        for (long i = 1; i <= 200_000; i++) {
            assertTrue(s.put(i * 0x9E3779B97F4A7C15L, i - 1));
        }
        assertEquals(200_000, s.size());
        for (long i = 1; i <= 200_000; i += 997) {
            assertEquals(i - 1, s.parent(i * 0x9E3779B97F4A7C15L));
        }
        assertTrue(!s.put(5 * 0x9E3779B97F4A7C15L, 0));
        assertTrue(s.put(0, 0));
        assertTrue(s.contains(0));
        assertEquals(0, s.parent(12345));
        assertTrue(s.put(77, -5));
        assertEquals(-5, s.parent(77));
    }

    @Test
    void randomWalkerFindsAndMinimisesViolations() {
        RandomWalker w = new RandomWalker(Machines.mutex(3, true), 42L, 50);
        RandomWalker.Result r = w.run(100);
        assertEquals(Outcome.Kind.INVARIANT, r.outcome().kind());
        assertEquals("Exclusion", r.outcome().name());
        Trace raw = r.trace();
        Trace min = r.minimized();
        assertEquals(raw.state(raw.size() - 1), min.state(min.size() - 1));
        assertTrue(min.size() <= raw.size());
        assertTrue(new TraceReplayer(Machines.mutex(3, true)).replay(min).ok());
        // the shortest path to a clash: Acquire(1), then Acquire(2) or Acquire(3)
        ExploreResult bfs = new BfsExplorer(Machines.mutex(3, true)).run();
        assertNotNull(bfs.trace(), bfs.outcome().toString());
        assertEquals(3, bfs.trace().size());
        RandomWalker ok = new RandomWalker(Machines.mutex(3, false), 7L, 30);
        assertTrue(ok.run(20).isOk());
        Value last = ok.walkOnce().trace().state(0).get(0);
        assertEquals(new io.finalspec.runtime.value.NameTable().modelValue("NONE"), last);
    }

    /** x = 0; Next == guard /\ x' = step(x); PROPERTY [][A]_x with A given on the transition. */
    private static LambdaMachine counter(java.util.function.Predicate<Value> guard,
                                         java.util.function.UnaryOperator<Value> step, String prop,
                                         java.util.function.BiPredicate<Value, Value> action) {
        List<String> vars = List.of("x");
        LambdaMachine m = new LambdaMachine("C", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> {
                    if (guard.test(s.get(0))) {
                        out.accept(ActionLabel.of("Next"), new ArrayState(vars, step.apply(s.get(0))));
                    }
                }).checkDeadlock(false);
        m.property(prop, new TemporalProperty.Clause.AlwaysAction("[][A]_x", new Machine.ActionPredicate() {
            @Override
            public String name() {
                return prop;
            }

            @Override
            public boolean test(State from, State to) {
                return action.test(from.get(0), to.get(0)) || Tla.eq(from.get(0), to.get(0));
            }
        }));
        return m;
    }

    @Test
    void impliedActionOnTransitionToSeenStateAsTlc() {
        // src/test/resources/liveness/Cyc.tla, TLC: "Action property Up is violated", 3 generated,
        // 2 distinct, depth 2, trace x = 0, 1, 0.
        ExploreResult r = new BfsExplorer(counter(x -> true, x -> Tla.mod(Tla.add(x, Tla.integer(1)), Tla.integer(2)),
                "Up", (a, b) -> Tla.lt(a, b))).run();
        assertEquals(Outcome.actionProperty("Up"), r.outcome());
        assertEquals(List.of(3L, 2L, 2), List.of(r.generated(), r.distinct(), r.depth()));
        assertEquals(List.of(Tla.integer(0), Tla.integer(1), Tla.integer(0)),
                r.trace().states().stream().map(s -> s.get(0)).toList());
    }

    @Test
    void impliedActionOnTransitionOutsideTheModelAsTlc() {
        // Oom.tla (CONSTRAINT x < 1), TLC: "Action property Down is violated", 2 generated, 1 distinct, depth 1.
        LambdaMachine m = counter(x -> true, x -> Tla.add(x, Tla.integer(1)), "Down", (a, b) -> Tla.lt(b, a))
                .constraint("C", s -> Tla.lt(s.get(0), Tla.integer(1)));
        ExploreResult r = new BfsExplorer(m).run();
        assertEquals(Outcome.actionProperty("Down"), r.outcome());
        assertEquals(List.of(2L, 1L, 1), List.of(r.generated(), r.distinct(), r.depth()));
        assertEquals(2, r.trace().size());
        // New.tla: x < 3 /\ x' = x + 1, [][x' < 2]_x; TLC: 3 generated, 3 distinct, depth 3, 0 left.
        ExploreResult n = new BfsExplorer(counter(x -> Tla.lt(x, Tla.integer(3)), x -> Tla.add(x, Tla.integer(1)),
                "Prop", (a, b) -> Tla.lt(b, Tla.integer(2)))).run();
        assertEquals(Outcome.actionProperty("Prop"), n.outcome());
        assertEquals(List.of(3L, 3L, 3, 0L), List.of(n.generated(), n.distinct(), n.depth(), n.queueLeft()));
    }
}
