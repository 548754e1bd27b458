package io.finalspec.codegen.emit;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes tiny specs to a temporary folder and compiles them (in memory) to machines. */
public final class TestSpecs {
  private TestSpecs() {}

  /** A module {@code name} with the given body (between header and footer) and config text. */
  public static Path[] write(String name, String body, String cfg) {
    try {
      Path dir = Files.createTempDirectory("finalspec-test");
      Path spec = dir.resolve(name + ".tla");
      Files.writeString(spec, "---- MODULE " + name + " ----\n" + body + "\n====\n");
      Path config = dir.resolve(name + ".cfg");
      Files.writeString(config, cfg);
      return new Path[] {spec, config};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of checking a spec and config with the explorer (safety and liveness), as TLC would report it. */
  public static io.finalspec.runtime.explore.Outcome.Kind verdict(String name, String body, String cfg) {
    return new io.finalspec.runtime.explore.ModelChecker(machine(name, body, cfg),
        io.finalspec.runtime.explore.BfsExplorer.Options.defaults()).run().outcome().kind();
  }

  public static Machine machine(String name, String body, String cfg) {
    Path[] p = write(name, body, cfg);
    try {
      return io.finalspec.codegen.Compiler.load(p[0], p[1]);
    } catch (CompileFailedException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** Spec with INIT Init / NEXT Next. */
  public static Machine machine(String body) {
    return machine("T", body, "INIT Init\nNEXT Next\n");
  }

  /** The generated machine's Java source, failing the test when the spec does not compile. */
  public static String code(String name, String body, String cfg) {
    CompileResult r = compile(name, body, cfg);
    if (!r.ok()) {
      throw new AssertionError(r.describe());
    }
    return r.sources().get(0).code();
  }

  /** The explorer's result on a spec and config, failing the test unless it found no violation. */
  public static io.finalspec.runtime.explore.ExploreResult explored(String name, String body, String cfg) {
    io.finalspec.runtime.explore.ExploreResult res = new io.finalspec.runtime.explore.BfsExplorer(machine(name, body, cfg)).run();
    if (res.outcome().kind() != io.finalspec.runtime.explore.Outcome.Kind.OK) {
      throw new AssertionError(res.outcome().toString());
    }
    return res;
  }

  public static CompileResult compile(String name, String body, String cfg) {
    Path[] p = write(name, body, cfg);
    return io.finalspec.codegen.Compiler.compile(p[0], p[1], CompileOptions.inPackage("gen"));
  }

  /** {@code x=1 y={1, 2}}. */
  public static String show(Machine m, State s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.size(); i++) {
      sb.append(i == 0 ? "" : " ").append(m.variables().get(i)).append('=').append(s.get(i));
    }
    return sb.toString();
  }

  public static List<String> inits(Machine m) {
    List<String> out = new ArrayList<>();
    m.initStates(s -> out.add(show(m, s)));
    return out;
  }

  public static List<State> initStates(Machine m) {
    List<State> out = new ArrayList<>();
    m.initStates(out::add);
    return out;
  }

  /** Every successor of the first initial state: {@code Label -> x=1 y=2}, in the machine's order. */
  public static List<String> successors(Machine m) {
    return successors(m, initStates(m).get(0));
  }

  public static List<String> successors(Machine m, State s) {
    List<String> out = new ArrayList<>();
    m.successors(s, (label, next) -> out.add(label + " -> " + show(m, next)));
    return out;
  }

  /** The value of a constant expression (through {@code Init == v = expr}). */
  public static Value eval(String extendsAndDefs, String expr) {
    Machine m = machine(extendsAndDefs + "\nVARIABLE v\nInit == v = " + expr + "\nNext == UNCHANGED v\n");
    return initStates(m).get(0).get(0);
  }
}
