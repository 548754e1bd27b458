package io.finalspec.runtime.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.testing.Machines;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/**
 * Every reachable state of small machines survives {@link StateBytes}: equal, with the same
 * fingerprint, as tagged values (records, strings, model values, sets) and as a machine's codec
 * words when it has a codec.
 */
class StateBytesTest {

    private static List<State> reachable(Machine m, int limit) {
        List<State> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        m.initStates(s -> {
            if (seen.add(s.fingerprint())) {
                out.add(s);
            }
        });
        for (int i = 0; i < out.size() && out.size() < limit; i++) {
            m.successors(out.get(i), (l, t) -> {
                if (seen.add(t.fingerprint())) {
                    out.add(t);
                }
            });
        }
        return out;
    }

    private static void roundTrips(Machine m, boolean packed) {
        StateBytes bytes = new StateBytes(m);
        assertEquals(packed, bytes.packed());
        List<State> states = reachable(m, 500);
        assertTrue(states.size() > 3, "states: " + states.size());
        for (State s : states) {
            byte[] b = bytes.encode(s);
            byte[] shifted = new byte[b.length + 3];
            System.arraycopy(b, 0, shifted, 3, b.length);
            State back = bytes.decode(shifted, 3);
            assertEquals(s, back);
            assertEquals(s.fingerprint(), back.fingerprint(), s::toString);
        }
    }

    @Test
    void taggedValuesRoundTrip() {
        roundTrips(Machines.incrementer(), false);
        roundTrips(Machines.mutex(3, false), false);
        roundTrips(Machines.counters(3, 4), false);
    }

    /** A codec for {@code counters}: one word per counter, its value. */
    @Test
    void codecWordsRoundTrip() {
        Machine counters = Machines.counters(3, 4);
        Machine withCodec = withCodec(counters, new StateCodec() {
                    @Override
                    public int words() {
                        return 3;
                    }

                    @Override
                    public boolean encode(State s, long[] into, int at) {
                        for (int i = 0; i < 3; i++) {
                            into[at + i] = ((IntValue) s.get(i)).value() - 7L * Integer.MAX_VALUE;
                        }
                        return true;
                    }

                    @Override
                    public State decode(long[] from, int at) {
                        Value[] v = new Value[3];
                        for (int i = 0; i < 3; i++) {
                            v[i] = Tla.integer((int) (from[at + i] + 7L * Integer.MAX_VALUE));
                        }
                        return counters.state(v);
                    }
                });
        roundTrips(withCodec, true);
        assertEquals(3 * Long.BYTES, new StateBytes(withCodec).encode(reachable(withCodec, 1).get(0)).length);
        assertFalse(new StateBytes(counters).packed());
    }

    /** A codec that may decline a state (an open sequence beyond its slots) is not used on the wire. */
    @Test
    void aCodecThatMayDeclineIsNotUsed() {
        Machine withCodec = withCodec(Machines.counters(3, 4), new StateCodec() {
                    @Override
                    public int words() {
                        return 1;
                    }

                    @Override
                    public boolean encode(State s, long[] into, int at) {
                        into[at] = 0;
                        return false;
                    }

                    @Override
                    public boolean mayDecline() {
                        return true;
                    }

                    @Override
                    public State decode(long[] from, int at) {
                        throw new AssertionError("never decoded");
                    }
                });
        roundTrips(withCodec, false);
    }

    private static Machine withCodec(Machine m, StateCodec codec) {
        return new ForwardingMachine(m) {
            @Override
            public StateCodec codec() {
                return codec;
            }
        };
    }
}
