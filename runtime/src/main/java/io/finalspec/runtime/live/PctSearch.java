package io.finalspec.runtime.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;

/**
 * Finds the counterexample that {@link PctScheduler} reaches most easily, which is often not the
 * shortest one: the explorer's shortest trace may switch threads at every step, while a longer one
 * lets each thread run on. The search runs over pairs (state, priority order of the actors): from a
 * pair, the highest-priority actor that can move takes any of its moves (no change point), or a
 * change point demotes it below every other actor and the next one moves (one change point). It
 * minimises the change points first, then the product of the movers' choices, then the length,
 * and stops at the first state that violates an invariant. {@link PctBound} then computes the
 * guarantee for the trace it returns.
 */
public final class PctSearch {

    private record Node(State state, List<String> order) {
    }

    private record Entry(Node node, double cost) {
    }

    private record Parent(Node from, Actors.Move move) {
    }

    private PctSearch() {
    }

    /**
     * The trace, or empty when no invariant can be violated from {@code init} within
     * {@code maxNodes} (state, order) pairs, or the actors are too many to order them all.
     */
    public static Optional<Trace> easiestCounterexample(Machine machine, Actors actors, State init, int maxNodes) {
        if (actors.names().size() > PctBound.MAX_ACTORS) {
            return Optional.empty();
        }
        Map<Node, Double> best = new HashMap<>();
        Map<Node, Parent> parent = new HashMap<>();
        PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> Double.compare(a.cost(), b.cost()));
        for (List<String> order : orders(actors.names())) {
            Node start = new Node(init, order);
            best.put(start, 0.0);
            queue.add(new Entry(start, 0));
        }
        while (!queue.isEmpty() && best.size() <= maxNodes) {
            Entry e = queue.poll();
            if (e.cost() > best.get(e.node())) {
                continue;
            }
            if (violates(machine, e.node().state())) {
                return Optional.of(path(machine, parent, e.node()));
            }
            Map<String, List<Actors.Move>> enabled = actors.enabled(machine, e.node().state());
            if (enabled.isEmpty()) {
                continue;
            }
            List<String> order = e.node().order();
            String top = highest(order, enabled);
            List<String> demoted = new ArrayList<>(order);
            demoted.remove(top);
            demoted.add(top);
            String next = highest(demoted, enabled);
            for (int change = 0; change <= (next.equals(top) ? 0 : 1); change++) {
                String mover = change == 0 ? top : next;
                List<String> after = change == 0 ? order : List.copyOf(demoted);
                List<Actors.Move> moves = enabled.get(mover);
                // Change points weigh most, then the threads' choices (as log), then one per step.
                double cost = e.cost() + change * 1e6 + Math.log(moves.size()) * 1e3 + 1;
                for (Actors.Move m : moves) {
                    Node to = new Node(m.target(), after);
                    if (cost < best.getOrDefault(to, Double.MAX_VALUE)) {
                        best.put(to, cost);
                        parent.put(to, new Parent(e.node(), m));
                        queue.add(new Entry(to, cost));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String highest(List<String> order, Map<String, List<Actors.Move>> enabled) {
        for (String a : order) {
            if (enabled.containsKey(a)) {
                return a;
            }
        }
        throw new IllegalStateException("no actor of " + enabled.keySet() + " in " + order);
    }

    private static boolean violates(Machine machine, State s) {
        for (Machine.Predicate inv : machine.invariants()) {
            try {
                if (!inv.test(s)) {
                    return true;
                }
            } catch (RuntimeException e) {
                return true; // as the live runtime counts it: an invariant that fails to evaluate is broken
            }
        }
        return false;
    }

    private static Trace path(Machine machine, Map<Node, Parent> parent, Node end) {
        List<Trace.Step> steps = new ArrayList<>();
        Node n = end;
        for (Parent p = parent.get(n); p != null; p = parent.get(n)) {
            steps.add(new Trace.Step(p.move().label(), p.move().target()));
            n = p.from();
        }
        steps.add(new Trace.Step(null, n.state()));
        Collections.reverse(steps);
        return new Trace(machine.variables(), steps);
    }

    static List<List<String>> orders(List<String> names) {
        List<List<String>> out = new ArrayList<>();
        permute(new ArrayList<>(names), 0, out);
        return out;
    }

    static void permute(List<String> items, int from, List<List<String>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }
}
