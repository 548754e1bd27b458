package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.fail;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.tests.support.IsolatedExplore;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Graph conformance: for every corpus spec/config and every default model of specs/models.toml,
 * the generated machine (compiled in memory, with its own copy of the runtime: see
 * {@link IsolatedExplore}) explored by the runtime's BFS finds the same distinct
 * states, generated states, depth and verdict as TLC run on the same files in the same test,
 * properties included: a liveness violation is "property P" for both (TLC's counts then cover the
 * whole graph, as the search's do), an action property names what TLC names. A property the
 * machine could not check is a failure, never a pass.
 */
class CorpusExploreTest {

  @TestFactory
  Stream<DynamicTest> corpusMatchesTlc() {
    return ExploreCases.corpus().stream().filter(CorpusExploreTest::selected)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> specModelsMatchTlc() {
    return ExploreCases.models().stream().filter(CorpusExploreTest::selected)
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  /** {@code -Dexplore.only=Paxos} runs only the cases whose name contains that text. */
  private static boolean selected(ExploreCase c) {
    String only = System.getProperty("explore.only");
    return only == null || only.isEmpty() || c.name().contains(only);
  }

  static void check(ExploreCase c) throws Exception {
    IsolatedExplore.Result mine;
    try {
      mine = IsolatedExplore.run(c.spec(), c.config());
    } catch (IllegalArgumentException e) {
      fail(c.name() + ": does not compile:\n" + e.getMessage());
      return;
    }
    TlcResult tlc = new TlcRunner(TlcOptions.defaults()).check(c.spec(), c.config(), p -> {});
    List<String> diffs = new ArrayList<>();
    Expectation tlcVerdict = tlc.outcome();
    Expectation myVerdict = verdict(mine);
    if (tlcVerdict.kind() == Expectation.Kind.ERROR) {
      fail(c.name() + ": TLC reports an error: " + tlc.errorMessage() + "\n  finalspec: " + mine.message());
    }
    if (!tlcVerdict.equals(myVerdict)) {
      diffs.add("verdict: TLC " + tlcVerdict + ", finalspec " + myVerdict);
    }
    if (tlc.distinct() >= 0 && tlc.distinct() != mine.distinct()) {
      diffs.add("distinct: TLC " + tlc.distinct() + ", finalspec " + mine.distinct());
    }
    if (tlc.generated() >= 0 && tlc.generated() != mine.generated()) {
      diffs.add("generated: TLC " + tlc.generated() + ", finalspec " + mine.generated());
    }
    if (tlc.depth() >= 0 && tlc.depth() != mine.depth()) {
      diffs.add("depth: TLC " + tlc.depth() + ", finalspec " + mine.depth());
    }
    if (!diffs.isEmpty()) {
      fail(c.name() + ": " + String.join("; ", diffs));
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
