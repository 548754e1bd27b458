package io.finalspec.runtime.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Trace;

/**
 * What {@link PctScheduler} guarantees for one bug: the probability that a single run reproduces
 * a given counterexample (the explorer's shortest), hence at least that of breaking its invariant.
 *
 * <p>For each initial priority order of the {@code n} actors, the counterexample fixes which actor
 * must move at each step, so it fixes where priorities must drop: wherever the highest-priority
 * actor that can move is not the one that moves, a change point there must demote it (and the next
 * one must then be right). The fewest change points over all orders, {@code c}, gives the bug depth
 * {@code d = c + 1}; {@code g} orders need exactly {@code c}. A run draws its order uniformly among
 * {@code n!} and its {@code c} change points uniformly among the sets of {@code c} of the first
 * {@code k} steps, and each actor's thread picks uniformly among its {@code m_i} enabled moves, so
 *
 * <pre>  p &gt;= g/n! * 1/C(k, d-1) * prod 1/m_i</pre>
 *
 * (Burckhardt et al.'s bound {@code 1/(n k^(d-1))} is for their notion of depth; this one is for
 * this scheduler and this counterexample, computed rather than assumed.)
 *
 * @param actors    {@code n}
 * @param window    {@code k}, the steps change points are drawn among
 * @param depth     {@code d}
 * @param orderings {@code g}, the priority orders reproducing the trace with {@code d-1} change points
 * @param choices   {@code prod m_i}, the product of the moving actors' move counts
 */
public record PctBound(int actors, int window, int depth, long orderings, double choices) {

    /** Above this many actors the orders are not enumerated (8! = 40,320 replays of the trace). */
    static final int MAX_ACTORS = 8;

    /**
     * The bound for reproducing {@code trace} with change points among its first {@code window}
     * steps; empty when no priority order reproduces it with at most {@code window} change points,
     * or when there are too many actors to enumerate the orders.
     */
    public static Optional<PctBound> of(Machine machine, Actors actors, Trace trace, int window) {
        int n = actors.names().size();
        if (n > MAX_ACTORS || trace.size() == 0) {
            return Optional.empty();
        }
        List<List<String>> movers = new ArrayList<>();
        double choices = 1;
        TraceScheduler replay = new TraceScheduler(trace);
        for (int i = 0; i + 1 < trace.size(); i++) {
            State s = trace.state(i);
            Map<String, List<Actors.Move>> enabled = actors.enabled(machine, s);
            if (!(replay.next(i, s, enabled) instanceof Scheduler.Grant g)) {
                return Optional.empty();
            }
            movers.add(new ArrayList<>(enabled.keySet()));
            movers.get(i).add(0, g.actor());
            choices *= enabled.get(g.actor()).size();
        }
        int best = Integer.MAX_VALUE;
        long count = 0;
        for (List<String> order : PctSearch.orders(actors.names())) {
            int c = changePointsNeeded(order, movers);
            if (c >= 0 && c <= window && c < best) {
                best = c;
                count = 0;
            }
            if (c == best) {
                count++;
            }
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(new PctBound(n, window, best + 1, count, choices));
    }

    /**
     * Replays the priority scheduler along the trace from {@code order} (highest first): the
     * number of change points it needs, or -1 when one change point at a step is not enough.
     * {@code movers.get(i)} holds the actor moving at step i, then every actor that can move there.
     */
    private static int changePointsNeeded(List<String> order, List<List<String>> movers) {
        Map<String, Integer> priority = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            priority.put(order.get(i), order.size() - i);
        }
        int changes = 0;
        for (List<String> step : movers) {
            String mover = step.get(0);
            List<String> enabled = step.subList(1, step.size());
            String top = highest(enabled, priority);
            if (!top.equals(mover)) {
                changes++;
                priority.put(top, -changes);
                if (!highest(enabled, priority).equals(mover)) {
                    return -1;
                }
            }
        }
        return changes;
    }

    private static String highest(List<String> enabled, Map<String, Integer> priority) {
        String best = enabled.get(0);
        for (String a : enabled) {
            if (priority.get(a) > priority.get(best)) {
                best = a;
            }
        }
        return best;
    }

    /** The guaranteed probability that one run reproduces the counterexample. */
    public double probability() {
        return orderings / factorial(actors) / binomial(window, depth - 1) / choices;
    }

    /** Runs needed to reproduce it at least once with probability {@code confidence} (e.g. 0.95). */
    public long runsFor(double confidence) {
        double p = probability();
        if (p >= 1) {
            return 1;
        }
        double runs = Math.ceil(Math.log1p(-confidence) / Math.log1p(-p));
        return runs >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) runs;
    }

    static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    static double binomial(int n, int k) {
        double b = 1;
        for (int i = 0; i < k; i++) {
            b = b * (n - i) / (i + 1);
        }
        return b;
    }

    /** One line: the numbers and the formula. */
    public String describe() {
        return String.format("n = %d actors, k = %d steps, depth d = %d: p >= %d/%d! * 1/C(%d,%d) * 1/%.0f = %.3g per run",
            actors, window, depth, orderings, actors, window, depth - 1, choices, probability());
    }
}
