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
 * Generates, compiles and checks one spec (safety and liveness, as {@code explore}) in a class loader
 * with its own copy of the runtime.
 * The runtime ranks strings and model values per JVM in the order specs intern them (as TLC does
 * per process, see runtime {@code Names}); exploring many specs in one test JVM would let one spec's
 * names reorder another's sets, and with them the point at which a violation is found. A fresh
 * runtime per spec keeps every run as it would be in its own JVM.
 */
public final class IsolatedExplore {
  private IsolatedExplore() {}

  /**
   * The counts and verdict of one check ({@code outcome} is OK, INVARIANT, PROPERTY, DEADLOCK or
   * ERROR; {@code notChecked} the properties it could not decide, each "name (reason)").
   */
  public record Result(long generated, long distinct, int depth, String outcome, String name, String message,
                       List<String> notChecked) {}

  public static Result run(Path spec, Path config) throws Exception {
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
      // the whole check as explore runs it: the search, then liveness
      Class<?> options = runtime.loadClass("io.finalspec.runtime.explore.BfsExplorer$Options");
      Class<?> checker = runtime.loadClass("io.finalspec.runtime.explore.ModelChecker");
      Object defaults = options.getMethod("defaults").invoke(null);
      Object result = checker.getMethod("run").invoke(checker.getConstructor(machineType, options)
          .newInstance(machine, defaults));
      Object outcome = call(result, "outcome");
      List<String> notChecked = new ArrayList<>();
      for (Object n : (List<?>) call(result, "notChecked")) {
        notChecked.add(n.toString());
      }
      return new Result((long) call(result, "generated"), (long) call(result, "distinct"), (int) call(result, "depth"),
          String.valueOf(call(outcome, "kind")), (String) call(outcome, "name"), (String) call(outcome, "message"),
          notChecked);
    }
  }

  private static Object call(Object o, String method) throws ReflectiveOperationException {
    return o.getClass().getMethod(method).invoke(o);
  }
}
