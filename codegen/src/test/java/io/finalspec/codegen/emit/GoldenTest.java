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
 * The generated code of tiny specs, whole-file, against {@code emit/golden/*Machine.java.golden};
 * the excerpts of generated code docs/codegen.md quotes must be verbatim parts of them.
 * After an intended change of the emitter, regenerate with {@code -Dgolden.update=true} and review
 * the diff.
 */
class GoldenTest {

  @Test
  void counterMachineMatchesGolden() throws Exception {
    matchesGolden("Counter");
  }

  /** Records, string literals and a message set: hoisted constants and record shapes. */
  @Test
  void messagesMachineMatchesGolden() throws Exception {
    matchesGolden("Messages");
  }

  /** Every {@code <!-- golden:NAME -->} excerpt of docs/codegen.md is part of NAME's golden file. */
  @Test
  void docsQuoteTheGoldenCode() throws Exception {
    String docs = Files.readString(Paths.get("../docs/codegen.md"), StandardCharsets.UTF_8);
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("<!-- golden:(\\w+) -->\\s*```java\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(docs);
    int found = 0;
    while (m.find()) {
      String golden = Files.readString(Paths.get("src/test/resources/emit/golden/" + m.group(1) + "Machine.java.golden"),
          StandardCharsets.UTF_8);
      assertTrue(golden.contains(m.group(2)), "docs/codegen.md quotes code that " + m.group(1) + " no longer generates:\n" + m.group(2));
      found++;
    }
    assertTrue(found >= 2, "docs/codegen.md should quote generated code marked <!-- golden:NAME -->");
  }

  private static void matchesGolden(String spec) throws Exception {
    Path dir = Paths.get(GoldenTest.class.getResource("/emit/golden/" + spec + ".tla").toURI()).getParent();
    CompileResult r = io.finalspec.codegen.Compiler.compile(dir.resolve(spec + ".tla"), dir.resolve(spec + ".cfg"),
        CompileOptions.inPackage("golden"));
    assertTrue(r.ok(), r.describe());
    assertEquals("golden." + spec + "Machine", r.className());
    String code = r.sources().get(0).code();
    Path golden = Paths.get("src/test/resources/emit/golden/" + spec + "Machine.java.golden");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, code, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), code);
  }
}
