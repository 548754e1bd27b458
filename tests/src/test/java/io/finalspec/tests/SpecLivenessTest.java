package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.tests.support.IsolatedExplore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every model of specs/models.toml whose config has PROPERTY/PROPERTIES (both tiers) gets its
 * declared outcome from the generated machine's whole check (safety, then liveness under the
 * spec's fairness), as {@code finalspec explore} runs it. The declared outcomes are TLC's:
 * {@code ./finalspec check} confirms each against TLC 2.18. {@code -Dexplore.only=NAME} narrows the
 * run to the models whose name contains NAME.
 */
class SpecLivenessTest {

  static List<ModelEntry> modelsWithProperties() throws Exception {
    Path specs = ExploreCases.root().resolve("specs");
    Manifest m = ManifestParser.parse(specs.resolve("models.toml"));
    List<ModelEntry> out = new ArrayList<>();
    for (ModelEntry e : m.models()) {
      Path cfg = e.config().isAbsolute() ? e.config() : specs.resolve(e.config());
      ConfigResult c = ConfigParser.parse(cfg);
      if (c.ok() && !c.config().properties().isEmpty()) {
        out.add(e);
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> declaredOutcomeOfEveryModelWithProperties() throws Exception {
    Path specs = ExploreCases.root().resolve("specs");
    List<ModelEntry> models = modelsWithProperties();
    assertFalse(models.isEmpty(), "no model with PROPERTY in specs/models.toml");
    String only = System.getProperty("explore.only");
    return models.stream().filter(e -> only == null || only.isEmpty() || e.name().contains(only))
        .map(e -> DynamicTest.dynamicTest(e.name(), () -> {
          Path spec = e.spec().isAbsolute() ? e.spec() : specs.resolve(e.spec());
          Path cfg = e.config().isAbsolute() ? e.config() : specs.resolve(e.config());
          IsolatedExplore.Result r = IsolatedExplore.run(spec, cfg);
          Expectation mine = CorpusExploreTest.verdict(r);
          assertEquals(e.expect(), mine, () -> e.name() + ": " + r.message() + " " + r.notChecked());
        }));
  }
}
