package io.finalspec.codegen.parse;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.support.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded property-based fuzzing of the front end: valid specs are mutated (tokens deleted,
 * duplicated, swapped, replaced by other tokens; lines shifted left or right) and the front end
 * must return a tree or positioned diagnostics, never throw or report an internal error, and
 * finish quickly; trees are also resolved and fragment-checked, which must not throw. The seed is fixed ({@code -Dfuzz.seed=...} to move it, {@code -Dfuzz.examples=...}
 * for more cases); a failure prints the seed of the falsifying example.
 */
class FuzzTest {
  static final long SEED = Long.getLong("fuzz.seed", 20261122L);
  static final int EXAMPLES = Integer.getInteger("fuzz.examples", 400);
  static final long MAX_MILLIS = 3000;

  private static final Pattern TOKEN = Pattern.compile("\\s+|\\\\?[A-Za-z0-9_]+|\"[^\"\\n]*\"|.");
  private static List<String> specs;

  @BeforeAll
  static void loadSpecs() {
    specs = new ArrayList<>();
    for (String folder : List.of("parse", "syntax")) {
      for (Path p : TestFiles.tlaFiles(TestFiles.resources().resolve(folder))) {
        if (!p.toString().contains("errors") && !p.toString().contains("invalid")) {
          specs.add(TestFiles.read(p));
        }
      }
    }
    Path corpus = TestFiles.projectRoot().resolve("tests/src/test/resources/corpus");
    if (corpus.toFile().isDirectory()) {
      for (Path p : TestFiles.tlaFiles(corpus)) {
        specs.add(TestFiles.read(p));
      }
    }
  }

  @Test
  void mutatedSpecsGiveTreesOrPositionedDiagnostics() {
    qt().withFixedSeed(SEED).withExamples(EXAMPLES)
        .forAll(longs().all())
        .checkAssert(seed -> {
          String text = mutate(specs, seed);
          long t0 = System.nanoTime();
          ParseResult r = Frontend.parseString("Fuzz.tla", text);
          long ms = (System.nanoTime() - t0) / 1_000_000;
          assertTrue(ms < MAX_MILLIS, "slow parse (" + ms + " ms) for mutation seed " + seed);
          if (r.ok()) {
            // the resolver must not throw on any tree either
            io.finalspec.codegen.resolve.Resolver.resolve(r.module(), io.finalspec.codegen.resolve.ModuleLoader.none());
          } else {
            long lines = text.lines().count() + 1;
            for (Diagnostic d : r.diagnostics()) {
              assertTrue(!d.code().equals("internal"), "internal error for mutation seed " + seed + ": " + d
                  + "\n--- input ---\n" + text);
              assertTrue(d.span().line() >= 1 && d.span().line() <= lines + 1, "position outside input: " + d);
            }
          }
        });
  }

  /** Applies 1..4 random mutations to one of the specs, all decided by {@code seed}. */
  static String mutate(List<String> specs, long seed) {
    Random rnd = new Random(seed);
    String spec = specs.get(rnd.nextInt(specs.size()));
    List<String> toks = new ArrayList<>();
    Matcher m = TOKEN.matcher(spec);
    while (m.find()) {
      toks.add(m.group());
    }
    int n = 1 + rnd.nextInt(4);
    for (int i = 0; i < n && !toks.isEmpty(); i++) {
      int k = rnd.nextInt(toks.size());
      switch (rnd.nextInt(6)) {
        case 0 -> toks.remove(k);
        case 1 -> toks.add(k, toks.get(k));
        case 2 -> {
          int j = rnd.nextInt(toks.size());
          String t = toks.get(k);
          toks.set(k, toks.get(j));
          toks.set(j, t);
        }
        case 3 -> toks.set(k, toks.get(rnd.nextInt(toks.size())));
        case 4 -> toks.add(k, "\n" + " ".repeat(rnd.nextInt(12)));   // new line at some indentation
        default -> {
          // shift indentation of a whitespace token containing a newline
          String t = toks.get(k);
          if (t.contains("\n")) {
            toks.set(k, rnd.nextBoolean() ? t + " " : t.substring(0, t.length() - (t.endsWith(" ") ? 1 : 0)));
          } else {
            toks.add(k, " /\\ ");
          }
        }
      }
    }
    return String.join("", toks);
  }

  @Test
  void deepNestingIsFastAndDoesNotThrow() {
    String[] bodies = {
        "(".repeat(3000) + "1" + ")".repeat(3000),
        "1" + " + 1".repeat(20000),
        "{".repeat(500) + "}".repeat(500),
        "/\\ ".repeat(500) + "TRUE",
        "IF a THEN ".repeat(400) + "1" + " ELSE 2".repeat(400),
        "[".repeat(200) + "x" + "]".repeat(100),
        "<<".repeat(300) + "1" + ">>".repeat(300),
        "\\A x \\in S : ".repeat(300) + "TRUE",
    };
    for (String body : bodies) {
      String text = "---- MODULE Deep ----\nA == " + body + "\n====\n";
      long t0 = System.nanoTime();
      ParseResult r = Frontend.parseString("Deep.tla", text);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 10_000, "slow (" + ms + " ms): " + body.substring(0, 20));
      assertTrue(r.ok() || r.diagnostics().stream().noneMatch(d -> d.code().equals("internal")),
          () -> r.diagnostics().toString());
    }
  }
}
