package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.value.Value;

/**
 * A machine that offers a {@link StateCodec} is explored with its frontier packed as words (every
 * level, or only the levels after a large one, the others kept as objects; with a codec that
 * declines a quarter of the states, those kept as objects among the packed ones), and gives the
 * same counts, depth, outcome and trace as without one, for one and several workers.
 */
class StateCodecExploreTest {

    /**
     * Each variable's value as the index of its first appearance: one word per variable; with
     * {@code declineSome}, the states whose fingerprint ends in two zero bits are declined.
     */
    private static final class InterningCodec implements StateCodec {
        private final Machine machine;
        private final boolean declineSome;
        final AtomicLong declined = new AtomicLong();
        private final List<ConcurrentHashMap<Value, Integer>> ids = new ArrayList<>();
        private final List<List<Value>> values = new ArrayList<>();
        final AtomicLong decoded = new AtomicLong();

        InterningCodec(Machine machine, boolean declineSome) {
            this.machine = machine;
            this.declineSome = declineSome;
            for (int i = 0; i < machine.variables().size(); i++) {
                ids.add(new ConcurrentHashMap<>());
                values.add(new ArrayList<>());
            }
        }

        @Override
        public int words() {
            return ids.size();
        }

        @Override
        public boolean encode(State state, long[] into, int at) {
            if (declineSome && (state.fingerprint() & 3) == 0) {
                declined.incrementAndGet();
                java.util.Arrays.fill(into, at, at + words(), 0L);
                return false;
            }
            for (int i = 0; i < ids.size(); i++) {
                List<Value> known = values.get(i);
                into[at + i] = ids.get(i).computeIfAbsent(state.get(i), v -> {
                    synchronized (known) {
                        known.add(v);
                        return known.size() - 1;
                    }
                });
            }
            return true;
        }

        @Override
        public boolean mayDecline() {
            return declineSome;
        }

        @Override
        public State decode(long[] from, int at) {
            decoded.incrementAndGet();
            Value[] v = new Value[ids.size()];
            for (int i = 0; i < v.length; i++) {
                List<Value> known = values.get(i);
                synchronized (known) {
                    v[i] = known.get((int) from[at + i]);
                }
            }
            return machine.state(v);
        }
    }

    private static Machine withCodec(Machine m, InterningCodec[] out) {
        return withCodec(m, out, false);
    }

    private static Machine withCodec(Machine m, InterningCodec[] out, boolean declineSome) {
        InterningCodec codec = new InterningCodec(m, declineSome);
        out[0] = codec;
        return new ForwardingMachine(m) {
            @Override
            public StateCodec codec() {
                return codec;
            }
        };
    }

    private static void assertSameResult(Machine plain, int workers, long packAbove) {
        assertSameResult(plain, workers, packAbove, false);
        assertSameResult(plain, workers, packAbove, true);
    }

    private static void assertSameResult(Machine plain, int workers, long packAbove, boolean declineSome) {
        InterningCodec[] codec = new InterningCodec[1];
        BfsExplorer.Options options = BfsExplorer.Options.defaults().withWorkers(workers);
        ExploreResult a = new BfsExplorer(plain, options).run();
        ExploreResult b = new BfsExplorer(withCodec(plain, codec, declineSome), options.withPackAbove(packAbove)).run();
        assertEquals(a.outcome(), b.outcome());
        assertEquals(a.distinct(), b.distinct());
        assertEquals(a.depth(), b.depth());
        if (a.isOk()) {
            assertEquals(a.generated(), b.generated());
        }
        assertEquals(a.trace() == null, b.trace() == null);
        if (workers == 1 && a.trace() != null) {
            assertEquals(a.trace().size(), b.trace().size());
            for (int i = 0; i < a.trace().size(); i++) {
                assertTrue(States.equal(a.trace().state(i), b.trace().state(i)), "state " + i);
            }
        }
        if (packAbove == 0) {
            assertTrue(codec[0].decoded.get() > 0, "the frontier was packed and decoded");
            assertEquals(declineSome, codec[0].declined.get() > 0, "declined states: " + codec[0].declined.get());
        }
    }

    @Test
    void packedFrontierGivesTheSameAnswers() {
        for (int workers : new int[] {1, 2}) {
            for (long packAbove : new long[] {0, 2}) {
                assertSameResult(Machines.counters(4, 4), workers, packAbove);
                assertSameResult(Machines.mutex(3, false), workers, packAbove);
                assertSameResult(Machines.mutex(3, true), workers, packAbove);
                assertSameResult(Machines.incrementer(), workers, packAbove);
            }
        }
    }

    @Test
    void smallLevelsAreKeptAsObjects() {
        InterningCodec[] codec = new InterningCodec[1];
        ExploreResult r = new BfsExplorer(withCodec(Machines.counters(4, 4), codec),
                BfsExplorer.Options.defaults().withPackAbove(1_000_000)).run();
        assertTrue(r.isOk() && r.distinct() > 1, r.toString());
        assertEquals(0, codec[0].decoded.get(), "no level was large enough to pack");
    }
}
