package io.finalspec.codegen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.ast.SexpPrinter;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.support.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden files in src/test/resources/parse/&lt;feature&gt;/ and in the syntax corpus
 * src/test/resources/syntax/ (one module per construct; syntax/invalid/ holds one module per
 * invalid input): x.tla with x.sexp (the printed AST) or x.errors (one {@code line:col message} per
 * diagnostic, every error the parser recovers from). Run with -Dgolden.update=true to rewrite the
 * expected files after a deliberate change, then review the diff.
 */
class GoldenParseTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> goldenFiles() {
    return Stream.of("parse", "syntax").flatMap(folder -> {
      Path root = TestFiles.resources().resolve(folder);
      return TestFiles.tlaFiles(root).stream().map(tla -> DynamicTest.dynamicTest(
          folder + "/" + root.relativize(tla), () -> check(tla)));
    });
  }

  private static void check(Path tla) throws IOException {
    ParseResult r = Frontend.parseFile(tla);
    Path errors = TestFiles.sibling(tla, ".errors");
    Path sexp = TestFiles.sibling(tla, ".sexp");
    if (Files.exists(errors)) {
      assertFalse(r.ok(), "expected errors for " + tla);
      String actual = r.diagnostics().stream().map(Diagnostic::lineColMessage).collect(Collectors.joining("\n")) + "\n";
      if (UPDATE) {
        Files.writeString(errors, actual);
      }
      assertEquals(Files.readString(errors), actual);
      return;
    }
    assertTrue(r.ok(), () -> "parse failed: " + r.diagnostics());
    String actual = SexpPrinter.print(r.module());
    if (UPDATE || !Files.exists(sexp)) {
      Files.writeString(sexp, actual);
    }
    assertEquals(Files.readString(sexp), actual);
  }
}
