package io.finalspec.tests.support;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import java.nio.file.Path;

/**
 * Generates, compiles and explores one spec in this JVM. Each machine owns its order of strings
 * and model values (its {@code NameTable}), so runs of many specs in one JVM cannot reorder each
 * other's sets (they once could, when the order was a JVM-wide table and each spec needed a class
 * loader of its own).
 */
public final class IsolatedExplore {
  private IsolatedExplore() {}

  /**
   * The counts and verdict of one exploration ({@code outcome} is OK, INVARIANT, DEADLOCK or ERROR),
   * the length of its counterexample (states; 0 without one) and the states left when it stopped at a
   * distinct-state cap.
   */
  public record Result(long generated, long distinct, int depth, String outcome, String name, String message,
      int traceLength, long queueLeft) {}

  public static Result run(Path spec, Path config) throws Exception {
    return run(spec, config, Long.MAX_VALUE);
  }

  /** Explores at most {@code maxDistinct} distinct states (a capped run ends OK with states left on the queue). */
  public static Result run(Path spec, Path config, long maxDistinct) throws Exception {
    ExploreResult r;
    try {
      r = new BfsExplorer(Compiler.load(spec, config), BfsExplorer.Options.defaults().withMaxDistinct(maxDistinct)).run();
    } catch (CompileFailedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new Result(r.generated(), r.distinct(), r.depth(), r.outcome().kind().name(), r.outcome().name(),
        r.outcome().message(), r.trace() == null ? 0 : r.trace().size(), r.queueLeft());
  }
}
