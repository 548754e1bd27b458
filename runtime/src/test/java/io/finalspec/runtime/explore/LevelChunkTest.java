package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.value.IntValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk reused for a later level holds only that level's states, packed or kept as objects. */
class LevelChunkTest {
  private static final List<String> VARS = List.of("x");

  /** One word, the value of x; odd values are declined (kept as objects), as a long queue would be. */
  private static final StateCodec EVEN_ONLY = new StateCodec() {
    @Override
    public int words() {
      return 1;
    }

    @Override
    public boolean mayDecline() {
      return true;
    }

    @Override
    public boolean encode(State state, long[] into, int at) {
      int v = ((IntValue) state.get(0)).value();
      into[at] = v;
      return v % 2 == 0;
    }

    @Override
    public State decode(long[] from, int at) {
      return x((int) from[at]);
    }
  };

  private static State x(int v) {
    return new ArrayState(VARS, IntValue.of(v));
  }

  private static int xOf(State s) {
    return ((IntValue) s.get(0)).value();
  }

  @Test
  void aReusedChunkForgetsItsStatesAndDeclinedOnes() {
    for (StateCodec codec : new StateCodec[] {EVEN_ONLY, null}) {
      LevelChunk c = new LevelChunk(codec, 4);
      for (int v = 1; v <= 9; v++) { // grows past its capacity; odd ones declined
        c.add(x(v), 100 + v);
      }
      assertSame(c, c.reusedFor(codec));
      assertEquals(0, c.size());
      for (int v = 20; v < 23; v++) {
        c.add(x(v), v);
      }
      assertEquals(3, c.size());
      for (int i = 0; i < 3; i++) {
        assertEquals(20 + i, xOf(c.state(i)), "state " + i + " with codec " + codec);
        assertEquals(20 + i, c.fingerprint(i));
      }
    }
  }

  @Test
  void aChunkIsNotReusedForAnotherCodec() {
    assertNull(new LevelChunk(null, 4).reusedFor(EVEN_ONLY));
    assertNull(new LevelChunk(EVEN_ONLY, 4).reusedFor(null));
  }
}
