package io.finalspec.tests.support;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates, compiles and checks one spec in this JVM (safety and liveness, as {@code explore}).
 * Each machine owns its order of strings and model values (its {@code NameTable}), so runs of many
 * specs in one JVM cannot reorder each other's sets (they once could, when the order was a
 * JVM-wide table and every spec needed a class loader of its own).
 */
public final class IsolatedExplore {
  private IsolatedExplore() {}

  /**
   * The counts and verdict of one check ({@code outcome} is OK, INVARIANT, PROPERTY, DEADLOCK or
   * ERROR; {@code notChecked} the properties it could not decide, each "name (reason)"), the length
   * of its counterexample (states; 0 without one) and the states left when it stopped at a
   * distinct-state cap.
   */
  public record Result(long generated, long distinct, int depth, String outcome, String name, String message,
      List<String> notChecked, int traceLength, long queueLeft) {}

  public static Result run(Path spec, Path config) throws Exception {
    return run(spec, config, BfsExplorer.Options.defaults());
  }

  /**
   * Checks at most {@code maxDistinct} distinct states for at most {@code timeLimit} (a run stopped
   * at either ends OK with states left on the queue).
   */
  public static Result run(Path spec, Path config, long maxDistinct, java.time.Duration timeLimit) throws Exception {
    return run(spec, config, BfsExplorer.Options.defaults().withMaxDistinct(maxDistinct).withTimeLimit(timeLimit));
  }

  private static Result run(Path spec, Path config, BfsExplorer.Options options) throws Exception {
    ExploreResult r;
    try {
      r = new ModelChecker(Compiler.load(spec, config), options).run();
    } catch (CompileFailedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new Result(r.generated(), r.distinct(), r.depth(), r.outcome().kind().name(), r.outcome().name(),
        r.outcome().message(), r.notChecked().stream().map(Object::toString).toList(),
        r.trace() == null ? 0 : r.trace().size(), r.queueLeft());
  }
}
