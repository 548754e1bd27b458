package io.finalspec.tests.support;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The corpus (the models corpus.toml lists) and the spec models. */
public final class ExploreCases {
  private ExploreCases() {}

  /** The repository root: {@code -Dfinalspec.root} (set by the tests pom), else the parent of the working directory. */
  public static Path root() {
    String r = System.getProperty("finalspec.root");
    Path p = r != null ? Paths.get(r) : Paths.get("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  /** The corpus folder, tests/src/test/resources/corpus. */
  public static Path corpusDir() {
    return root().resolve("tests/src/test/resources/corpus");
  }

  /** Every model listed in corpus.toml, in file order, long-run entries included (see {@link CorpusEntry#inThisRun}). */
  public static List<CorpusEntry> corpusEntries() {
    Path dir = corpusDir();
    return TomlTables.read(dir.resolve("corpus.toml"), "spec").stream().map(t -> CorpusEntry.of(t, dir)).toList();
  }

  /**
   * Name to expected failure of each model of known-gaps.toml: the models the generator does not
   * handle yet, with the exact message it gives for them today.
   */
  public static Map<String, String> knownGaps() {
    Map<String, String> gaps = new LinkedHashMap<>();
    for (Map<String, String> t : TomlTables.read(corpusDir().resolve("known-gaps.toml"), "gap")) {
      if (gaps.put(t.get("name"), t.get("message")) != null) {
        throw new IllegalArgumentException("known-gaps.toml: " + t.get("name") + " listed twice");
      }
    }
    return gaps;
  }

  /** The corpus models the generator handles: corpus.toml without the known gaps. */
  public static List<ExploreCase> corpus() {
    Map<String, String> gaps = knownGaps();
    return corpusEntries().stream().filter(e -> e.inThisRun() && !gaps.containsKey(e.name())).map(CorpusEntry::toCase)
        .toList();
  }

  /**
   * The corpus models with behaviours to compare step by step: {@link #corpus()} without the models
   * whose ASSUME is false (TLC stops before Init; {@code conform} then exits 1 with TLC's message)
   * and those without states (constant-level models: TLC's 0 distinct states, nothing to compare).
   */
  public static List<ExploreCase> conformable() {
    Map<String, String> gaps = knownGaps();
    return corpusEntries().stream()
        .filter(e -> e.inThisRun() && !gaps.containsKey(e.name()) && !"assumption".equals(e.expect()) && e.distinct() != 0)
        .map(CorpusEntry::toCase).toList();
  }

  /** A larger model of a corpus spec for the conformance suite, with TLC's distinct count. */
  public record LargeCase(ExploreCase model, long states) {}

  /** The models of conform-large/conform-large.toml: corpus specs with bigger constants. */
  public static List<LargeCase> conformLarge() {
    Path dir = root().resolve("tests/src/test/resources/conform-large");
    return TomlTables.read(dir.resolve("conform-large.toml"), "model").stream()
        .map(t -> new LargeCase(new ExploreCase("large/" + t.get("name"), corpusDir().resolve(t.get("spec")),
            dir.resolve(t.get("config"))), Long.parseLong(t.get("states"))))
        .toList();
  }

  /** The default-tier models of specs/models.toml (paths relative to specs/). */
  public static List<ExploreCase> models() {
    Path specs = root().resolve("specs");
    Path manifest = specs.resolve("models.toml");
    if (!Files.exists(manifest)) {
      return List.of();
    }
    List<ExploreCase> out = new ArrayList<>();
    try {
      Manifest m = ManifestParser.parse(manifest);
      for (ModelEntry e : m.models()) {
        if (e.tier() != ModelEntry.Tier.DEFAULT) {
          continue;
        }
        Path spec = e.spec().isAbsolute() ? e.spec() : specs.resolve(e.spec());
        Path cfg = e.config().isAbsolute() ? e.config() : specs.resolve(e.config());
        out.add(new ExploreCase("models/" + e.name(), spec, cfg));
      }
    } catch (ManifestException e) {
      throw new IllegalStateException("specs/models.toml: " + e.getMessage(), e);
    }
    return out;
  }
}
