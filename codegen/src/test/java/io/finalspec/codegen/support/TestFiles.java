package io.finalspec.codegen.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Locations of test inputs: this module's resources and the project root. */
public final class TestFiles {
  private TestFiles() {}

  /** codegen/src/test/resources (tests run with the module folder as working directory). */
  public static Path resources() {
    Path p = Path.of(System.getProperty("user.dir")).resolve("src/test/resources");
    if (Files.isDirectory(p)) {
      return p;
    }
    return projectRoot().resolve("codegen/src/test/resources");
  }

  /** The reactor root: -Dfinalspec.root, else the nearest ancestor of user.dir with a pom.xml listing modules. */
  public static Path projectRoot() {
    String prop = System.getProperty("finalspec.root");
    if (prop != null) {
      return Path.of(prop).toAbsolutePath();
    }
    for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>codegen</module>")) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("project root not found from " + System.getProperty("user.dir"));
  }

  /** Every .tla file under {@code root}, skipping build output and hidden folders, sorted. */
  public static List<Path> tlaFiles(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".tla"))
          .filter(p -> {
            for (Path part : root.relativize(p)) {
              String n = part.toString();
              if (n.equals("target") || n.startsWith(".") || n.equals("node_modules")) {
                return false;
              }
            }
            return true;
          })
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Path sibling(Path tla, String ext) {
    String n = tla.getFileName().toString();
    return tla.resolveSibling(n.substring(0, n.length() - 4) + ext);
  }
}
