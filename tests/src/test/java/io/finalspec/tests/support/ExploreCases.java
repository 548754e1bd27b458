package io.finalspec.tests.support;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The corpus (every folder of tests/src/test/resources/corpus: Name/Name.tla with each Name/*.cfg) and the spec models. */
public final class ExploreCases {
  private ExploreCases() {}

  /** The repository root: {@code -Dfinalspec.root} (set by the tests pom), else the parent of the working directory. */
  public static Path root() {
    String r = System.getProperty("finalspec.root");
    Path p = r != null ? Paths.get(r) : Paths.get("").toAbsolutePath().getParent();
    return p.toAbsolutePath().normalize();
  }

  public static List<ExploreCase> corpus() {
    Path dir = root().resolve("tests/src/test/resources/corpus");
    List<ExploreCase> out = new ArrayList<>();
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path f : folders.filter(Files::isDirectory).sorted().toList()) {
        String name = f.getFileName().toString();
        Path spec = f.resolve(name + ".tla");
        if (!Files.exists(spec)) {
          continue;
        }
        try (Stream<Path> cfgs = Files.list(f)) {
          for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg")).sorted().toList()) {
            out.add(new ExploreCase("corpus/" + name + "/" + cfg.getFileName(), spec, cfg));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
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
