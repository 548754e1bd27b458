package io.finalspec.codegen.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The generated code of a tiny spec, whole-file, against {@code emit/golden/CounterMachine.java.golden}.
 * After an intended change of the emitter, regenerate with {@code -Dgolden.update=true} and review
 * the diff.
 */
class GoldenTest {

  @Test
  void counterMachineMatchesGolden() throws Exception {
    Path dir = Paths.get(GoldenTest.class.getResource("/emit/golden/Counter.tla").toURI()).getParent();
    CompileResult r = io.finalspec.codegen.Compiler.compile(dir.resolve("Counter.tla"), dir.resolve("Counter.cfg"),
        CompileOptions.inPackage("golden"));
    assertTrue(r.ok(), r.describe());
    assertEquals("golden.CounterMachine", r.className());
    String code = r.sources().get(0).code();
    Path golden = Paths.get("src/test/resources/emit/golden/CounterMachine.java.golden");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, code, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), code);
  }
}
