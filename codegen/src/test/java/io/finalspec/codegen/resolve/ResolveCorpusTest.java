package io.finalspec.codegen.resolve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;

import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import io.finalspec.codegen.support.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec of the project (specs/, the tests corpus) and the resolver test modules resolve
 * cleanly, and every model config next to a corpus spec parses.
 */
class ResolveCorpusTest {

  @TestFactory
  Stream<DynamicTest> projectSpecsResolve() {
    Path root = TestFiles.projectRoot();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("specs", "tests/src/test/resources/corpus", "codegen/src/test/resources/resolve/ok")) {
      if (root.resolve(dir).toFile().isDirectory()) {
        files.addAll(TestFiles.tlaFiles(root.resolve(dir)));
      }
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> {
      ParseResult p = Frontend.parseFile(f);
      assertTrue(p.ok(), () -> p.diagnostics().toString());
      ResolveResult r = Resolver.resolve(p.module(), ModuleLoader.folder(f.getParent()));
      assertTrue(r.ok(), () -> r.diagnostics().toString());
      String base = f.getFileName().toString().replace(".tla", "");
      try (Stream<Path> cfgs = java.nio.file.Files.list(f.getParent())) {
        for (Path cfg : (Iterable<Path>) cfgs.filter(c -> (c.getFileName().toString().equals(base + ".cfg")
            || c.getFileName().toString().startsWith(base + "_") && c.toString().endsWith(".cfg")))::iterator) {
          ConfigResult c = ConfigParser.parse(cfg);
          assertTrue(c.ok(), () -> c.diagnostics().toString());
        }
      }
    }));
  }
}
