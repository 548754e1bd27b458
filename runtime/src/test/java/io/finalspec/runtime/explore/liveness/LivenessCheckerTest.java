package io.finalspec.runtime.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.FewestSwitches;
import io.finalspec.runtime.explore.ModelChecker;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.TemporalProperty.Clause;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.LiveMachines;
import io.finalspec.runtime.testing.LiveMachines.Fair;
import io.finalspec.runtime.testing.Lassos;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;

/**
 * Verdicts on the specs of {@code src/test/resources/liveness/} against TLC 2.18's (each run with
 * {@code -workers 1}, the spec variant as SPECIFICATION, one PROPERTY, CHECK_DEADLOCK FALSE).
 * Every counterexample is judged by {@link Lassos}: a behaviour of the machine, fair, violating.
 */
class LivenessCheckerTest {

    private static Machine.Predicate xIs(int v) {
        return LambdaMachine.predicate("x = " + v, s -> Tla.eq(s.get(0), Tla.integer(v)));
    }

    private static ExploreResult check(LambdaMachine m, String name, Clause clause) {
        m.property(name, clause);
        ExploreResult r = new ModelChecker(m, BfsExplorer.Options.defaults()).run();
        if (r.outcome().kind() == Outcome.Kind.PROPERTY) {
            assertEquals(name, r.outcome().name());
            assertNull(Lassos.problem(m, clause, r.trace()), () -> r.trace().toString());
            Trace other = rerouted(m);
            assertNull(Lassos.problem(m, clause, other), () -> "re-routed into the entry: " + other);
        }
        return r;
    }

    /**
     * The checker's lasso with the way into its entry (where the violation begins) replaced by the
     * way there with the fewest changes of action name: the result must violate the clause too.
     */
    private static Trace rerouted(Machine m) {
        LivenessChecker.Result live = new LivenessChecker(m).run();
        Trace lasso = live.lasso();
        int entry = live.entry();
        assertTrue(entry >= 0 && entry <= lasso.loop(), () -> "entry " + entry + " of " + lasso);
        Trace way = new FewestSwitches(m, ActionLabel::name, 100_000).pathTo(lasso.state(entry)).orElseThrow().trace();
        List<Trace.Step> steps = new ArrayList<>(way.steps());
        steps.addAll(lasso.steps().subList(entry + 1, lasso.size()));
        return new Trace(lasso.variables(), steps, lasso.loop() + way.size() - 1 - entry);
    }

    private static void violated(ExploreResult r) {
        assertEquals(Outcome.Kind.PROPERTY, r.outcome().kind(), r.outcome().toString());
        assertTrue(r.trace().isLasso());
    }

    private static void holds(ExploreResult r) {
        assertTrue(r.complete(), () -> r.outcome() + " " + r.notChecked());
    }

    // Ring.tla, TLC: Unfair violates ReachTwo, OftenZero, OneToThree by stuttering and SettleZero by a
    // cycle (back to state 1); Fair satisfies all of them but SettleZero (back to state 1).

    @Test
    void ringWithoutFairnessStutters() {
        ExploreResult r = check(LiveMachines.ring(false), "ReachTwo", new Clause.Eventually("<>(x = 2)", xIs(2)));
        violated(r);
        assertTrue(r.trace().endsStuttering());
        violated(check(LiveMachines.ring(false), "OftenZero", new Clause.InfinitelyOften("[]<>(x = 0)", xIs(0))));
        violated(check(LiveMachines.ring(false), "OneToThree", new Clause.LeadsTo("x = 1 ~> x = 3", xIs(1), xIs(3))));
    }

    @Test
    void ringCycleViolatesEventuallyAlwaysWithOrWithoutFairness() {
        for (boolean fair : new boolean[] {false, true}) {
            ExploreResult r = check(LiveMachines.ring(fair), "SettleZero",
                    new Clause.EventuallyAlways("<>[](x = 0)", xIs(0)));
            violated(r);
            assertTrue(!r.trace().endsStuttering() || !fair, r.trace()::toString);
        }
    }

    @Test
    void fairRingSatisfiesProgress() {
        holds(check(LiveMachines.ring(true), "ReachTwo", new Clause.Eventually("<>(x = 2)", xIs(2))));
        holds(check(LiveMachines.ring(true), "OftenZero", new Clause.InfinitelyOften("[]<>(x = 0)", xIs(0))));
        holds(check(LiveMachines.ring(true), "OneToThree", new Clause.LeadsTo("x = 1 ~> x = 3", xIs(1), xIs(3))));
    }

    @Test
    void safetyConjunctIsCheckedBySearch() {
        ExploreResult r = check(LiveMachines.ring(false), "Small", new Clause.Always("[](x < 4)",
                LambdaMachine.predicate("x < 4", s -> Tla.lt(s.get(0), Tla.integer(4)))));
        holds(r);
        ExploreResult bad = check(LiveMachines.ring(false), "Low", new Clause.Always("[](x < 2)",
                LambdaMachine.predicate("Low", s -> Tla.lt(s.get(0), Tla.integer(2)))));
        // TLC reports a []P property conjunct as an invariant: "Invariant Low is violated." (Low == [](x < 2))
        assertEquals(Outcome.invariant("Low"), bad.outcome());
        assertEquals(3, bad.trace().size());
    }

    // Mutex.tla, TLC (8 distinct states): NoStarve is violated without fairness (State 5: Stuttering),
    // violated under WF of Enter (Back to state 4), holds under SF of Enter.

    private static Clause noStarve() {
        return new Clause.LeadsTo("pc[1] = \"waiting\" ~> pc[1] = \"cs\"",
                LambdaMachine.predicate("waiting", s -> pcIs(s, "waiting")),
                LambdaMachine.predicate("cs", s -> pcIs(s, "cs")));
    }

    private static boolean pcIs(State s, String v) {
        return Tla.eq(Tla.apply(s.get(0), Tla.integer(1)), new NameTable().str(v));
    }

    @Test
    void mutexStarvesUnlessEnterIsStronglyFair() {
        ExploreResult none = check(LiveMachines.mutex(Fair.NONE), "NoStarve", noStarve());
        violated(none);
        assertTrue(none.trace().endsStuttering());
        ExploreResult weak = check(LiveMachines.mutex(Fair.WEAK), "NoStarve", noStarve());
        violated(weak);
        assertTrue(!weak.trace().endsStuttering(), weak.trace()::toString);
        ExploreResult strong = check(LiveMachines.mutex(Fair.STRONG), "NoStarve", noStarve());
        holds(strong);
        assertEquals(8, strong.distinct());
        assertEquals(15, strong.generated());
    }

    // Flicker.tla, TLC: Caught and StaysCaught are violated under WF of Catch (Back to state 1) and
    // hold under SF of Catch.

    @Test
    void flickeringEnablednessNeedsStrongFairness() {
        Machine.Predicate y = LambdaMachine.predicate("y", s -> Tla.asBool(s.get(1)));
        violated(check(LiveMachines.flicker(Fair.WEAK), "Caught", new Clause.Eventually("<>y", y)));
        violated(check(LiveMachines.flicker(Fair.WEAK), "StaysCaught", new Clause.EventuallyAlways("<>[]y", y)));
        holds(check(LiveMachines.flicker(Fair.STRONG), "Caught", new Clause.Eventually("<>y", y)));
        holds(check(LiveMachines.flicker(Fair.STRONG), "StaysCaught", new Clause.EventuallyAlways("<>[]y", y)));
    }

    // Halt.tla, TLC: ReachThree is violated (State 4: Stuttering, in x = 2 where nothing is enabled);
    // ReachTwo holds.

    @Test
    void haltedStateStuttersForeverFairly() {
        ExploreResult r = check(LiveMachines.halt(), "ReachThree", new Clause.Eventually("<>(x = 3)", xIs(3)));
        violated(r);
        assertEquals(3, r.trace().size());
        assertTrue(r.trace().endsStuttering());
        holds(check(LiveMachines.halt(), "ReachTwo", new Clause.Eventually("<>(x = 2)", xIs(2))));
    }

    @Test
    void lassoIsWrittenWithItsLoop() {
        ExploreResult r = check(LiveMachines.ring(true), "SettleZero", new Clause.EventuallyAlways("<>[](x = 0)", xIs(0)));
        String json = Itf.write(r.trace(), "Ring.tla");
        assertTrue(json.contains("\"loop\": " + r.trace().loop()), json);
        assertEquals(r.trace().loop(), Itf.read(json, new NameTable()).loop());
    }

    @Test
    void uncheckedConjunctIsReportedNotPassed() {
        LambdaMachine m = LiveMachines.ring(true);
        m.property("Odd", new Clause.Eventually("<>(x = 2)", xIs(2)),
                new Clause.Unchecked("[](x = 1 => [](x = 1))", "nested temporal operators"));
        ExploreResult r = new ModelChecker(m, BfsExplorer.Options.defaults()).run();
        assertTrue(r.isOk());
        assertEquals(List.of(new ExploreResult.NotChecked("Odd", "[](x = 1 => [](x = 1)): nested temporal operators")),
                r.notChecked());
        assertTrue(!r.complete());
    }

    @Test
    void safetyOnlySearchListsLivenessAsNotChecked() {
        LambdaMachine m = LiveMachines.ring(true);
        m.property("ReachTwo", new Clause.Eventually("<>(x = 2)", xIs(2)));
        ExploreResult r = new BfsExplorer(m).run();
        assertTrue(r.isOk());
        assertEquals(1, r.notChecked().size());
        assertTrue(!r.complete());
    }
}
