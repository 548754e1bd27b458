package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.ir.ActionPlan;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.lower.Lowering;
import io.finalspec.codegen.resolve.ResolveResult;
import io.finalspec.codegen.resolve.Resolver;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue 14: every action of every spec cites the CPython code it follows, on a comment line
 * right above its definition: {@code \* CPython FROM-TO: function ... (Dir/file.c)}, where TO is a
 * version or {@code main}. The actions are the leaves of the code generator's plan of Next (the
 * labels TLC and the machines give steps; front end only, no Java is compiled), so an action added
 * without a citation fails here.
 */
class SpecCitationTest {

  /** {@code \* CPython 3.9-3.13: text}; the text must name a source file in parentheses. */
  private static final Pattern CITATION =
      Pattern.compile("^\\\\\\* CPython (\\d+\\.\\d+(?:\\.\\d+)?)-(\\d+\\.\\d+(?:\\.\\d+)?|main): (.+)$");
  private static final Pattern SOURCE_FILE =
      Pattern.compile("\\(.*\\b(?:Python|Modules|Lib|Objects|Include)/[\\w/]+\\.(?:c|h|py)\\b.*\\)");

  @TestFactory
  Stream<DynamicTest> everyActionOfEverySpecCitesItsCPythonSource() {
    return oneModelPerSpec().entrySet().stream().map(e -> DynamicTest.dynamicTest(
        e.getKey().getFileName().toString(), () -> {
          List<String> actions = actionNames(e.getKey(), e.getValue());
          assertFalse(actions.isEmpty(), "no actions");
          assertEquals(List.of(), problems(Files.readString(e.getKey()), actions),
              e.getKey().getFileName() + ": actions without a CPython citation line");
        }));
  }

  @Test
  void aMissingOrRangelessCitationIsReported() {
    String spec = String.join("\n",
        "\\* CPython 3.9-main: take_gil (Python/ceval_gil.c)",
        "Cited(t) == x' = t",
        "\\* CPython 3.12: one version, no range (Python/pystate.c)",
        "NoRange == x' = 1",
        "\\* take_gil, but no CPython header",
        "Uncited == x' = 2",
        "\\* CPython 3.13-3.9: backwards (Python/pystate.c)",
        "Backwards == x' = 3",
        "\\* CPython 3.9-3.13: no file named",
        "NoFile == x' = 4");
    assertEquals(List.of("NoRange: no citation line", "Uncited: no citation line",
        "Backwards: range 3.13-3.9 is empty", "NoFile: no source file in parentheses",
        "Gone: no definition"),
        problems(spec, List.of("Cited", "NoRange", "Uncited", "Backwards", "NoFile", "Gone")));
  }

  /** What is wrong with the citations of {@code actions} in the spec text; empty when all is well. */
  static List<String> problems(String specText, List<String> actions) {
    String[] lines = specText.split("\n", -1);
    List<String> out = new ArrayList<>();
    for (String action : actions) {
      String name = action.contains("!") ? action.substring(action.lastIndexOf('!') + 1) : action;
      int def = definitionLine(lines, name);
      if (def < 0) {
        out.add(action + ": no definition");
        continue;
      }
      String problem = citationProblem(lines, def);
      if (problem != null) {
        out.add(action + ": " + problem);
      }
    }
    return out;
  }

  private static int definitionLine(String[] lines, String name) {
    Pattern def = Pattern.compile("^" + Pattern.quote(name) + "(\\([^)]*\\))?\\s*==");
    for (int i = 0; i < lines.length; i++) {
      if (def.matcher(lines[i]).find()) {
        return i;
      }
    }
    return -1;
  }

  /** The comment lines right above the definition must hold one valid citation. */
  private static String citationProblem(String[] lines, int def) {
    for (int i = def - 1; i >= 0 && lines[i].startsWith("\\*"); i--) {
      Matcher m = CITATION.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      if (!m.group(2).equals("main") && compare(m.group(1), m.group(2)) > 0) {
        return "range " + m.group(1) + "-" + m.group(2) + " is empty";
      }
      if (!SOURCE_FILE.matcher(m.group(3)).find()) {
        return "no source file in parentheses";
      }
      return null;
    }
    return "no citation line";
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** The action labels of the spec's Next under this config, as the generated machine has them. */
  private static List<String> actionNames(Path spec, Path config) throws java.io.IOException {
    ResolveResult resolved = Resolver.resolveFile(spec);
    assertEquals(List.of(), resolved.diagnostics(), "resolve " + spec);
    ConfigResult cfg = ConfigParser.parseString(config.getFileName().toString(), Files.readString(config));
    assertEquals(List.of(), cfg.diagnostics(), "config " + config);
    List<Diagnostic> diagnostics = new ArrayList<>();
    MachineIr ir = Lowering.lower(spec, resolved.program(), cfg.config(), diagnostics);
    assertEquals(List.of(), diagnostics, "lower " + spec);
    Set<String> out = new LinkedHashSet<>();
    leaves(ir.next(), out);
    return List.copyOf(out);
  }

  private static void leaves(ActionPlan plan, Set<String> out) {
    if (plan instanceof ActionPlan.Choice c) {
      c.alternatives().forEach(a -> leaves(a, out));
    } else if (plan instanceof ActionPlan.Expand x) {
      leaves(x.body(), out);
    } else if (plan instanceof ActionPlan.Enter n) {
      leaves(n.body(), out);
    } else if (plan instanceof ActionPlan.Leaf l) {
      out.add(l.label());
    }
  }

  /** Each spec of the manifest with the config of its first default-tier model. */
  private static Map<Path, Path> oneModelPerSpec() {
    Map<Path, Path> out = new LinkedHashMap<>();
    for (ExploreCase c : ExploreCases.models()) {
      out.putIfAbsent(c.spec(), c.config());
    }
    return out;
  }
}
