package io.finalspec.runtime.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.finalspec.runtime.machine.State;

/**
 * At every step, one of the actors that can move, uniformly at random (seeded): a controlled
 * version of what a fair OS scheduler might do, with no guarantee for deep bugs (a bug needing a
 * long run of one thread's steps is found with probability falling geometrically in its length).
 */
public final class RandomScheduler implements Scheduler {

    private final SplittableRandom random;

    public RandomScheduler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Decision next(int step, State state, Map<String, List<Actors.Move>> enabled) {
        List<String> actors = new ArrayList<>(enabled.keySet());
        return new Grant(actors.get(random.nextInt(actors.size())), null);
    }
}
