package io.finalspec.tests.support;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.runtime.machine.Machine;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates, compiles and explores one spec in a class loader with its own copy of the runtime.
 * The runtime ranks strings and model values per JVM in the order specs intern them (as TLC does
 * per process, see runtime {@code Names}); exploring many specs in one test JVM would let one spec's
 * names reorder another's sets, and with them the point at which a violation is found. A fresh
 * runtime per spec keeps every run as it would be in its own JVM.
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
    CompileResult r = io.finalspec.codegen.Compiler.compile(spec, config, CompileOptions.inPackage("finalspec.generated"));
    if (!r.ok()) {
      throw new IllegalArgumentException(r.describe());
    }
    List<URL> urls = new ArrayList<>();
    urls.add(Machine.class.getProtectionDomain().getCodeSource().getLocation());
    try {
      urls.add(Class.forName("com.google.gson.Gson").getProtectionDomain().getCodeSource().getLocation());
    } catch (ClassNotFoundException e) {
      // the runtime's ITF support is not needed to explore
    }
    try (URLClassLoader runtime = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader())) {
      ClassLoader generated = new InMemoryCompiler(runtime).compile(r.sources());
      Object machine = generated.loadClass(r.className()).getConstructor().newInstance();
      Class<?> machineType = runtime.loadClass("io.finalspec.runtime.machine.Machine");
      Class<?> bfs = runtime.loadClass("io.finalspec.runtime.explore.BfsExplorer");
      Class<?> options = runtime.loadClass("io.finalspec.runtime.explore.BfsExplorer$Options");
      Object opts = options.getMethod("withMaxDistinct", long.class).invoke(options.getMethod("defaults").invoke(null), maxDistinct);
      Object result = bfs.getMethod("run").invoke(bfs.getConstructor(machineType, options).newInstance(machine, opts));
      Object outcome = call(result, "outcome");
      Object trace = call(result, "trace");
      return new Result((long) call(result, "generated"), (long) call(result, "distinct"), (int) call(result, "depth"),
          String.valueOf(call(outcome, "kind")), (String) call(outcome, "name"), (String) call(outcome, "message"),
          trace == null ? 0 : (int) call(trace, "size"), (long) call(result, "queueLeft"));
    }
  }

  private static Object call(Object o, String method) throws ReflectiveOperationException {
    return o.getClass().getMethod(method).invoke(o);
  }
}
