package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.codec.Field;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.SetValue;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.TupleValue;
import io.finalspec.runtime.value.Value;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated state encodings (the type pass's codecs) against the machines' own states: for
 * every corpus model and default finalization model that has a codec, every state reachable by
 * Next (without the model's constraints, so beyond what the explorer keeps; at most
 * {@code finalspec.codec.states} per model, 3000 by default) is encoded at a random offset of a
 * word array whose other words hold random bits, and decoded: the decoded state must equal the
 * original variable by variable, print the same, have the same fingerprint, and the encoding must
 * leave the neighbouring words alone. Seeded ({@code finalspec.codec.seed}, default recorded below).
 * The default run checks the models of {@link #MUST_PACK} and {@link #SAMPLE} more picked by the
 * seed (compiling a machine dominates the cost); {@code -Dfinalspec.codec.full=true} checks all.
 *
 * <p>Also a floor on coverage: the type pass must find a codec for the simple corpus models named
 * in {@link #MUST_PACK} (a regression that loses their codec fails here).
 */
class CodecRoundTripTest {
  private static final long SEED = Long.getLong("finalspec.codec.seed", 0x5eed_c0decL);
  private static final int STATES = Integer.getInteger("finalspec.codec.states", 3000);
  private static final int SAMPLE = 8;
  /**
   * Models whose variables are booleans, integers, names, records, functions and sets of those,
   * and tuples (TreiberStack's nodes are pairs of a process and a number, or the model value Null),
   * sets of messages of several kinds (Paxos: records with different fields), and queues that
   * Append grows (RingLeader's channels: packed up to their slots).
   */
  private static final Set<String> MUST_PACK = Set.of("corpus/DieHard", "corpus/Peterson", "corpus/Bakery",
      "corpus/DiningPhilosophers", "corpus/TreiberStack", "corpus/Paxos", "corpus/RingLeader", "models/bpo1856-fixed", "models/gh104341-fixed");
  private static final Set<String> packed = new TreeSet<>();
  private static final Set<String> unpacked = new TreeSet<>();

  @TestFactory
  Stream<DynamicTest> decodeInvertsEncodeOnReachableStates() {
    List<ExploreCase> cases = new ArrayList<>(ExploreCases.conformable());
    cases.addAll(ExploreCases.models());
    if (!Boolean.getBoolean("finalspec.codec.full")) {
      List<ExploreCase> core = new ArrayList<>(cases.stream().filter(c -> MUST_PACK.contains(c.name())).toList());
      List<ExploreCase> rest = new ArrayList<>(cases.stream().filter(c -> !MUST_PACK.contains(c.name())).toList());
      java.util.Collections.shuffle(rest, new Random(SEED));
      core.addAll(rest.subList(0, Math.min(SAMPLE, rest.size())));
      cases = core;
    }
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> roundTrip(c)));
  }

  @AfterAll
  static void report() {
    System.out.println("codec: " + packed.size() + " models packed " + packed + "; without codec " + unpacked);
    for (String name : MUST_PACK) {
      assertTrue(packed.contains(name), name + " should have a generated codec; packed: " + packed);
    }
  }

  private static void roundTrip(ExploreCase c) throws Exception {
    Machine m;
    try {
      m = Compiler.load(c.spec(), c.config());
    } catch (CompileFailedException e) {
      return; // a known gap of the compiler: CorpusExploreTest holds it to its message
    }
    StateCodec codec = m.codec();
    if (codec == null) {
      unpacked.add(c.name());
      return;
    }
    packed.add(c.name());
    Random random = new Random(SEED ^ c.name().hashCode());
    long[] words = new long[codec.words() * 3 + 8];
    int checked = 0;
    int declined = 0;
    for (State s : reachable(m)) {
      for (int i = 0; i < words.length; i++) {
        words[i] = random.nextLong();
      }
      long[] before = words.clone();
      int at = random.nextInt(words.length - codec.words() + 1);
      boolean fits = codec.encode(s, words, at);
      for (int i = 0; i < words.length; i++) {
        if (i < at || i >= at + codec.words()) {
          assertEquals(before[i], words[i], c.name() + ": encoding wrote outside its words");
        }
      }
      if (!fits) {
        // declined: only a codec with open sequences may, only for a sequence beyond its slots
        assertTrue(codec.mayDecline(), c.name() + ": a codec without open sequences declined " + s);
        assertTrue(longestSequence(s) > Field.OPEN_SLOTS, c.name() + ": declined a state without a long sequence: " + s);
        for (int i = at; i < at + codec.words(); i++) {
          assertEquals(0L, words[i], c.name() + ": a declined state's words are zero");
        }
        declined++;
        continue;
      }
      State back = codec.decode(words, at);
      assertEquals(s, back, c.name() + ": decode(encode(s)) != s for " + s);
      assertEquals(s.fingerprint(), back.fingerprint(), c.name() + ": fingerprint changed for " + s);
      assertEquals(s.toString(), back.toString(), c.name() + ": prints differently");
      for (int v = 0; v < s.size(); v++) {
        assertEquals(s.get(v), back.get(v), c.name() + ": variable " + m.variables().get(v));
      }
      checked++;
    }
    assertTrue(checked > 0 || declined > 0 || !m.variables().isEmpty(), c.name());
  }

  /** The length of the longest sequence (tuple) anywhere in the state's values. */
  private static int longestSequence(State s) {
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      n = Math.max(n, longestSequence(s.get(i)));
    }
    return n;
  }

  private static int longestSequence(Value v) {
    int n = v instanceof TupleValue t ? t.size() : 0;
    if (v instanceof FcnValue f) {
      for (int i = 0; i < f.size(); i++) {
        n = Math.max(n, longestSequence(f.valueAt(i)));
      }
    } else if (v instanceof SetValue set && set.isFinite()) {
      for (Value e : set) {
        n = Math.max(n, longestSequence(e));
      }
    }
    return n;
  }

  /** Breadth-first from Init under Next (no constraints), at most {@link #STATES} states; an evaluation error ends it. */
  private static List<State> reachable(Machine m) {
    List<State> out = new ArrayList<>();
    Set<State> seen = new HashSet<>();
    ArrayDeque<State> queue = new ArrayDeque<>();
    try {
      m.initStates(s -> {
        if (out.size() < STATES && seen.add(s)) {
          out.add(s);
          queue.add(s);
        }
      });
      while (!queue.isEmpty() && out.size() < STATES) {
        m.successors(queue.poll(), (label, s) -> {
          if (out.size() < STATES && seen.add(s)) {
            out.add(s);
            queue.add(s);
          }
        });
      }
    } catch (TlaEvalException e) {
      // the model's own error (an expected outcome of some models): the states so far are checked
    }
    return out;
  }
}
