package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.FewestSwitches.Goal;
import io.finalspec.runtime.explore.FewestSwitches.Result;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.Tla;

/**
 * The fewest-switch search against hand-computed answers and against brute force: every path up
 * to a depth, enumerated, gives the same optima.
 */
class FewestSwitchesTest {

    private static final Function<ActionLabel, String> ACTOR = FewestSwitches::firstParameterOrMain;

    /**
     * Threads a and b count x_a, x_b up to 2 in near lockstep: Inc(a) needs x_a <= x_b unless a has
     * run Prep (a's detour), Inc(b) needs x_b <= x_a. Bad: x_a = 2 /\ x_b = 2. The shortest
     * counterexamples have 4 steps (a b b a: 2 switches at best); Prep a a then b b has 5 steps and 1
     * switch; no trace of one thread alone gets there.
     */
    static LambdaMachine lockstep() {
        List<String> vars = List.of("xa", "xb", "prep");
        return new LambdaMachine("Lockstep", vars,
            out -> out.accept(new ArrayState(vars, Tla.integer(0), Tla.integer(0), Tla.FALSE)),
            (s, out) -> {
                int a = Tla.asInt(s.get(0));
                int b = Tla.asInt(s.get(1));
                boolean prep = Tla.asBool(s.get(2));
                if (!prep) {
                    out.accept(label("Prep", "a"), new ArrayState(vars, s.get(0), s.get(1), Tla.TRUE));
                }
                if (a < 2 && (a <= b || prep)) {
                    out.accept(label("Inc", "a"), new ArrayState(vars, Tla.integer(a + 1), s.get(1), s.get(2)));
                }
                if (b < 2 && b <= a) {
                    out.accept(label("Inc", "b"), new ArrayState(vars, s.get(0), Tla.integer(b + 1), s.get(2)));
                }
            })
            .invariant("NotBoth", s -> !(Tla.asInt(s.get(0)) == 2 && Tla.asInt(s.get(1)) == 2))
            .checkDeadlock(false);
    }

    private static ActionLabel label(String name, String actor) {
        return new ActionLabel(name, List.of(new ActionLabel.Binding("t", Tla.integer(actor.charAt(0)))));
    }

    private static Result search(Machine m, Goal goal, int bound) {
        return new FewestSwitches(m, ACTOR, 1_000_000).search(goal, bound).orElseThrow();
    }

    /** The way into a given state: (2, 2) without Prep is 4 steps away, with 2 switches at best (a b b a). */
    @Test
    void pathToAState() {
        Machine m = lockstep();
        State target = new ArrayState(List.of("xa", "xb", "prep"), Tla.integer(2), Tla.integer(2), Tla.FALSE);
        Result way = new FewestSwitches(m, ACTOR, 1_000_000).pathTo(target).orElseThrow();
        assertEquals(List.of(4, 2), List.of(way.steps(), way.switches()));
        assertEquals(target, way.trace().state(4));
        assertEquals("reached", way.violation());
        assertTrue(new TraceReplayer(m).replay(way.trace()).ok());
        State unreachable = new ArrayState(List.of("xa", "xb", "prep"), Tla.integer(0), Tla.integer(2), Tla.FALSE);
        assertTrue(new FewestSwitches(m, ACTOR, 1_000_000).pathTo(unreachable).isEmpty());
    }

    @Test
    void handComputedOptima() {
        Machine m = lockstep();
        Result shortest = new FewestSwitches(m, ACTOR, 1_000_000).search(Goal.SHORTEST).orElseThrow();
        assertEquals(List.of(4, 2), List.of(shortest.steps(), shortest.switches()));
        Result fewest = new FewestSwitches(m, ACTOR, 1_000_000).search(Goal.FEWEST_SWITCHES).orElseThrow();
        assertEquals(List.of(5, 1), List.of(fewest.steps(), fewest.switches()));
        assertEquals("invariant NotBoth", fewest.violation());
        assertEquals(1, FewestSwitches.switches(fewest.trace(), ACTOR));
        assertTrue(new FewestSwitches(m, ACTOR, 1_000_000).search(Goal.SHORTEST, 0).isEmpty());
        assertEquals(List.of(5, 1), steps(search(m, Goal.SHORTEST, 1)));
        assertEquals(List.of(4, 2), steps(search(m, Goal.SHORTEST, 2)));
    }

    private static List<Integer> steps(Result r) {
        return List.of(r.steps(), r.switches());
    }

    @Test
    void agreesWithBruteForceAndReplays() {
        for (Machine m : List.of(lockstep(), Machines.mutex(2, true), Machines.mutex(3, true))) {
            List<Trace> all = new ArrayList<>();
            List<State> inits = new ArrayList<>();
            m.initStates(inits::add);
            for (State init : inits) {
                paths(m, new ArrayList<>(List.of(new Trace.Step(null, init))), 6, all);
            }
            int minSteps = all.stream().mapToInt(Trace::size).min().orElseThrow() - 1;
            int minSwitchesAmongShortest = all.stream().filter(t -> t.size() - 1 == minSteps)
                .mapToInt(t -> FewestSwitches.switches(t, ACTOR)).min().orElseThrow();
            int minSwitches = all.stream().mapToInt(t -> FewestSwitches.switches(t, ACTOR)).min().orElseThrow();
            Result shortest = search(m, Goal.SHORTEST, Integer.MAX_VALUE);
            Result fewest = search(m, Goal.FEWEST_SWITCHES, Integer.MAX_VALUE);
            assertEquals(List.of(minSteps, minSwitchesAmongShortest), steps(shortest), m.specName());
            assertEquals(minSwitches, fewest.switches(), m.specName());
            for (Result r : List.of(shortest, fewest)) {
                assertTrue(new TraceReplayer(m).replay(r.trace()).ok(), m.specName());
                assertEquals(r.switches(), FewestSwitches.switches(r.trace(), ACTOR));
                assertEquals(r.steps(), r.trace().size() - 1);
            }
            Optional<ExploreResult> bfs = Optional.of(new BfsExplorer(m).run());
            assertEquals(bfs.get().trace().size() - 1, shortest.steps(), "the BFS explorer's counterexample is a shortest one");
        }
    }

    /** Every path from the last step of {@code prefix}, up to {@code depth} steps, that ends in its first violation. */
    private static void paths(Machine m, List<Trace.Step> prefix, int depth, List<Trace> out) {
        State s = prefix.get(prefix.size() - 1).state();
        if (m.invariants().stream().anyMatch(p -> !p.test(s))) {
            out.add(new Trace(m.variables(), prefix));
            return;
        }
        if (prefix.size() > depth) {
            return;
        }
        m.successors(s, (label, next) -> {
            List<Trace.Step> longer = new ArrayList<>(prefix);
            longer.add(new Trace.Step(label, next));
            paths(m, longer, depth, out);
        });
    }
}
