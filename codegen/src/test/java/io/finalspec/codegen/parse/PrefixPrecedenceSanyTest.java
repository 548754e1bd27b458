package io.finalspec.codegen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prefix operators against SANY 1.1.0, which ranks SUBSET, UNION and DOMAIN 10-13 (not 8 and 9 as
 * in Specifying Systems): every prefix operator before every kind of infix and postfix operator,
 * and minus after infix operators. Expressions we accept are parsed by SANY in one module and must
 * give the same trees; each expression we reject must be rejected by SANY too.
 */
class PrefixPrecedenceSanyTest {

  private static final String[] PREFIXES = {"SUBSET", "UNION", "DOMAIN", "ENABLED", "UNCHANGED", "[]", "<>", "~", "-"};
  private static final String[] INFIXES = {"..", "+", "-", "*", "^", "\\cup", "\\", "\\X", "=", "\\in", "/\\", "\\/",
      "=>", "~>", "\\o", "@@", ":>", "%", "<=>", "\\cdot", "\\wr", "$", "|"};

  static List<String> cases() {
    List<String> cases = new ArrayList<>();
    for (String p : PREFIXES) {
      for (String i : INFIXES) {
        cases.add(p + " a " + i + " b");
      }
      for (String post : new String[] {"a'", "a^+", "a[1]'", "a'[1]", "a[1]"}) {
        cases.add(p + " " + post);
      }
      cases.add("~ " + p + " a \\cup b");
      cases.add(p + " ~ a \\cup b");
      cases.add(p + " - a .. b");
      cases.add("a + " + p + " b * c");
      cases.add("a ^ " + p + " b");
      cases.add("a \\cup " + p + " b .. c");
    }
    for (String i : INFIXES) {
      cases.add("a " + i + " -b");
    }
    return cases;
  }

  @Test
  void prefixOperatorsParseAsInSany(@TempDir Path dir) throws IOException {
    List<String> accepted = new ArrayList<>();
    int n = 0;
    for (String e : cases()) {
      Path file = module(dir, "R" + n++, List.of(e));
      if (Frontend.parseFile(file).ok()) {
        accepted.add(e);
      } else {
        String[] error = new String[1];
        assertNull(SanyShape.shape(file, error), () -> "we reject what SANY accepts: " + e);
      }
    }
    Path all = module(dir, "Accepted", accepted);
    String[] error = new String[1];
    List<String> sany = SanyShape.shape(all, error);
    if (sany == null) {
      for (String e : accepted) { // find the one SANY rejects
        Path one = module(dir, "One" + n++, List.of(e));
        assertNotNull(SanyShape.shape(one, error), () -> "we accept what SANY rejects: " + e + "\n" + error[0]);
      }
    }
    List<String> ours = AstShape.shape(Frontend.parseFile(all).module());
    for (int k = 0; k < accepted.size(); k++) {
      int i = k;
      assertEquals(sany.get(i), ours.get(i), () -> "different tree for " + accepted.get(i));
    }
    assertEquals(sany.size(), ours.size());
  }

  private static Path module(Path dir, String name, List<String> exprs) throws IOException {
    StringBuilder text = new StringBuilder("---- MODULE " + name + " ----\nVARIABLES a, b, c\n");
    for (int i = 0; i < exprs.size(); i++) {
      text.append("E").append(i).append(" == ").append(exprs.get(i)).append('\n');
    }
    Path file = dir.resolve(name + ".tla");
    Files.writeString(file, text.append("====\n").toString());
    return file;
  }
}
