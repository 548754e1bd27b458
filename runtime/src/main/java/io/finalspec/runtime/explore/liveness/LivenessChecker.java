package io.finalspec.runtime.explore.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.explore.PropertyCoverage;
import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.machine.TemporalProperty.Clause;
import io.finalspec.runtime.trace.Trace;

/**
 * Checks the liveness conjuncts of a machine's properties under its fairness conditions, with
 * TLC's verdicts: a property is violated when some behaviour of the model that is fair to every
 * {@code WF}/{@code SF} condition violates it. Behaviours include stuttering: a state may repeat
 * forever, which is fair only when no fairness condition's action is enabled there.
 *
 * <p>Each form is decided directly on the state graph (no tableau). A violation is a lasso that
 * first reaches an <em>entry</em> node, then stays within a <em>region</em> and ends in a fair
 * cycle through an <em>accepting</em> node:
 * <ul>
 * <li>{@code <>P}: from an initial state, always {@code ~P} (region ~P, entries the initial nodes);
 * <li>{@code []<>P}: eventually always {@code ~P} (region ~P, any entry);
 * <li>{@code <>[]P}: infinitely often {@code ~P} (region everything, accepting ~P);
 * <li>{@code P ~> Q}: a state with P and ~Q, then always ~Q (region ~Q, entries P /\ ~Q);
 * <li>{@code WF_v(A)}: eventually A always enabled and never taken (region ENABLED {@code <<A>>_v},
 * the cycle without {@code <<A>>_v} edges);
 * <li>{@code SF_v(A)}: A enabled infinitely often and eventually never taken (accepting ENABLED
 * {@code <<A>>_v}, the cycle without {@code <<A>>_v} edges);
 * <li>{@code [](P => []Q)}: a state with P, then (maybe the same) one with ~Q, then any fair cycle
 * (entries ~Q reached after a P state, see {@link Approach});
 * <li>{@code S => F}, S a state predicate: F's violation from an initial state with S (see
 * {@link Approach}), where F may also be {@code []P} (entries ~P, then any fair cycle) or P (an
 * initial state with ~P, then any fair cycle), decided here as TLC's tableau decides them under an
 * implication;
 * <li>{@code A => F}, A a conjunction of WF/SF conditions, {@code []<>P} and {@code <>[]P}: F's
 * violation by a behaviour that also satisfies A, the conditions of A joining the machine's for
 * F's search ({@link Conditions}).
 * </ul>
 * The safety conjuncts {@code []P} and {@code [][A]_v} are checked by the breadth-first search, as
 * TLC does; conjuncts of other shapes are reported as not checked.
 *
 * <p>The graph is not searched for separately: the explorer's breadth-first search records it as
 * it goes ({@link GraphRecorder}: the node and edge bits computed by the worker that expands each
 * state, the node ids given in the order of a sequential search), and {@code ModelChecker} hands
 * the recording to this checker (not after a search stopped at a bound of its options, whose
 * recording is partial: liveness is then not checked). A caller without a search to share (the
 * trace minimisation of {@code --fewest-switches}) gets the same recording from a
 * {@link BfsExplorer} run of its own that checks nothing else.
 */
public final class LivenessChecker {

    /**
     * The verdict: OK or PROPERTY with a lasso (or ERROR), the graph's size, what was not checked.
     * {@code entry} is the state of the lasso where the violation begins (-1 without a lasso): the
     * steps before it can be any way there from an initial state, e.g. the one with the fewest
     * thread switches, and the lasso still violates the property (for {@code <>P}, 0).
     */
    public record Result(Outcome outcome, Trace lasso, int entry, List<ExploreResult.NotChecked> notChecked, int states,
                         int edges, double seconds) {
    }

    /**
     * {@code step}: the edges a violating cycle may take (not a fairness property's own steps);
     * {@code start} (null: any) the initial states the behaviour may begin in, {@code via} (null:
     * none) a state it passes before the violation begins; {@code assumed} the fairness conditions
     * the violating behaviour must satisfy besides the machine's.
     */
    private record Goal(String property, Clause clause, IntPredicate region, boolean fromInitOnly, IntPredicate entry,
                        IntPredicate accept, IntPredicate step, IntPredicate start, IntPredicate via,
                        Conditions assumed) {
        Goal(String property, Clause clause, IntPredicate region, boolean fromInitOnly, IntPredicate entry,
             IntPredicate accept, IntPredicate step, IntPredicate start, IntPredicate via) {
            this(property, clause, region, fromInitOnly, entry, accept, step, start, via, Conditions.NONE);
        }

        Goal(String property, Clause clause, IntPredicate region, boolean fromInitOnly, IntPredicate entry,
             IntPredicate accept, IntPredicate step) {
            this(property, clause, region, fromInitOnly, entry, accept, step, null, null);
        }

        Goal(String property, Clause clause, IntPredicate region, boolean fromInitOnly, IntPredicate entry,
             IntPredicate accept) {
            this(property, clause, region, fromInitOnly, entry, accept, e -> true);
        }

        Goal beginningIn(Clause outer, IntPredicate states) {
            return new Goal(property, outer, region, fromInitOnly, entry, accept, step, states, via, assumed);
        }

        Goal assuming(Clause outer, Conditions more) {
            return new Goal(property, outer, region, fromInitOnly, entry, accept, step, start, via, assumed.and(more));
        }

        /** Whether the way into the violation is constrained (not any path from an initial state). */
        boolean approached() {
            return start != null || via != null;
        }
    }

    private final Machine machine;
    private final GraphRecorder recorded;

    /** A checker that records the graph by a breadth-first search of its own (checking nothing else). */
    public LivenessChecker(Machine machine) {
        this(machine, null);
    }

    /**
     * A checker of the graph {@code recorded} during the explorer's search of {@code machine}
     * (complete and without violation), or, when it is null, by a search of its own.
     */
    public LivenessChecker(Machine machine, GraphRecorder recorded) {
        this.machine = machine;
        this.recorded = recorded;
    }

    /** Whether {@code m} has a liveness conjunct to check. */
    public static boolean needed(Machine m) {
        return m.properties().stream().anyMatch(TemporalProperty::hasLiveness);
    }

    /**
     * The transition predicates of {@code m}'s fairness properties ({@code <<A>>_v} of a WF/SF
     * conjunct), each once: edge bit {@code m.fairness().size() + k} is {@code steps(m).get(k)}.
     */
    static List<Machine.ActionPredicate> steps(Machine m) {
        return distinct(m, LivenessChecker::stepsOf);
    }

    /** The state predicates of {@code m}'s liveness conjuncts, each once: node bit i is {@code predicates(m).get(i)}. */
    static List<Machine.Predicate> predicates(Machine m) {
        return distinct(m, LivenessChecker::predicatesOf);
    }

    /**
     * What {@code of} gives for the clauses of {@code m}'s properties, each object once (by identity:
     * a predicate shared by two clauses gets one bit), in the order first met.
     */
    private static <T> List<T> distinct(Machine m, Function<Clause, List<T>> of) {
        Map<T, Boolean> seen = new IdentityHashMap<>();
        List<T> out = new ArrayList<>();
        for (TemporalProperty p : m.properties()) {
            for (Clause c : p.clauses()) {
                for (T t : of.apply(c)) {
                    if (seen.put(t, Boolean.TRUE) == null) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    public Result run() {
        long start = System.nanoTime();
        List<ExploreResult.NotChecked> unchecked = PropertyCoverage.unsupported(machine);
        List<Machine.Predicate> predicates = predicates(machine);
        Map<Machine.Predicate, Integer> bits = new IdentityHashMap<>();
        for (int i = 0; i < predicates.size(); i++) {
            bits.put(predicates.get(i), i);
        }
        List<Fairness> fairness = List.copyOf(machine.fairness());
        List<Machine.ActionPredicate> steps = steps(machine);
        Map<Machine.ActionPredicate, Integer> stepBits = new IdentityHashMap<>();
        for (int k = 0; k < steps.size(); k++) {
            stepBits.put(steps.get(k), fairness.size() + k);
        }
        StateGraph g;
        try {
            g = (recorded != null ? recorded : record()).graph();
        } catch (RuntimeException e) {
            return new Result(Outcome.error(message(e)), null, -1, unchecked, 0, 0, seconds(start));
        }
        Conditions fair = machineFairness(fairness, predicates.size());
        FairCycles machineCycles = new FairCycles(g, fair);
        Lasso lasso = new Lasso(g);
        for (TemporalProperty p : machine.properties()) {
            for (Clause c : p.clauses()) {
                Goal goal = goal(p.name(), c, g, bits, stepBits);
                if (goal == null) {
                    continue;
                }
                Conditions all = fair.and(goal.assumed());
                FairCycles cycles = all == fair ? machineCycles : new FairCycles(g, all);
                Lasso.Path path = search(g, goal, cycles, lasso, all);
                if (path != null) {
                    Outcome violated = Outcome.temporal(p.name(), c.text());
                    try {
                        return new Result(violated, trace(g, path), path.entry(), unchecked, g.size, g.edgeCount(), seconds(start));
                    } catch (RuntimeException e) {
                        // The verdict stands; say why there is no trace rather than hide it.
                        return new Result(new Outcome(violated.kind(), violated.name(),
                                violated.message() + " (no trace: " + message(e) + ")"), null, -1, unchecked, g.size,
                                g.edgeCount(), seconds(start));
                    }
                }
            }
        }
        return new Result(Outcome.OK, null, -1, unchecked, g.size, g.edgeCount(), seconds(start));
    }

    /**
     * The graph recorded by a search of the model that checks nothing else; an error of the machine
     * (in the search's words) is thrown.
     */
    private GraphRecorder record() {
        GraphRecorder graph = new GraphRecorder(machine);
        ExploreResult search = new BfsExplorer(ForwardingMachine.withoutChecks(machine), BfsExplorer.Options.defaults(),
                null, graph).run();
        if (!search.isOk()) {
            throw new IllegalStateException(search.outcome().message());
        }
        return graph;
    }

    /**
     * The machine's fairness conditions as graph bits: condition f's ENABLED is node bit
     * {@code predicates + f} (after the properties' predicates), its steps edge bit f.
     */
    private static Conditions machineFairness(List<Fairness> fairness, int predicates) {
        int n = fairness.size();
        int[] enabled = new int[n];
        int[] steps = new int[n];
        boolean[] strong = new boolean[n];
        for (int f = 0; f < n; f++) {
            enabled[f] = predicates + f;
            steps[f] = f;
            strong[f] = fairness.get(f).strong();
        }
        return new Conditions(enabled, steps, strong);
    }

    /**
     * What {@code a} assumes, as conditions a cycle must satisfy: WF/SF as such; {@code []<>P}
     * weak, without steps, enabled at ~P (satisfied by a P state); {@code <>[]P} strong, without
     * steps, enabled at ~P (satisfied by a cycle without ~P states).
     */
    private static Conditions assumed(Clause.Assuming a, Map<Machine.Predicate, Integer> bits,
                                      Map<Machine.ActionPredicate, Integer> stepBits) {
        int n = a.assumptions().size();
        int[] enabled = new int[n];
        boolean[] negated = new boolean[n];
        int[] steps = new int[n];
        boolean[] strong = new boolean[n];
        for (int k = 0; k < n; k++) {
            Clause x = a.assumptions().get(k);
            if (x instanceof Clause.Fair f) {
                enabled[k] = bits.get(f.enabled());
                steps[k] = stepBits.get(f.step());
                strong[k] = f.strong();
            } else {
                Machine.Predicate p = x instanceof Clause.InfinitelyOften i ? i.p() : ((Clause.EventuallyAlways) x).p();
                enabled[k] = bits.get(p);
                negated[k] = true;
                steps[k] = -1;
                strong[k] = x instanceof Clause.EventuallyAlways;
            }
        }
        return new Conditions(enabled, negated, steps, strong);
    }

    /** The transition predicates clause {@code c} needs as edge bits: those of its WF/SF, decided or assumed. */
    private static List<Machine.ActionPredicate> stepsOf(Clause c) {
        if (c instanceof Clause.Fair f) {
            return List.of(f.step());
        } else if (c instanceof Clause.From f) {
            return stepsOf(f.clause());
        } else if (c instanceof Clause.Assuming a) {
            List<Machine.ActionPredicate> out = new ArrayList<>();
            a.assumptions().forEach(x -> out.addAll(stepsOf(x)));
            out.addAll(stepsOf(a.clause()));
            return out;
        }
        return List.of();
    }

    private static List<Machine.Predicate> predicatesOf(Clause c) {
        if (c instanceof Clause.Assuming a) {
            List<Machine.Predicate> out = new ArrayList<>();
            a.assumptions().forEach(x -> out.addAll(predicatesOf(x)));
            out.addAll(predicatesOf(a.clause()));
            return out;
        } else if (c instanceof Clause.From f) {
            List<Machine.Predicate> out = new ArrayList<>();
            if (f.start() != null) {
                out.add(f.start());
            }
            Clause inner = f.clause();
            out.addAll(inner instanceof Clause.Always a ? List.of(a.p())
                    : inner instanceof Clause.Initially i ? List.of(i.p()) : predicatesOf(inner));
            return out;
        } else if (c instanceof Clause.AlwaysAfter a) {
            return List.of(a.p(), a.q());
        } else if (c instanceof Clause.Eventually e) {
            return List.of(e.p());
        } else if (c instanceof Clause.InfinitelyOften i) {
            return List.of(i.p());
        } else if (c instanceof Clause.EventuallyAlways e) {
            return List.of(e.p());
        } else if (c instanceof Clause.LeadsTo l) {
            return List.of(l.p(), l.q());
        } else if (c instanceof Clause.Fair f) {
            return List.of(f.enabled());
        }
        return List.of();
    }

    /**
     * The violation search for a liveness clause, or null for a safety or unchecked one ({@code bits}:
     * the node bit of each predicate, {@code stepBits} the edge bit of each fairness property's step).
     */
    private static Goal goal(String property, Clause c, StateGraph g, Map<Machine.Predicate, Integer> bits,
                             Map<Machine.ActionPredicate, Integer> stepBits) {
        IntPredicate any = u -> true;
        if (c instanceof Clause.Assuming a) {
            return goal(property, a.clause(), g, bits, stepBits).assuming(c, assumed(a, bits, stepBits));
        }
        if (c instanceof Clause.From f) {
            Goal inner = consequent(property, f.clause(), g, bits, stepBits);
            if (f.start() == null) {
                return inner.beginningIn(c, null);
            }
            int s = bits.get(f.start());
            return inner.beginningIn(c, u -> g.nodeBit(u, s));
        }
        if (c instanceof Clause.AlwaysAfter a) {
            int p = bits.get(a.p());
            int q = bits.get(a.q());
            return new Goal(property, c, any, false, u -> !g.nodeBit(u, q), any, e -> true, any, u -> g.nodeBit(u, p));
        }
        if (c instanceof Clause.Fair f) {
            // violated by a fair cycle without an <<A>>_v step where A is enabled throughout (WF)
            // or somewhere (SF)
            int step = stepBits.get(f.step());
            int enabled = bits.get(f.enabled());
            IntPredicate noStep = e -> !g.edgeBit(e, step);
            IntPredicate isEnabled = u -> g.nodeBit(u, enabled);
            return f.strong() ? new Goal(property, c, any, false, any, isEnabled, noStep)
                    : new Goal(property, c, isEnabled, false, any, any, noStep);
        }
        if (c instanceof Clause.Eventually e) {
            int p = bits.get(e.p());
            return new Goal(property, c, u -> !g.nodeBit(u, p), true, any, any);
        } else if (c instanceof Clause.InfinitelyOften i) {
            int p = bits.get(i.p());
            return new Goal(property, c, u -> !g.nodeBit(u, p), false, any, any);
        } else if (c instanceof Clause.EventuallyAlways e) {
            int p = bits.get(e.p());
            return new Goal(property, c, any, false, any, u -> !g.nodeBit(u, p));
        } else if (c instanceof Clause.LeadsTo l) {
            int p = bits.get(l.p());
            int q = bits.get(l.q());
            return new Goal(property, c, u -> !g.nodeBit(u, q), false, u -> g.nodeBit(u, p), any);
        }
        return null;
    }

    /**
     * The violation search for the consequent F of {@code S => F}: F's own, or for the safety forms
     * a state that violates them, then any fair behaviour ({@code []P}: a ~P state anywhere; P: an
     * initial one).
     */
    private static Goal consequent(String property, Clause c, StateGraph g, Map<Machine.Predicate, Integer> bits,
                                   Map<Machine.ActionPredicate, Integer> stepBits) {
        IntPredicate any = u -> true;
        if (c instanceof Clause.Always a) {
            int p = bits.get(a.p());
            return new Goal(property, c, any, false, u -> !g.nodeBit(u, p), any);
        } else if (c instanceof Clause.Initially i) {
            int p = bits.get(i.p());
            return new Goal(property, c, any, true, u -> !g.nodeBit(u, p), any);
        }
        return goal(property, c, g, bits, stepBits);
    }

    /**
     * Breadth-first from the entries through the region; then a fair accepting component among the
     * nodes reached, and the lasso into it. The entries are the nodes a violation may begin at:
     * any (an initial one for {@code fromInitOnly}), or those the goal's {@link Approach} reaches.
     */
    private static Lasso.Path search(StateGraph g, Goal goal, FairCycles cycles, Lasso lasso, Conditions fair) {
        int[] via = new int[g.size];
        int[] rank = new int[g.size];
        Arrays.fill(rank, -1);
        int[] reached = new int[g.size];
        int n = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        Approach approach = goal.approached()
                ? Approach.of(g, goal.start() == null ? u -> true : goal.start(), goal.via(), goal.fromInitOnly())
                : null;
        for (int u = 0; u < g.size; u++) {
            boolean reachable = approach != null ? approach.reaches(u) : !goal.fromInitOnly() || g.parent[u] < 0;
            boolean source = reachable && goal.region().test(u) && goal.entry().test(u);
            if (source) {
                rank[u] = n;
                via[u] = -1;
                reached[n++] = u;
                queue.add(u);
            }
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.edgeTarget[e];
                if (rank[v] < 0 && goal.region().test(v)) {
                    rank[v] = n;
                    via[v] = u;
                    reached[n++] = v;
                    queue.add(v);
                }
            }
        }
        FairCycles.Found found = cycles.find(Arrays.copyOf(reached, n), goal.accept(), goal.step());
        if (found == null) {
            return null;
        }
        int c = found.nodes()[0];
        for (int u : found.nodes()) {
            c = rank[u] < rank[c] ? u : c;
        }
        List<Integer> inRegion = new ArrayList<>();
        for (int u = c; u >= 0; u = via[u]) {
            inRegion.add(u);
        }
        java.util.Collections.reverse(inRegion);
        List<Integer> prefix = new ArrayList<>(approach != null ? approach.pathTo(inRegion.get(0))
                : lasso.fromInit(inRegion.get(0)));
        // The region's part (and the cycle) is the evidence; the way into the region is free,
        // unless the behaviour had to begin with S or pass a P state on it: then all is evidence.
        int entry = approach != null ? 0 : prefix.size() - 1;
        prefix.addAll(inRegion.subList(1, inRegion.size()));
        return lasso.close(prefix, entry, found, fair, goal.step());
    }

    private Trace trace(StateGraph g, Lasso.Path path) {
        long[] fps = new long[path.nodes().length];
        for (int i = 0; i < fps.length; i++) {
            fps[i] = g.fps[path.nodes()[i]];
        }
        return Replay.trace(machine, fps, path.loop());
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
