package io.finalspec.tests.order;

import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One spec explored by its generated machine (compiled in memory and loaded in this JVM, next to
 * every other machine of the test) and checked by TLC (a child JVM, as TLC keeps static state):
 * the verdicts and counts side by side.
 */
final class TlcVerdicts {
  private TlcVerdicts() {}

  /** Verdict and distinct states of one checker's run. */
  record Run(Expectation verdict, long distinct) {}

  record Both(Run machine, Run tlc) {
    /** Equal verdicts, and equal distinct counts where TLC printed one (not after a violation in Init). */
    boolean agree() {
      return machine.verdict().equals(tlc.verdict()) && (tlc.distinct() < 0 || machine.distinct() == tlc.distinct());
    }

    @Override
    public String toString() {
      return "machine " + machine + ", TLC " + tlc;
    }
  }

  /** Writes {@code module} (a whole .tla text of module {@code name}) and {@code cfg} into {@code dir}, then checks both ways. */
  static Both check(Path dir, String name, String module, String cfg) throws Exception {
    Path spec = dir.resolve(name + ".tla");
    Path config = dir.resolve(name + ".cfg");
    Files.writeString(spec, module);
    Files.writeString(config, cfg);
    return new Both(machine(spec, config), tlc(spec, config));
  }

  static Run machine(Path spec, Path config) throws Exception {
    ExploreResult r = new BfsExplorer(Compiler.load(spec, config)).run();
    Expectation verdict = switch (r.outcome().kind()) {
      case OK -> Expectation.PASS;
      case INVARIANT -> Expectation.invariant(r.outcome().name());
      case PROPERTY -> Expectation.property(r.outcome().name());
      case DEADLOCK -> Expectation.DEADLOCK;
      case ERROR -> Expectation.error(r.outcome().message());
    };
    return new Run(verdict, r.distinct());
  }

  static Run tlc(Path spec, Path config) throws IOException, InterruptedException {
    TlcResult r = new TlcRunner(TlcOptions.defaults()).check(spec, config, p -> {});
    return new Run(r.outcome(), r.distinct());
  }
}
