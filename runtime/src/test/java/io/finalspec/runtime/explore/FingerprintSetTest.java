package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class FingerprintSetTest {

    /**
     * Four threads insert overlapping random streams (seed 11) into a set sized for 16 states, so
     * every segment grows many times while the others insert: each fingerprint must be reported new
     * exactly once, and its parent must be the one given by the insertion that won.
     */
    @Test
    void concurrentInsertsWhileGrowingCountEachFingerprintOnce() throws Exception {
        FingerprintSet set = new FingerprintSet(16);
        int threads = 4;
        int perThread = 150_000;
        long[] keys = new long[200_000];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        AtomicLong added = new AtomicLong();
        long[][] wonParent = new long[threads][];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            wonParent[t] = new long[keys.length];
            Thread th = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(100 + id);
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int n = 0; n < perThread; n++) {
                    int k = r.nextInt(keys.length);
                    if (set.put(keys[k], id + 1)) {
                        added.incrementAndGet();
                        wonParent[id][k] = id + 1;
                    }
                }
            });
            workers.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : workers) {
            th.join();
        }
        long winners = 0;
        for (int k = 0; k < keys.length; k++) {
            int won = 0;
            long parent = 0;
            for (int t = 0; t < threads; t++) {
                if (wonParent[t][k] != 0) {
                    won++;
                    parent = wonParent[t][k];
                }
            }
            assertTrue(won <= 1, "key " + k + " reported new " + won + " times");
            if (won == 1) {
                winners++;
                assertTrue(set.contains(keys[k]));
                assertEquals(parent, set.parent(keys[k]));
            } else {
                assertTrue(!set.contains(keys[k]), "key " + k + " present but never reported new");
            }
        }
        assertEquals(winners, added.get());
        assertEquals(winners, set.size());
        assertTrue(set.bytes() >= 16 * set.size() * 4 / 3, "tables at most 3/4 full: " + set.bytes());
    }
}
