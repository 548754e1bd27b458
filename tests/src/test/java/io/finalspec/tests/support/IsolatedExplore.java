package io.finalspec.tests.support;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import java.nio.file.Path;

/**
 * Generates, compiles and explores one spec in this JVM. Each machine owns its order of strings
 * and model values (its {@code NameTable}), so runs of many specs in one JVM cannot reorder each
 * other's sets (they once could, when the order was a JVM-wide table).
 */
public final class IsolatedExplore {
  private IsolatedExplore() {}

  /** The counts and verdict of one exploration ({@code outcome} is OK, INVARIANT, DEADLOCK or ERROR). */
  public record Result(long generated, long distinct, int depth, String outcome, String name, String message) {}

  public static Result run(Path spec, Path config) throws Exception {
    ExploreResult r;
    try {
      r = new BfsExplorer(Compiler.load(spec, config)).run();
    } catch (io.finalspec.codegen.CompileFailedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return new Result(r.generated(), r.distinct(), r.depth(), r.outcome().kind().name(), r.outcome().name(),
        r.outcome().message());
  }
}
