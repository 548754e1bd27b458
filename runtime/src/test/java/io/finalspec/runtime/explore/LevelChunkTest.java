package io.finalspec.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.value.IntValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk reused for a later level holds only that level's states, packed or kept as objects. */
class LevelChunkTest {
  private static final List<String> VARS = List.of("x");

  /** One word, the value of x; odd values are declined (kept as objects), as a long queue would be. */
  private static class EvenOnly implements StateCodec {
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
  }

  private static final StateCodec EVEN_ONLY = new EvenOnly();

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

  /** One word, the value of x; records the fingerprints its decoding was given. */
  private static final class Recording extends EvenOnly {
    final List<Long> given = new ArrayList<>();

    @Override
    public boolean encode(State state, long[] into, int at) {
      into[at] = xOf(state);
      return true;
    }

    @Override
    public State decode(long[] from, int at, long fingerprint) {
      given.add(fingerprint);
      return decode(from, at);
    }
  }

  @Test
  void decodedStatesAreGivenTheirStoredFingerprintsOnlyWhenTheyAreTheirOwn() {
    Recording codec = new Recording();
    LevelChunk c = new LevelChunk(codec, 4);
    for (int v = 0; v < 3; v++) {
      c.add(x(v), x(v).fingerprint());
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(i, xOf(c.state(i)));
    }
    assertEquals(List.of(x(0).fingerprint(), x(1).fingerprint(), x(2).fingerprint()), codec.given);

    // A VIEW's fingerprint (or a symmetry representative's) is not the state's: never given.
    codec.given.clear();
    c.reusedFor(codec);
    c.add(x(5), x(5).fingerprint());
    c.add(x(6), 42);
    assertEquals(5, xOf(c.state(0)));
    assertEquals(6, xOf(c.state(1)));
    assertTrue(codec.given.isEmpty(), "given " + codec.given);

    // Reused again, the chunk trusts its new states' fingerprints again.
    c.reusedFor(codec);
    c.add(x(7), x(7).fingerprint());
    assertEquals(7, xOf(c.state(0)));
    assertEquals(List.of(x(7).fingerprint()), codec.given);
  }

  /** As EVEN_ONLY; records the parent words each encoding was given (null: encoded alone). */
  private static final class ParentWords extends EvenOnly {
    final List<Long> given = new ArrayList<>();

    @Override
    public boolean encode(State state, long[] into, int at) {
      given.add(null);
      return super.encode(state, into, at);
    }

    @Override
    public boolean encode(State state, long[] into, int at, State parent, long[] parentWords, int parentAt) {
      given.add(parentWords[parentAt]);
      return super.encode(state, into, at);
    }
  }

  @Test
  void aSuccessorIsEncodedFromItsParentsWordsOnlyWhereTheParentWaitsPackedByTheSameCodec() {
    ParentWords codec = new ParentWords();
    LevelChunk level = new LevelChunk(codec, 4);
    level.add(x(4), 4);
    level.add(x(5), 5); // declined: kept as an object, no words
    codec.given.clear();
    LevelChunk next = new LevelChunk(codec, 4);
    next.add(x(6), 6, level.state(0), level, 0);
    next.add(x(8), 8, level.state(1), level, 1);
    next.add(x(10), 10);
    new LevelChunk(EVEN_ONLY, 4).add(x(12), 12, level.state(0), level, 0);
    assertEquals(java.util.Arrays.asList(4L, null, null), codec.given);
    assertEquals(6, xOf(next.state(0)));
    assertEquals(8, xOf(next.state(1)));
  }

  @Test
  void aChunkIsNotReusedForAnotherCodec() {
    assertNull(new LevelChunk(null, 4).reusedFor(EVEN_ONLY));
    assertNull(new LevelChunk(EVEN_ONLY, 4).reusedFor(null));
  }
}
