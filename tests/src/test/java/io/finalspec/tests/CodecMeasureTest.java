package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures what the generated codecs buy, side by side in one run (opt-in:
 * {@code -Dfinalspec.codec.measure=true}, {@code -Dexplore.only=Name,...} to select models): per
 * model with a codec, the bytes a waiting state takes packed (words x 8), and the explorer's
 * distinct states per second with and without the codec (alternating rounds, median; 1 worker).
 * The two runs must find the same number of states. Prints a Markdown table; asserts nothing about
 * time. (The heap a state takes as objects is not measured here: a heap delta after GC proved too
 * noisy on a shared machine; the peak-memory figures belong to {@code finalspec bench}.)
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
        "| model | distinct | words | B/state packed | states/s without | states/s with | ratio |\n"
            + "|---|---:|---:|---:|---:|---:|---:|\n");
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
      table.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.0f | %.2f |%n", c.name(), distinct,
          codec.words(), codec.words() * 8, median(without), median(with), median(with) / median(without)));
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
}
