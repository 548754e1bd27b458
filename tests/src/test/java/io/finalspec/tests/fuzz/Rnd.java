package io.finalspec.tests.fuzz;

import java.util.List;

import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Every choice the generator makes is drawn from QuickTheories' randomness source, so a spec is
 * determined by the run's seed and its position in the run.
 */
final class Rnd {

    private final RandomnessSource source;

    Rnd(RandomnessSource source) {
        this.source = source;
    }

    /** 0 (the simplest choice) to n - 1. */
    int below(int n) {
        return n <= 1 ? 0 : Generate.range(0, n - 1).generate(source);
    }

    int between(int lo, int hi) {
        return lo + below(hi - lo + 1);
    }

    boolean percent(int p) {
        return below(100) < p;
    }

    <T> T pick(List<T> options) {
        return options.get(below(options.size()));
    }
}
