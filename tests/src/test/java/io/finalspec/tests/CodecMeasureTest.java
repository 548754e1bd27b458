package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures what the generated codecs buy, side by side in one run (opt-in:
 * {@code -Dfinalspec.codec.measure=true}, {@code -Dexplore.only=Name,...} to select models): per
 * model with a codec, the bytes a waiting state takes as objects (heap retained by the states of a
 * breadth-first run, after GC) and packed (words x 8), and the explorer's distinct states per second
 * with and without the codec (alternating rounds, median; 1 worker). The two runs must find the
 * same number of states. Prints a Markdown table; asserts nothing about time.
 */
class CodecMeasureTest {
  private static final int ROUNDS = Integer.getInteger("finalspec.codec.rounds", 3);

  @Test
  void codecFigures() throws Exception {
    assumeTrue(Boolean.getBoolean("finalspec.codec.measure"), "opt-in: -Dfinalspec.codec.measure=true");
    String only = System.getProperty("explore.only", "");
    List<ExploreCase> cases = new ArrayList<>(ExploreCases.conformable());
    cases.addAll(ExploreCases.models());
    StringBuilder table = new StringBuilder(
        "| model | distinct | words | B/state objects | B/state packed | states/s without | states/s with | ratio |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ExploreCase c : cases) {
      if (!only.isEmpty() && Arrays.stream(only.split(",")).noneMatch(c.name()::contains)) {
        continue;
      }
      Machine m;
      try {
        m = Compiler.load(c.spec(), c.config());
      } catch (CompileFailedException e) {
        continue;
      }
      StateCodec codec = m.codec();
      if (codec == null) {
        continue;
      }
      Machine plain = new ForwardingMachine(m) {
        @Override
        public StateCodec codec() {
          return null;
        }
      };
      double[] with = new double[ROUNDS];
      double[] without = new double[ROUNDS];
      long distinct = -1;
      for (int r = 0; r < ROUNDS; r++) {
        ExploreResult a = run(plain);
        without[r] = rate(a);
        ExploreResult b = run(m);
        with[r] = rate(b);
        assertEquals(a.distinct(), b.distinct(), c.name() + ": the codec changed the count");
        distinct = b.distinct();
      }
      double objects = bytesPerState(m);
      table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %d | %.0f | %.0f | %.2f |%n", c.name(), distinct,
          codec.words(), objects, codec.words() * 8, median(without), median(with), median(with) / median(without)));
    }
    System.out.println(table);
    java.nio.file.Files.writeString(java.nio.file.Path.of("target/codec-measure.md"), table.toString());
  }

  private static ExploreResult run(Machine m) {
    return new BfsExplorer(ForwardingMachine.withoutChecks(m), BfsExplorer.Options.defaults().withWorkers(1)).run();
  }

  private static double rate(ExploreResult r) {
    return r.distinct() / Math.max(1e-9, r.seconds());
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  /**
   * Heap retained per state by up to 200,000 states of a breadth-first run, kept as the machine
   * built them (values shared between states as the actions share them, as in a frontier).
   */
  private static double bytesPerState(Machine m) {
    long base = used();
    List<State> states = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<State> queue = new java.util.ArrayDeque<>();
    m.initStates(s -> {
      if (seen.add(s.fingerprint())) {
        queue.add(s);
      }
    });
    while (!queue.isEmpty() && states.size() < 200_000) {
      State s = queue.poll();
      states.add(s);
      m.successors(s, (l, t) -> {
        if (seen.add(t.fingerprint())) {
          queue.add(t);
        }
      });
    }
    queue.clear();
    seen.clear();
    long after = used();
    return states.isEmpty() ? 0 : (after - base) / (double) states.size();
  }

  private static long used() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
