package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Measures the oracle over the protocol on Lock with three processes (LockBig.cfg; TLC: 88,543
 * distinct states): exploration, successor queries one state per request, and in batches.
 * Prints the rates; asserts only that batches agree with single requests.
 * {@code -Doracle.bench.states=N} and {@code -Doracle.bench.seconds=S} change the effort.
 */
class OracleThroughputTest {

    private static final int BATCH = 100;

    @Test
    void successorQueriesPerSecond() throws IOException {
        long limit = Long.getLong("oracle.bench.states", 10_000);
        double seconds = Double.parseDouble(System.getProperty("oracle.bench.seconds", "0.5"));
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/Lock.tla"), resource("oracle/LockBig.cfg"))) {
            List<JsonObject> states = new ArrayList<>();
            long t0 = System.nanoTime();
            TlcOracle.ExploreStats stats = oracle.explore(limit, states::add);
            double explore = states.size() / ((System.nanoTime() - t0) / 1e9);
            assertEquals(stats.distinct(), states.size());

            List<JsonObject> sample = states.subList(0, BATCH);
            List<List<TlcOracle.Successor>> batch = oracle.successors(sample);
            for (int i = 0; i < sample.size(); i++) {
                assertEquals(oracle.successors(sample.get(i)), batch.get(i));
            }
            int[] next = {0};
            double single = rate(seconds, () -> {
                oracle.successors(states.get(next[0]++ % states.size()));
                return 1;
            });
            double batched = rate(seconds, () -> {
                int from = (next[0] += BATCH) % (states.size() - BATCH);
                return oracle.successors(states.subList(from, from + BATCH)).size();
            });
            System.out.printf("oracle throughput, Lock/LockBig.cfg: explore %.0f states/s (%d states); successors "
                    + "%.0f states/s one per request, %.0f states/s in batches of %d%n",
                explore, states.size(), single, batched, BATCH);
        }
    }

    private interface Round {
        int run();
    }

    /** States answered per second, after a warm-up of the same length. */
    private static double rate(double seconds, Round round) {
        long warmEnd = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warmEnd) {
            round.run();
        }
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long states = 0;
        while (System.nanoTime() < end) {
            states += round.run();
        }
        return states / ((System.nanoTime() - start) / 1e9);
    }
}
