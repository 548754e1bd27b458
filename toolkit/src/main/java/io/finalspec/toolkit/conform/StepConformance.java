package io.finalspec.toolkit.conform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.trace.TraceReplayer.VarDiff;

/**
 * Step conformance: at every state compared, the machine's labelled successors must equal TLC's,
 * as multisets. States are chosen breadth-first from the initial states for half the budget
 * (small models are covered completely), then by seeded random walks that reach deep states;
 * walkers advance in lock step so that each round asks the oracle about all their states at once.
 *
 * <p>A mismatch is reported with the shortest behaviour reaching the divergent state (found
 * breadth-first in the machine), the transitions only one side has, and a per-variable diff.
 */
public final class StepConformance {

    /**
     * @param seed      seeds the walks; the same seed replays the same walks
     * @param maxStates stop after comparing this many distinct states
     * @param seconds   stop after this long (0: no limit)
     * @param maxDepth  a walk restarts from an initial state after this many steps
     * @param walkers   walks advanced together, one oracle round trip per round
     */
    public record Options(long seed, long maxStates, double seconds, int maxDepth, int walkers) {
        public Options {
            if (maxDepth < 1 || walkers < 1) {
                throw new IllegalArgumentException("maxDepth and walkers must be positive");
            }
        }
    }

    /** What a run compared, and the first mismatch if any. */
    public record Result(long statesChecked, long transitionsCompared, double seconds, boolean exhausted,
                         List<Mismatch> mismatches) {
        public double statesPerSecond() {
            return seconds <= 0 ? 0 : statesChecked / seconds;
        }
    }

    /** Rounds without a single new state after which the walks stop. */
    private static final int STALE_ROUNDS = 200;

    /** States per oracle round trip in the breadth-first phase. */
    private static final int BATCH = 256;

    private final Machine machine;
    private final Oracle oracle;
    private final Options options;

    public StepConformance(Machine machine, Oracle oracle, Options options) {
        this.machine = machine;
        this.oracle = oracle;
        this.options = options;
    }

    private static final class Walker {
        final List<Trace.Step> path = new ArrayList<>();

        State current() {
            return path.get(path.size() - 1).state();
        }
    }

    public Result run() {
        long start = System.nanoTime();
        List<State> init = new ArrayList<>();
        machine.initStates(init::add);
        Mismatch initMismatch = compareInit(init, oracle.initStates());
        if (initMismatch != null) {
            return new Result(0, 0, elapsed(start), false, List.of(initMismatch));
        }
        Run run = new Run(start);
        Mismatch m = run.breadthFirst(init);
        if (m == null && !run.exhausted) {
            m = run.walks(init);
        }
        return new Result(run.checked.size(), run.transitions, elapsed(start), run.exhausted, m == null ? List.of() : List.of(m));
    }

    /** Bookkeeping of one run: states compared so far, transitions compared, whether the space was covered. */
    private final class Run {
        final long start;
        final Set<State> checked = new HashSet<>();
        long transitions;
        boolean exhausted;

        Run(long start) {
            this.start = start;
        }

        boolean budgetLeft(long limit) {
            return checked.size() < limit && !outOfTime(start);
        }

        /**
         * Phase one: breadth-first from the initial states, a batch of states per oracle round trip,
         * up to half the budget. Small models are covered completely here.
         */
        Mismatch breadthFirst(List<State> init) {
            java.util.ArrayDeque<Trace.Step> queue = new java.util.ArrayDeque<>();
            Set<State> queued = new HashSet<>();
            for (State s : init) {
                if (inModel(null, s) && queued.add(s)) {
                    queue.add(new Trace.Step(ActionLabel.of("Init"), s));
                }
            }
            long limit = Math.max(1, options.maxStates() / 2);
            // Pipelined: the next batch is submitted before the current answer is processed, so TLC
            // computes successors while this thread compares the previous batch.
            List<State> pending = nextBatch(queue, limit);
            if (!pending.isEmpty()) {
                oracle.submit(pending);
            }
            while (!pending.isEmpty()) {
                List<State> batch = pending;
                List<List<Transition>> expected = oracle.receive();
                pending = budgetLeft(limit) ? nextBatch(queue, limit) : List.of();
                if (!pending.isEmpty()) {
                    oracle.submit(pending);
                }
                for (int i = 0; i < batch.size(); i++) {
                    List<Transition> actual = StepConformance.this.successors(batch.get(i));
                    transitions += actual.size();
                    Mismatch m = compare(batch.get(i), null, expected.get(i), actual);
                    if (m != null) {
                        if (!pending.isEmpty()) {
                            oracle.receive();
                        }
                        return m;
                    }
                    for (Transition t : actual) {
                        if (inModel(batch.get(i), t.state()) && queued.add(t.state())) {
                            queue.add(new Trace.Step(t.label(), t.state()));
                        }
                    }
                }
                if (pending.isEmpty() && !queue.isEmpty() && budgetLeft(limit)) {
                    pending = nextBatch(queue, limit);
                    oracle.submit(pending);
                }
            }
            exhausted = queue.isEmpty();
            return null;
        }

        private List<State> nextBatch(java.util.ArrayDeque<Trace.Step> queue, long limit) {
            List<State> batch = new ArrayList<>();
            while (!queue.isEmpty() && batch.size() < BATCH && checked.size() < limit) {
                State s = queue.poll().state();
                checked.add(s);
                batch.add(s);
            }
            return batch;
        }

        /** Phase two: seeded random walks, walkers advanced in lock step, for deep states. */
        Mismatch walks(List<State> init) {
            Random random = new Random(options.seed());
            List<Walker> walkers = new ArrayList<>();
            for (int i = 0; i < options.walkers(); i++) {
                walkers.add(restart(new Walker(), init, random));
            }
            int staleRounds = 0;
            while (budgetLeft(options.maxStates()) && staleRounds < STALE_ROUNDS) {
                List<Walker> fresh = new ArrayList<>();
                List<State> queries = new ArrayList<>();
                for (Walker w : walkers) {
                    if (checked.add(w.current())) {
                        fresh.add(w);
                        queries.add(w.current());
                    }
                }
                staleRounds = fresh.isEmpty() ? staleRounds + 1 : 0;
                List<List<Transition>> expected = queries.isEmpty() ? List.of() : oracle.successors(queries);
                for (int i = 0; i < fresh.size(); i++) {
                    List<Transition> actual = StepConformance.this.successors(fresh.get(i).current());
                    transitions += actual.size();
                    Mismatch m = compare(fresh.get(i).current(), fresh.get(i), expected.get(i), actual);
                    if (m != null) {
                        return m;
                    }
                }
                for (Walker w : walkers) {
                    advance(w, init, random);
                }
            }
            return null;
        }
    }

    /** States (and transitions) outside the model's CONSTRAINTs (ACTION_CONSTRAINTs) are not expanded, as in TLC. */
    private boolean inModel(State from, State to) {
        if (!machine.constraints().stream().allMatch(c -> c.test(to))) {
            return false;
        }
        return from == null || machine.actionConstraints().stream().allMatch(c -> c.test(from, to));
    }

    private Walker restart(Walker w, List<State> init, Random random) {
        w.path.clear();
        w.path.add(new Trace.Step(ActionLabel.of("Init"), init.get(random.nextInt(init.size()))));
        return w;
    }

    private void advance(Walker w, List<State> init, Random random) {
        List<Transition> next = new ArrayList<>();
        for (Transition t : successors(w.current())) {
            if (inModel(w.current(), t.state())) {
                next.add(t);
            }
        }
        if (next.isEmpty() || w.path.size() > options.maxDepth()) {
            restart(w, init, random);
            return;
        }
        Transition t = next.get(random.nextInt(next.size()));
        w.path.add(new Trace.Step(t.label(), t.state()));
    }

    private List<Transition> successors(State s) {
        List<Transition> out = new ArrayList<>();
        machine.successors(s, (label, next) -> out.add(new Transition(label, next)));
        return out;
    }

    private Mismatch compareInit(List<State> actual, List<State> expected) {
        List<State> missing = Multiset.minus(expected, actual);
        List<State> extra = Multiset.minus(actual, expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        List<VarDiff> diff = missing.isEmpty() || extra.isEmpty() ? List.of()
            : new TraceReplayer(machine).diff(missing.get(0), extra.get(0));
        return new Mismatch("init", null, asInit(missing), asInit(extra), diff,
            new Trace(machine.variables(), List.of()), options.seed());
    }

    private static List<Transition> asInit(List<State> states) {
        return states.stream().map(s -> new Transition(ActionLabel.of("Init"), s)).toList();
    }

    private Mismatch compare(State state, Walker w, List<Transition> expected, List<Transition> actual) {
        List<Transition> missing = Multiset.minus(expected, actual);
        List<Transition> extra = Multiset.minus(actual, expected);
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        return new Mismatch("successors", state, missing, extra, closestDiff(missing, extra),
            shortestPath(state, w), options.seed());
    }

    private List<VarDiff> closestDiff(List<Transition> missing, List<Transition> extra) {
        return closestDiff(machine, missing, extra);
    }

    /** The per-variable diff of the first missing transition against an extra one with the same label. */
    static List<VarDiff> closestDiff(Machine machine, List<Transition> missing, List<Transition> extra) {
        for (Transition m : missing) {
            for (Transition e : extra) {
                if (m.label().equals(e.label())) {
                    return new TraceReplayer(machine).diff(m.state(), e.state());
                }
            }
        }
        return List.of();
    }

    /** Breadth-first in the machine: the shortest behaviour reaching the walker's state. */
    private Trace shortestPath(State target, Walker w) {
        return shortestPath(machine, target, w == null ? null : w.path);
    }

    /**
     * Breadth-first in {@code machine}: the shortest behaviour reaching {@code target}; else
     * {@code fallback} (a walk that reached it), else the state alone.
     */
    static Trace shortestPath(Machine machine, State target, List<Trace.Step> fallback) {
        ExploreResult r = new BfsExplorer(ForwardingMachine.withoutChecks(machine), BfsExplorer.Options.defaults(), target::equals).run();
        if (r.trace() != null && !r.trace().steps().isEmpty() && r.trace().steps().get(r.trace().size() - 1).state().equals(target)) {
            return r.trace();
        }
        return new Trace(machine.variables(), fallback == null ? List.of(new Trace.Step(ActionLabel.of("?"), target)) : List.copyOf(fallback));
    }

    private boolean outOfTime(long start) {
        return options.seconds() > 0 && elapsed(start) >= options.seconds();
    }

    private static double elapsed(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
