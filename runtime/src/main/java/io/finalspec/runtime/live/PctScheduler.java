package io.finalspec.runtime.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.finalspec.runtime.machine.State;

/**
 * Probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS 2010):
 * the actors get distinct random priorities {@code d .. d+n-1}; {@code d-1} change points are drawn
 * among the first {@code k} steps; at every step the highest-priority actor that can move moves, and
 * at the {@code j}-th change point (in step order) that actor's priority drops to {@code d-j},
 * below every other. A bug that needs {@code d-1} such preemptions is hit with a probability that
 * {@link PctBound} computes for a given counterexample.
 */
public final class PctScheduler implements Scheduler {

    private final SplittableRandom random;
    private final int depth;
    private final int window;
    private final Map<String, Integer> priority = new HashMap<>();
    private int[] changePoints = new int[0];
    private int changesDone;

    /**
     * @param seed   seeds the priorities and the change points
     * @param depth  the bug depth {@code d} (at least 1): {@code d-1} change points
     * @param window {@code k}: change points are drawn among steps {@code 0 .. k-1}
     */
    public PctScheduler(long seed, int depth, int window) {
        if (depth < 1 || window < 1) {
            throw new IllegalArgumentException("PCT needs depth >= 1 and window >= 1, got " + depth + " and " + window);
        }
        this.random = new SplittableRandom(seed);
        this.depth = depth;
        this.window = window;
    }

    @Override
    public void start(List<String> actors) {
        List<String> order = new ArrayList<>(actors);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            order.set(j, order.set(i, order.get(j)));
        }
        for (int i = 0; i < order.size(); i++) {
            priority.put(order.get(i), depth + i);
        }
        changePoints = drawChangePoints(Math.min(depth - 1, window), window);
    }

    /** {@code count} distinct steps of {@code 0..window-1}, uniformly among all such sets, sorted. */
    private int[] drawChangePoints(int count, int window) {
        int[] all = new int[window];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(window - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }

    @Override
    public Decision next(int step, State state, Map<String, List<Actors.Move>> enabled) {
        if (priority.isEmpty()) {
            start(List.copyOf(enabled.keySet()));
        }
        String top = highest(enabled);
        if (changesDone < changePoints.length && changePoints[changesDone] == step) {
            changesDone++;
            priority.put(top, depth - changesDone);
            top = highest(enabled);
        }
        return new Grant(top, null);
    }

    private String highest(Map<String, List<Actors.Move>> enabled) {
        String best = null;
        for (String a : enabled.keySet()) {
            if (best == null || priority.getOrDefault(a, 0) > priority.getOrDefault(best, 0)) {
                best = a;
            }
        }
        return best;
    }
}
