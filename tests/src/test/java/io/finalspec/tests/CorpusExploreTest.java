package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.tests.support.CorpusEntry;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.tests.support.IsolatedExplore;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Graph conformance: for every model of corpus.toml and every default model of specs/models.toml,
 * the generated machine (compiled in memory and loaded in this JVM: every machine owns its string
 * order, see
 * {@link IsolatedExplore}) explored by the runtime's BFS finds the same distinct
 * states, generated states, depth and verdict as TLC run on the same files in the same test,
 * properties included: a liveness violation is "property P" for both, an action property names
 * what TLC names. A property the machine could not check is a failure, never a pass. TLC checks
 * liveness while it explores and may report a violation before its search is complete, so for a
 * property violation the counts are compared only where corpus.toml records them (a whole graph).
 *
 * <p>corpus.toml's recorded outcome and figures are checked against that TLC run too, so the file
 * stays true. The corpus models the generator does not handle yet are listed in known-gaps.toml
 * with the exact failure they give today; such a model must still fail with exactly that text, so
 * an entry has to go as soon as the compiler learns the construct.
 */
class CorpusExploreTest {

  @TestFactory
  Stream<DynamicTest> corpusMatchesTlc() {
    Map<String, String> gaps = ExploreCases.knownGaps();
    return ExploreCases.corpusEntries().stream().filter(e -> e.inThisRun() && selected(e.toCase()))
        .map(e -> DynamicTest.dynamicTest(e.toCase().name(), () -> {
          String problem = withoutCorpusPath(problem(e.toCase(), e));
          String gap = gaps.get(e.name());
          if (gap == null) {
            if (problem != null) {
              fail(problem);
            }
          } else {
            assertEquals(gap, problem, e.name() + " is a known gap: it must still fail with exactly the message of "
                + "known-gaps.toml (remove the entry when the model passes, or update the message)");
          }
        }));
  }

  @TestFactory
  Stream<DynamicTest> specModelsMatchTlc() {
    return ExploreCases.models().stream().filter(CorpusExploreTest::selected)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          String problem = problem(c, null);
          if (problem != null) {
            fail(c.name() + ": " + problem);
          }
        }));
  }

  /** Every config in the corpus folder is a model of corpus.toml, and every known gap names one. */
  @Test
  void corpusTomlListsEveryConfig() throws IOException {
    List<CorpusEntry> entries = ExploreCases.corpusEntries();
    Set<Path> listed = entries.stream().map(e -> e.config().normalize()).collect(Collectors.toSet());
    Set<String> unlisted = new TreeSet<>();
    try (Stream<Path> files = Files.walk(ExploreCases.corpusDir())) {
      files.filter(p -> p.toString().endsWith(".cfg")).map(Path::normalize).filter(p -> !listed.contains(p))
          .forEach(p -> unlisted.add(ExploreCases.corpusDir().relativize(p).toString()));
    }
    assertEquals(Set.of(), unlisted, "configs missing from corpus.toml");
    Set<String> names = entries.stream().map(CorpusEntry::name).collect(Collectors.toSet());
    assertEquals(names.size(), entries.size(), "corpus.toml names must be unique");
    for (String gap : ExploreCases.knownGaps().keySet()) {
      assertTrue(names.contains(gap), "known-gaps.toml names " + gap + ", which corpus.toml does not list");
    }
  }

  /** Messages name files by absolute path at times: known-gaps.toml writes the corpus folder {@code <corpus>}. */
  private static String withoutCorpusPath(String problem) {
    return problem == null ? null : problem.replace(ExploreCases.corpusDir().toString(), "<corpus>");
  }

  /** {@code -Dexplore.only=Paxos,Hanoi} runs only the cases whose name contains one of those texts. */
  private static boolean selected(ExploreCase c) {
    String only = System.getProperty("explore.only");
    return only == null || only.isEmpty() || Stream.of(only.split(",")).anyMatch(c.name()::contains);
  }

  /**
   * How the generated machine differs from TLC on one model (and, for a corpus model, how TLC
   * differs from what corpus.toml records), or null when nothing does.
   */
  static String problem(ExploreCase c, CorpusEntry recorded) throws Exception {
    IsolatedExplore.Result mine;
    try {
      mine = IsolatedExplore.run(c.spec(), c.config());
    } catch (IllegalArgumentException e) {
      return e.getMessage().strip(); // the compiler's diagnostics, file:line:col: message
    }
    TlcResult tlc = new TlcRunner(TlcOptions.defaults()).check(c.spec(), c.config(), p -> {});
    Expectation tlcVerdict = tlc.outcome();
    Expectation myVerdict = verdict(mine);
    if (tlcVerdict.kind() == Expectation.Kind.ERROR) {
      return falseAssumption(tlc, mine, recorded);
    }
    List<String> diffs = new ArrayList<>();
    if (recorded != null) {
      diffs.addAll(recordedDiffs(tlc, recorded));
    }
    if (!tlcVerdict.equals(myVerdict)) {
      diffs.add("verdict: TLC " + tlcVerdict + ", finalspec " + show(myVerdict));
    }
    boolean wholeGraph = tlcVerdict.kind() != Expectation.Kind.PROPERTY || recorded == null || recorded.distinct() >= 0;
    if (wholeGraph && tlc.distinct() >= 0 && tlc.distinct() != mine.distinct()) {
      diffs.add("distinct: TLC " + tlc.distinct() + ", finalspec " + mine.distinct());
    }
    if (wholeGraph && tlc.generated() >= 0 && tlc.generated() != mine.generated()) {
      diffs.add("generated: TLC " + tlc.generated() + ", finalspec " + mine.generated());
    }
    if (wholeGraph && tlc.depth() >= 0 && tlc.depth() != mine.depth()) {
      diffs.add("depth: TLC " + tlc.depth() + ", finalspec " + mine.depth());
    }
    return diffs.isEmpty() ? null : String.join("; ", diffs);
  }

  /** A verdict for a message: an error shows its text. */
  private static String show(Expectation e) {
    return e.kind() == Expectation.Kind.ERROR ? "error: " + e.detail() : e.toString();
  }

  /**
   * TLC stopped with an error. Only a false ASSUME is an expected outcome (corpus.toml: {@code
   * assumption}); the machine must then stop with TLC's own message (without TLC's file path).
   */
  private static String falseAssumption(TlcResult tlc, IsolatedExplore.Result mine, CorpusEntry recorded) {
    String message = tlc.errorMessage();
    int at = message.indexOf("Assumption line ");
    if (recorded == null || !recorded.expect().equals("assumption") || at < 0) {
      return "TLC reports an error: " + message + "\n  finalspec: " + mine.outcome() + " " + mine.message();
    }
    String assumption = withoutFinalPeriod(message.substring(at));
    if ("ERROR".equals(mine.outcome()) && assumption.equals(withoutFinalPeriod(String.valueOf(mine.message())))) {
      return null;
    }
    return "verdict: TLC " + assumption + ", finalspec " + show(verdict(mine))
        + ("ERROR".equals(mine.outcome()) ? "" : " after " + mine.distinct() + " distinct states");
  }

  /** TLC ends its sentence with a period; a message without it says the same. */
  private static String withoutFinalPeriod(String text) {
    String t = text.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** corpus.toml must say what TLC says: outcome always, figures where it records them. */
  private static List<String> recordedDiffs(TlcResult tlc, CorpusEntry recorded) {
    List<String> diffs = new ArrayList<>();
    if (!tlc.outcome().toString().equals(recorded.expect())) {
      diffs.add("corpus.toml: expect \"" + recorded.expect() + "\", TLC " + tlc.outcome());
    }
    boolean property = tlc.outcome().kind() == Expectation.Kind.PROPERTY;
    if (!property) {
      compare(diffs, "tlc_distinct", recorded.distinct(), tlc.distinct());
      compare(diffs, "tlc_generated", recorded.generated(), tlc.generated());
      compare(diffs, "tlc_depth", recorded.depth(), tlc.depth());
    }
    return diffs;
  }

  private static void compare(List<String> diffs, String key, long recorded, long tlc) {
    if (recorded >= 0 && recorded != tlc) {
      diffs.add("corpus.toml: " + key + " = " + recorded + ", TLC " + tlc);
    }
  }

  static Expectation verdict(IsolatedExplore.Result r) {
    switch (r.outcome()) {
      case "OK":
        return r.notChecked().isEmpty() ? Expectation.PASS
            : Expectation.error("safety only, not checked: " + String.join("; ", r.notChecked()));
      case "PROPERTY":
        return Expectation.property(r.name());
      case "INVARIANT":
        return Expectation.invariant(r.name());
      case "DEADLOCK":
        return Expectation.DEADLOCK;
      default:
        return Expectation.error(r.message());
    }
  }
}
