package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;

/**
 * Counterexamples with the fewest changes of acting thread. A reader follows an interleaving by
 * its switches, not its steps: the breadth-first explorer's shortest trace may hop between threads
 * at every step where a longer one lets each thread run on.
 *
 * <p>The search runs over pairs (state, last actor), where the actor of a step is given by the
 * caller (for CPython models, the thread that performs the action). A step by the last actor costs
 * no switch and a step by another costs one, so the switch counts are 0-1 edge weights; the search
 * is Dijkstra's over lexicographic costs, which settles pairs in order of (steps, switches) for
 * {@link Goal#SHORTEST} and of (switches, steps) for {@link Goal#FEWEST_SWITCHES}. A context-bounded
 * search ({@link #search(Goal, int)} with a bound K) adds the switches so far to the pair and drops
 * every path with more than K. The first settled pair whose state violates an invariant (or
 * deadlocks, when the model checks deadlock) ends the search: its path is optimal.
 *
 * <p>It uses only the public {@link Machine} API and follows TLC's rules for constraints: a state
 * violating a {@code CONSTRAINT} is checked but not expanded, a transition violating an
 * {@code ACTION_CONSTRAINT} is dropped (its target still checked), and a state without successors
 * is a deadlock. Symmetry and views are not applied: the search needs the exact states.
 */
public final class FewestSwitches {

    /** What is minimised first. */
    public enum Goal {
        /** Among the shortest counterexamples, one with the fewest switches. */
        SHORTEST,
        /** The counterexample with the fewest switches, then the fewest steps. */
        FEWEST_SWITCHES
    }

    /** A counterexample found: the trace, what it violates, its steps and switches, and the pairs settled. */
    public record Result(Trace trace, String violation, int steps, int switches, long settled) {
    }

    private static final long SCALE = 1L << 24;
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private record Node(State state, String actor, int switches) {
    }

    private record Entry(Node node, long cost, int steps, int switches) {
    }

    private record Parent(Node from, ActionLabel label) {
    }

    private final Machine machine;
    private final Function<ActionLabel, String> actorOf;
    private final long maxPairs;

    /**
     * @param actorOf  the actor (thread) of each action instance
     * @param maxPairs how many (state, actor) pairs the search may hold before it gives up
     */
    public FewestSwitches(Machine machine, Function<ActionLabel, String> actorOf, long maxPairs) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.actorOf = Objects.requireNonNull(actorOf, "actorOf");
        this.maxPairs = maxPairs;
    }

    /** The actor convention of the live runtime: the first parameter's value, else {@code main}. */
    public static String firstParameterOrMain(ActionLabel label) {
        return label.params().isEmpty() ? "main" : label.params().get(0).value().toString();
    }

    /** The number of switches of a trace under {@code actorOf}. */
    public static int switches(Trace trace, Function<ActionLabel, String> actorOf) {
        int n = 0;
        String last = null;
        for (Trace.Step s : trace.steps()) {
            if (s.label() != null) {
                String a = actorOf.apply(s.label());
                n += last != null && !last.equals(a) ? 1 : 0;
                last = a;
            }
        }
        return n;
    }

    /** The optimal counterexample for {@code goal}, or empty when no reachable state violates anything. */
    public Optional<Result> search(Goal goal) {
        return search(goal, UNBOUNDED);
    }

    /**
     * The optimal counterexample for {@code goal} among those with at most {@code maxSwitches}
     * switches, or empty when there is none.
     *
     * @throws IllegalStateException when the search outgrows {@code maxPairs}
     */
    public Optional<Result> search(Goal goal, int maxSwitches) {
        if (maxSwitches < 0) {
            throw new IllegalArgumentException("maxSwitches must be at least 0, not " + maxSwitches);
        }
        return search(goal, maxSwitches, this::violatedInvariant, machine.checkDeadlock());
    }

    /**
     * The way from an initial state to {@code target} with the fewest switches (then the fewest
     * steps), or empty when it is not reachable; e.g. into the state where a liveness lasso's
     * violation begins. Its result's {@code violation} is {@code "reached"}.
     */
    public Optional<Result> pathTo(State target) {
        Objects.requireNonNull(target, "target");
        return search(Goal.FEWEST_SWITCHES, UNBOUNDED, s -> s.equals(target) ? "reached" : null, false);
    }

    private Optional<Result> search(Goal goal, int maxSwitches, Function<State, String> hit, boolean deadlock) {
        boolean bounded = maxSwitches != UNBOUNDED;
        Map<Node, Long> best = new HashMap<>();
        Map<Node, Parent> parent = new HashMap<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Long.compare(a.cost(), b.cost()));
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        for (State s : inits) {
            Node start = new Node(s, null, 0);
            if (best.putIfAbsent(start, 0L) == null) {
                queue.add(new Entry(start, 0, 0, 0));
            }
        }
        long settled = 0;
        while (!queue.isEmpty()) {
            Entry e = queue.poll();
            if (e.cost() > best.get(e.node())) {
                continue;
            }
            settled++;
            State state = e.node().state();
            String violated = hit.apply(state);
            List<ActionLabel> labels = new ArrayList<>();
            List<State> targets = new ArrayList<>();
            machine.successors(state, (label, next) -> {
                labels.add(label);
                targets.add(next);
            });
            if (violated == null && targets.isEmpty() && deadlock) {
                violated = "deadlock";
            }
            if (violated != null) {
                Trace trace = path(parent, e.node());
                return Optional.of(new Result(trace, violated, e.steps(), e.switches(), settled));
            }
            if (!withinConstraints(state)) {
                continue;
            }
            for (int i = 0; i < targets.size(); i++) {
                State next = targets.get(i);
                if (!allowed(state, next)) {
                    continue;
                }
                String actor = actorOf.apply(labels.get(i));
                int switches = e.switches() + (e.node().actor() != null && !e.node().actor().equals(actor) ? 1 : 0);
                if (switches > maxSwitches) {
                    continue;
                }
                int steps = e.steps() + 1;
                long cost = goal == Goal.SHORTEST ? steps * SCALE + switches : switches * SCALE + steps;
                Node to = new Node(next, actor, bounded ? switches : 0);
                Long known = best.get(to);
                if (known == null || cost < known) {
                    best.put(to, cost);
                    parent.put(to, new Parent(e.node(), labels.get(i)));
                    queue.add(new Entry(to, cost, steps, switches));
                    if (best.size() > maxPairs) {
                        throw new IllegalStateException("the fewest-switch search outgrew " + maxPairs
                            + " (state, thread) pairs; the model is too large for it");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private String violatedInvariant(State s) {
        for (Machine.Predicate p : machine.invariants()) {
            if (!p.test(s)) {
                return "invariant " + p.name();
            }
        }
        return null;
    }

    private boolean withinConstraints(State s) {
        for (Machine.Predicate c : machine.constraints()) {
            if (!c.test(s)) {
                return false;
            }
        }
        return true;
    }

    private boolean allowed(State from, State to) {
        for (Machine.ActionPredicate c : machine.actionConstraints()) {
            if (!c.test(from, to)) {
                return false;
            }
        }
        return true;
    }

    private Trace path(Map<Node, Parent> parent, Node end) {
        List<Trace.Step> steps = new ArrayList<>();
        for (Node n = end; n != null; ) {
            Parent p = parent.get(n);
            steps.add(new Trace.Step(p == null ? null : p.label(), n.state()));
            n = p == null ? null : p.from();
        }
        Collections.reverse(steps);
        return new Trace(machine.variables(), steps);
    }
}
