package io.finalspec.codegen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing of junction-list layout against SANY: random nested {@code /\} and
 * {@code \/} lists (inline or on new lines, inside parentheses, IF/THEN/ELSE, CASE, quantifiers
 * and infix operators), sometimes with one line shifted a column or two. SANY and we must both
 * reject, or both accept with the same tree shape. Seed: {@code -Djunction.seed}, count:
 * {@code -Djunction.examples}.
 */
class JunctionSanyFuzzTest {
  static final long SEED = Long.getLong("junction.seed", 4242L);
  static final int EXAMPLES = Integer.getInteger("junction.examples", 150);

  private static final String[] LEAVES = {"a", "b = 1", "x' = y", "c \\in S", "f[1] > 2", "p => q", "~r",
      "UNCHANGED v", "s \\cup t = {}", "<<1, 2>> = w", "g :> 1 = h", "[k \\in K |-> 0] = m"};

  /** Writes text while tracking the current column (0-based). */
  static final class Out {
    final StringBuilder sb = new StringBuilder();
    int col = 0;

    Out put(String s) {
      sb.append(s);
      int nl = s.lastIndexOf('\n');
      col = nl < 0 ? col + s.length() : s.length() - nl - 1;
      return this;
    }

    Out newline(int indent) {
      return put("\n" + " ".repeat(indent));
    }
  }

  static void expr(Random r, int depth, Out o) {
    int choice = depth > 3 ? 0 : r.nextInt(9);
    switch (choice) {
      case 0, 1 -> o.put(LEAVES[r.nextInt(LEAVES.length)]);
      case 2, 3, 4 -> list(r, depth, o);
      case 5 -> {
        o.put("(");
        list(r, depth, o);
        o.put(")");
        if (r.nextBoolean()) {
          o.put(" \\/ z");
        }
      }
      case 6 -> {
        int base = o.col;
        o.put("IF ");
        expr(r, depth + 1, o);
        if (r.nextBoolean()) {
          o.newline(base + 2);
        } else {
          o.put(" ");
        }
        o.put("THEN ");
        expr(r, depth + 1, o);
        if (r.nextBoolean()) {
          o.newline(base + 2);
        } else {
          o.put(" ");
        }
        o.put("ELSE ");
        expr(r, depth + 1, o);
      }
      case 7 -> {
        o.put("\\E e \\in E : ");
        expr(r, depth + 1, o);
      }
      default -> {
        int base = o.col;
        o.put("CASE u -> ");
        expr(r, depth + 1, o);
        o.newline(base + 2).put("[] OTHER -> ");
        expr(r, depth + 1, o);
      }
    }
  }

  static void list(Random r, int depth, Out o) {
    String bullet = r.nextBoolean() ? "/\\ " : "\\/ ";
    int c = o.col;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        o.newline(c);
      }
      o.put(bullet);
      expr(r, depth + 1, o);
    }
  }

  static String spec(long seed) {
    Random r = new Random(seed);
    Out o = new Out();
    o.put("---- MODULE Probe ----\nA == ");
    expr(r, 0, o);
    o.put("\nB == 1\n====\n");
    String text = o.sb.toString();
    if (r.nextInt(3) == 0) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int k = 2 + r.nextInt(Math.max(1, lines.size() - 4));
      if (k < lines.size() - 3) {
        String l = lines.get(k);
        lines.set(k, r.nextBoolean() ? " " + l : l.startsWith(" ") ? l.substring(1) : l);
        text = String.join("\n", lines);
      }
    }
    return text;
  }

  @Test
  void randomLayoutsAgreeWithSany(@TempDir Path dir) {
    Path f = dir.resolve("Probe.tla");
    qt().withFixedSeed(SEED).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
      String text = spec(seed);
      try {
        Files.writeString(f, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String[] error = new String[1];
      List<String> sany = SanyShape.shape(f, error);
      ParseResult ours = Frontend.parseFile(f);
      if (sany == null) {
        assertFalse(ours.ok(), () -> "SANY rejects, we accept (seed " + seed + "):\n" + text + "\n" + error[0]);
      } else {
        assertTrue(ours.ok(), () -> "SANY accepts, we reject (seed " + seed + "):\n" + text + "\n" + ours.diagnostics());
        assertEquals(sany, AstShape.shape(ours.module()), () -> "seed " + seed + ":\n" + text);
      }
    });
  }
}
