package io.finalspec.runtime.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.machine.TemporalProperty.Clause;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.value.Tla;

/**
 * The liveness graph the explorer's search records equals the graph built independently here by a
 * plain sequential breadth-first search (node ids, parents, bits, edges and their order), with 1
 * and 2 workers and with a frontier whose order no sequential search has; the model is expanded
 * once; a lasso does not depend on the workers.
 */
class GraphRecorderTest {
    private static final int N = 60;
    private static final List<String> VARS = List.of("x", "y", "z");

    private static State state(int x, int y, int z) {
        return new ArrayState(VARS, Tla.integer(x), Tla.integer(y), Tla.integer(z));
    }

    private static int x(State s) {
        return Tla.asInt(s.get(0));
    }

    private static int y(State s) {
        return Tla.asInt(s.get(1));
    }

    private static int z(State s) {
        return Tla.asInt(s.get(2));
    }

    /**
     * x in 0..N-1, y in 0..5 and z in 0..1, seen through the VIEW {@code <<x, y>>}: Inc and Jump
     * move x, Skip makes Inc's step from an even x before Inc does (the same edge, first made by an
     * action that is not fair), Bump moves y (each step emitted twice), Stay repeats the state
     * before Flip changes only z (the same node: a self-loop that is a fairness step). Three initial
     * states, one a repeat and one outside the CONSTRAINT {@code x + y < N + 2}; the
     * ACTION_CONSTRAINT drops jumps to 0 from y = 3. Fairness: WF_<<x, y>>(Inc), SF_y(Bump),
     * WF_z(Flip); with {@code fromNext} each condition names its instance of Next, so that the
     * recorder takes the steps from the search's successors instead of running the action.
     */
    private static LambdaMachine machine(Clause clause) {
        return machine(clause, false);
    }

    private static final ActionLabel INC = ActionLabel.of("Inc");
    private static final ActionLabel BUMP = ActionLabel.of("Bump");
    private static final ActionLabel FLIP = ActionLabel.of("Flip");

    private static Set<ActionLabel> instance(ActionLabel label, boolean fromNext) {
        if (!fromNext) {
            return null;
        }
        Set<ActionLabel> one = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        one.add(label);
        return one;
    }

    private static LambdaMachine machine(Clause clause, boolean fromNext) {
        Fairness.Successors inc = (s, out) -> out.accept(state((x(s) + 1) % N, y(s), z(s)));
        Fairness.Successors bump = (s, out) -> {
            if (x(s) % 3 == 0) {
                out.accept(state(x(s), (y(s) + 1) % 6, z(s)));
                out.accept(state(x(s), (y(s) + 1) % 6, z(s)));
            }
        };
        Fairness.Successors flip = (s, out) -> out.accept(state(x(s), y(s), 1 - z(s)));
        LambdaMachine m = new LambdaMachine("Recorded", VARS, out -> {
            out.accept(state(0, 0, 0));
            out.accept(state(N - 1, 5, 0));
            out.accept(state(0, 0, 0));
            out.accept(state(5, 1, 1));
        }, (s, out) -> {
            if (x(s) % 2 == 0) {
                out.accept(ActionLabel.of("Skip"), state((x(s) + 1) % N, y(s), z(s)));
            }
            inc.accept(s, t -> out.accept(INC, t));
            out.accept(ActionLabel.of("Jump"), state((7 * x(s) + 3) % N, (y(s) + 1) % 6, z(s)));
            bump.accept(s, t -> out.accept(BUMP, t));
            out.accept(ActionLabel.of("Stay"), s);
            flip.accept(s, t -> out.accept(FLIP, t));
        });
        m.constraint("Bounded", s -> x(s) + y(s) < N + 2);
        m.actionConstraint("NoJumpHome", (s, t) -> !(y(s) == 3 && x(t) == 0 && x(s) != N - 1));
        m.view(s -> Tla.tuple(s.get(0), s.get(1)));
        m.fairness(new Fairness("WF_<<x, y>>(Inc)", false, inc, s -> Tla.tuple(s.get(0), s.get(1)), null,
                instance(INC, fromNext)));
        m.fairness(new Fairness("SF_y(Bump)", true, bump, s -> s.get(1), null, instance(BUMP, fromNext)));
        m.fairness(new Fairness("WF_z(Flip)", false, flip, s -> s.get(2), null, instance(FLIP, fromNext)));
        m.property("Prop", clause);
        return m.checkDeadlock(false);
    }

    private static Machine.Predicate pred(String name, java.util.function.Predicate<State> p) {
        return LambdaMachine.predicate(name, p);
    }

    private static final Clause LEADS_TO = new Clause.LeadsTo("x = 3 ~> y = 5",
            pred("x = 3", s -> x(s) == 3), pred("y = 5", s -> y(s) == 5));
    private static final Clause SETTLES = new Clause.EventuallyAlways("<>[](x = 0)", pred("x = 0", s -> x(s) == 0));
    private static final Clause STARTS = new Clause.Eventually("<>(x >= 0)", pred("x >= 0", s -> x(s) >= 0));

    /** The graph as a sequential breadth-first search defines it, built with maps and lists. */
    private record Reference(List<Long> fps, List<Integer> parents, List<boolean[]> nodeBits, List<List<Integer>> targets,
                             List<List<boolean[]>> edgeBits) {

        static Reference of(Machine m) {
            List<Machine.Predicate> preds = LivenessChecker.predicates(m);
            List<Fairness> fair = m.fairness();
            Reference r = new Reference(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
            Map<Long, Integer> ids = new HashMap<>();
            List<State> states = new ArrayList<>();
            m.initStates(s -> {
                if (m.constraints().stream().allMatch(c -> c.test(s)) && ids.putIfAbsent(fp(m, s), ids.size()) == null) {
                    r.add(fp(m, s), -1);
                    states.add(s);
                }
            });
            for (int u = 0; u < states.size(); u++) {
                State s = states.get(u);
                List<Set<Long>> steps = new ArrayList<>();
                boolean[] bits = new boolean[preds.size() + fair.size()];
                for (int i = 0; i < preds.size(); i++) {
                    bits[i] = preds.get(i).test(s);
                }
                for (int f = 0; f < fair.size(); f++) {
                    Fairness c = fair.get(f);
                    Set<Long> st = new HashSet<>();
                    c.action().accept(s, t -> {
                        if (!c.subscript().apply(s).equals(c.subscript().apply(t))) {
                            st.add(fp(m, t));
                        }
                    });
                    steps.add(st);
                    bits[preds.size() + f] = !st.isEmpty();
                }
                r.nodeBits.add(bits);
                Map<Integer, boolean[]> edges = new LinkedHashMap<>();
                int from = u;
                m.successors(s, (label, t) -> {
                    boolean in = m.constraints().stream().allMatch(c -> c.test(t))
                            && m.actionConstraints().stream().allMatch(c -> c.test(s, t));
                    if (!in) {
                        return;
                    }
                    long fp = fp(m, t);
                    Integer v = ids.get(fp);
                    if (v == null) {
                        v = ids.size();
                        ids.put(fp, v);
                        r.add(fp, from);
                        states.add(t);
                    }
                    boolean[] eb = new boolean[fair.size()];
                    for (int f = 0; f < fair.size(); f++) {
                        eb[f] = steps.get(f).contains(fp);
                    }
                    edges.putIfAbsent(v, eb);
                });
                edges.entrySet().removeIf(e -> e.getKey() == from && !any(e.getValue()));
                r.targets.add(new ArrayList<>(edges.keySet()));
                r.edgeBits.add(new ArrayList<>(edges.values()));
            }
            return r;
        }

        private void add(long fp, int parent) {
            fps.add(fp);
            parents.add(parent);
        }

        void assertSame(StateGraph g, String how) {
            assertEquals(fps.size(), g.size, how + ": nodes");
            int e = 0;
            for (int u = 0; u < g.size; u++) {
                assertEquals(fps.get(u), g.fps[u], how + ": fingerprint of node " + u);
                assertEquals(parents.get(u), g.parent[u], how + ": parent of node " + u);
                for (int b = 0; b < nodeBits.get(u).length; b++) {
                    assertEquals(nodeBits.get(u)[b], g.nodeBit(u, b), how + ": bit " + b + " of node " + u);
                }
                assertEquals(e, g.edgeStart[u], how + ": first edge of node " + u);
                for (int k = 0; k < targets.get(u).size(); k++, e++) {
                    assertEquals(targets.get(u).get(k), g.edgeTarget[e], how + ": edge " + k + " of node " + u);
                    for (int f = 0; f < edgeBits.get(u).get(k).length; f++) {
                        assertEquals(edgeBits.get(u).get(k)[f], g.edgeBit(e, f), how + ": bit " + f + " of edge " + e);
                    }
                }
            }
            assertEquals(e, g.edgeCount(), how + ": edges");
        }

        /** The most nodes at one distance from the initial states. */
        int widestLevel() {
            int[] depth = new int[parents.size()];
            Map<Integer, Integer> width = new HashMap<>();
            for (int u = 0; u < depth.length; u++) {
                depth[u] = parents.get(u) < 0 ? 0 : depth[parents.get(u)] + 1;
                width.merge(depth[u], 1, Integer::sum);
            }
            return Collections.max(width.values());
        }

        int selfLoops() {
            int n = 0;
            for (int u = 0; u < targets.size(); u++) {
                n += Collections.frequency(targets.get(u), u);
            }
            return n;
        }
    }

    private static boolean any(boolean[] bits) {
        for (boolean b : bits) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private static long fp(Machine m, State s) {
        return States.viewFingerprint(m, s);
    }

    private static StateGraph recordedBySearch(Machine m, int workers) {
        GraphRecorder rec = new GraphRecorder(m);
        ExploreResult r = new BfsExplorer(m, BfsExplorer.Options.defaults().withWorkers(workers), null, rec).run();
        assertTrue(r.isOk(), r.outcome()::toString);
        return rec.graph();
    }

    @Test
    void recordedGraphIsTheSequentialSearchsWithOneAndTwoWorkers() {
        Machine m = machine(LEADS_TO);
        Reference ref = Reference.of(m);
        // the machine is big enough for levels of several slices (of 32) and has the cases that matter
        assertTrue(ref.widestLevel() > 64, "widest level " + ref.widestLevel());
        assertTrue(ref.selfLoops() > 0, "self-loops kept for their fairness bit");
        for (int workers : new int[] {1, 2}) {
            for (int round = 0; round < 3; round++) {
                ref.assertSame(recordedBySearch(m, workers), workers + " workers, round " + round);
            }
        }
    }

    /**
     * Fairness conditions that name their instances of Next get their steps and ENABLED from the
     * search's successors: the same graph as running their actions, with 1 and 2 workers; their
     * actions are never run.
     */
    @Test
    void stepsTakenFromNextsSuccessorsGiveTheSameGraph() {
        Reference ref = Reference.of(machine(LEADS_TO, false));
        Machine m = new ForwardingMachine(machine(LEADS_TO, true)) {
            @Override
            public List<Fairness> fairness() {
                return super.fairness().stream().map(f -> new Fairness(f.name(), f.strong(), (s, out) -> {
                    throw new AssertionError("the action of " + f.name() + " was run");
                }, f.subscript(), f.changes(), f.nextInstances())).toList();
            }
        };
        for (int workers : new int[] {1, 2}) {
            ref.assertSame(recordedBySearch(m, workers), workers + " workers, steps from Next");
        }
    }

    /**
     * A level's states may reach the merge in any order (a parallel search's frontier follows which
     * worker claimed a state first): here every level is recorded in reverse, in slices of 3, and
     * the graph must still be the sequential search's.
     */
    @Test
    void mergeGivesIdsInSequentialOrderWhateverTheFrontierOrder() {
        Machine m = machine(LEADS_TO);
        GraphRecorder rec = new GraphRecorder(m);
        Set<Long> seen = new HashSet<>();
        List<State> level = new ArrayList<>();
        m.initStates(s -> {
            if (m.constraints().stream().allMatch(c -> c.test(s)) && seen.add(fp(m, s))) {
                rec.initial(fp(m, s));
                level.add(s);
            }
        });
        while (!level.isEmpty()) {
            Collections.reverse(level);
            List<State> next = new ArrayList<>();
            List<GraphRecorder.Slice> slices = new ArrayList<>();
            for (int from = 0; from < level.size(); from += 3) {
                GraphRecorder.Slice slice = rec.slice();
                for (State s : level.subList(from, Math.min(level.size(), from + 3))) {
                    slice.begin(s, fp(m, s));
                    m.successors(s, (label, t) -> {
                        if (m.constraints().stream().allMatch(c -> c.test(t))
                                && m.actionConstraints().stream().allMatch(c -> c.test(s, t))) {
                            slice.successor(fp(m, t));
                            if (seen.add(fp(m, t))) {
                                next.add(t);
                            }
                        }
                    });
                    slice.end();
                }
                slices.add(slice);
            }
            rec.merge(slices.toArray(new GraphRecorder.Slice[0]));
            level.clear();
            level.addAll(next);
        }
        Reference.of(m).assertSame(rec.graph(), "reversed frontier");
    }

    @Test
    void modelCheckerExpandsEachStateOnce() {
        for (int workers : new int[] {1, 2}) {
            AtomicLong expansions = new AtomicLong();
            Machine counted = new ForwardingMachine(machine(STARTS)) {
                @Override
                public void successors(State state, SuccessorSink out) {
                    expansions.incrementAndGet();
                    super.successors(state, out);
                }
            };
            ExploreResult r = new ModelChecker(counted, BfsExplorer.Options.defaults().withWorkers(workers)).run();
            assertTrue(r.complete(), () -> r.outcome() + " " + r.notChecked());
            assertEquals(r.distinct(), expansions.get(), workers + " workers");
        }
    }

    @Test
    void lassoDoesNotDependOnWorkers() {
        ExploreResult one = new ModelChecker(machine(SETTLES), BfsExplorer.Options.defaults()).run();
        assertEquals(Outcome.Kind.PROPERTY, one.outcome().kind(), one.outcome()::toString);
        assertTrue(one.trace().isLasso());
        for (int round = 0; round < 3; round++) {
            ExploreResult two = new ModelChecker(machine(SETTLES), BfsExplorer.Options.defaults().withWorkers(2)).run();
            assertEquals(one.outcome(), two.outcome());
            assertEquals(one.trace(), two.trace(), "round " + round);
            assertEquals(one.distinct(), two.distinct());
        }
        // a checker without a search to share records the same graph by a search of its own
        assertEquals(one.trace(), new LivenessChecker(machine(SETTLES)).run().lasso());
    }

    @Test
    void predicateFailureIsTheCheckersErrorAndTheSearchsCountsStand() {
        Clause failing = new Clause.Eventually("<>Boom", pred("Boom", s -> {
            if (x(s) == 17) {
                throw new IllegalStateException("Boom at x = 17");
            }
            return false;
        }));
        for (int workers : new int[] {1, 2}) {
            ExploreResult r = new ModelChecker(machine(failing), BfsExplorer.Options.defaults().withWorkers(workers)).run();
            assertEquals(Outcome.error("Boom at x = 17"), r.outcome());
            assertEquals(Reference.of(machine(STARTS)).fps().size(), r.distinct());
        }
    }
}
