package io.finalspec.codegen.ast;

import java.util.HashMap;
import java.util.Map;

/**
 * Canonical operator names and the precedence table SANY 1.1.0 uses (its built-in configuration,
 * in tenths: 100 130 is 10-13 here). It is the table of Specifying Systems (section 15.2) except
 * for {@code SUBSET}, {@code UNION} and {@code DOMAIN}, which SANY ranks 10-13 where the book says
 * 8 and 9: SANY reads {@code SUBSET 0..1} as {@code (SUBSET 0)..1} and rejects
 * {@code SUBSET a + b} as a precedence conflict, and TLC checks what SANY parsed. Synonyms ({@code \land}, {@code ∧}, {@code #}, {@code =<}, ...) map to one
 * canonical spelling, which is what {@link Expr.Apply#op()} holds. Prefix minus is {@code -.}.
 */
public final class Operators {
  private Operators() {}

  /** A precedence range (low..high) and whether the operator is left-associative. */
  public record Prec(int low, int high, boolean leftAssoc) {}

  private static final Map<String, String> CANONICAL = new HashMap<>();
  private static final Map<String, Prec> INFIX = new HashMap<>();
  private static final Map<String, Prec> PREFIX = new HashMap<>();
  private static final Map<String, Prec> POSTFIX = new HashMap<>();

  private static void syn(String canonical, String... spellings) {
    CANONICAL.put(canonical, canonical);
    for (String s : spellings) {
      CANONICAL.put(s, canonical);
    }
  }

  private static void infix(int lo, int hi, boolean left, String... ops) {
    for (String op : ops) {
      INFIX.put(op, new Prec(lo, hi, left));
    }
  }

  static {
    syn("/\\", "\\land", "\u2227");
    syn("\\/", "\\lor", "\u2228");
    syn("~", "\\lnot", "\\neg", "\u00ac");
    syn("/=", "#", "\u2260");
    syn("<=", "=<", "\\leq", "\u2264");
    syn(">=", "\\geq", "\u2265");
    syn("\\circ", "\\o", "\u2218");
    syn("\\cup", "\\union", "\u222a");
    syn("\\cap", "\\intersect", "\u2229");
    syn("<=>", "\\equiv", "\u2261", "\u21d4");
    syn("\\X", "\\times", "\u00d7");
    syn("=>", "\u21d2");
    syn("\\in", "\u2208");
    syn("\\notin", "\u2209");
    syn("\\subseteq", "\u2286");
    syn("\\subset", "\u2282");
    syn("\\supseteq", "\u2287");
    syn("\\supset", "\u2283");
    syn("[]", "\u25a1");
    syn("<>", "\u25c7", "\u22c4");
    syn("~>", "\u219d");
    syn("-+->", "\u21f8");
    syn("==", "\u225c");
    syn("(+)", "\\oplus", "\u2295");
    syn("(-)", "\\ominus", "\u2296");
    syn("(\\X)", "\\otimes", "\u2297");
    syn("(/)", "\\oslash", "\u2298");
    syn("(.)", "\\odot", "\u2299");
    syn("\\", "\u2216");
    syn("\\div", "\u00f7");
    syn("\\approx", "\u2248");
    syn("\\asymp", "\u224d");
    syn("\\bigcirc", "\u25cb", "\u25ef");
    syn("\\bullet", "\u2219", "\u25cf");
    syn("\\cdot", "\u22c5");
    syn("\\cong", "\u2245");
    syn("\\doteq", "\u2250");
    syn("\\gg", "\u226b");
    syn("\\ll", "\u226a");
    syn("\\prec", "\u227a");
    syn("\\preceq", "\u2aaf");
    syn("\\propto", "\u221d");
    syn("\\sim", "\u223c");
    syn("\\simeq", "\u2243");
    syn("\\sqcap", "\u2293");
    syn("\\sqcup", "\u2294");
    syn("\\sqsubset", "\u228f");
    syn("\\sqsupset", "\u2290");
    syn("\\sqsubseteq", "\u2291");
    syn("\\sqsupseteq", "\u2292");
    syn("\\star", "\u22c6");
    syn("\\succ", "\u227b");
    syn("\\succeq", "\u2ab0");
    syn("\\uplus", "\u228e");
    syn("\\wr", "\u2240");
    syn("|-", "\u22a2");
    syn("|=", "\u22a8");
    syn("-|", "\u22a3");
    syn("=|", "\u2ae4");
    syn(":=", "\u2254");
    syn("::=", "\u2a74");
    syn("..", "\u2025");
    syn("...", "\u2026");
    syn("||", "\u2016");
    syn("!!", "\u203c");
    syn("??", "\u2047");
    syn("^+", "\u207a");
    syn("'", "\u2032");

    infix(1, 1, false, "=>");
    infix(2, 2, false, "<=>", "~>", "-+->");
    infix(3, 3, true, "/\\", "\\/");
    infix(5, 5, false, "=", "/=", "<", ">", "<=", ">=", "\\in", "\\notin", "\\subseteq", "\\subset",
        "\\supseteq", "\\supset", "\\sqsubset", "\\sqsupset", "\\sqsubseteq", "\\sqsupseteq", "\\prec",
        "\\succ", "\\preceq", "\\succeq", "\\approx", "\\asymp", "\\cong", "\\doteq", "\\gg", "\\ll",
        "\\propto", "\\sim", "\\simeq", "-|", "|-", "|=", "=|", "::=", ":=", "?");
    infix(6, 6, true, "@@");
    infix(7, 7, false, ":>", "<:");
    infix(8, 8, false, "\\");
    infix(8, 8, true, "\\cup", "\\cap");
    infix(9, 9, false, "..", "...");
    infix(9, 13, true, "$", "$$", "??", "##", "\\sqcap", "\\sqcup", "\\uplus");
    infix(9, 13, false, "!!");
    infix(9, 14, false, "\\wr");
    infix(10, 10, true, "+", "++", "(+)");
    infix(10, 11, false, "%");
    infix(10, 11, true, "%%", "|", "||");
    infix(10, 13, true, "\\X");
    infix(11, 11, true, "-", "--", "(-)");
    infix(13, 13, true, "*", "**", "&", "&&", "(.)", "(\\X)", "\\bigcirc", "\\bullet", "\\circ", "\\star");
    infix(13, 13, false, "/", "//", "(/)", "\\div");
    infix(5, 14, true, "\\cdot");
    infix(14, 14, false, "^", "^^");

    PREFIX.put("~", new Prec(4, 4, false));
    PREFIX.put("[]", new Prec(4, 15, false));
    PREFIX.put("<>", new Prec(4, 15, false));
    PREFIX.put("ENABLED", new Prec(4, 15, false));
    PREFIX.put("UNCHANGED", new Prec(4, 15, false));
    PREFIX.put("SUBSET", new Prec(10, 13, false));
    PREFIX.put("UNION", new Prec(10, 13, false));
    PREFIX.put("DOMAIN", new Prec(10, 13, false));
    PREFIX.put("-.", new Prec(12, 12, false));

    POSTFIX.put("'", new Prec(15, 15, false));
    POSTFIX.put("^+", new Prec(15, 15, false));
    POSTFIX.put("^*", new Prec(15, 15, false));
    POSTFIX.put("^#", new Prec(15, 15, false));
  }

  /** The canonical spelling of an operator symbol or backslash word (itself if it has no synonym). */
  public static String canonical(String spelling) {
    return CANONICAL.getOrDefault(spelling, spelling);
  }

  public static Prec infix(String canonical) {
    return INFIX.get(canonical);
  }

  public static Prec prefix(String canonical) {
    return PREFIX.get(canonical);
  }

  public static Prec postfix(String canonical) {
    return POSTFIX.get(canonical);
  }

  public static boolean isInfix(String canonical) {
    return INFIX.containsKey(canonical);
  }

  public static boolean isPrefix(String canonical) {
    return PREFIX.containsKey(canonical);
  }

  public static boolean isPostfix(String canonical) {
    return POSTFIX.containsKey(canonical);
  }
}
