package io.finalspec.codegen.lower;

import java.util.ArrayList;
import java.util.List;

/**
 * The token images SANY's lexer interns, in source order, for one module text; and the contents of
 * its string literals. TLC orders strings by the moment each was first interned (see
 * {@link NameOrder}), and SANY interns the image of every token it reads: keywords, identifiers,
 * numbers, operator symbols, string literals, the header {@code ---- MODULE} as
 * one image and the dash and equals rules as written. Comments and text outside the module are not
 * tokens.
 */
public final class SanyTokens {
  /** Operator symbols, longest first so that scanning takes the longest match as SANY's lexer does. */
  private static final String[] SYMBOLS = {
    "(\\X)", "-+->", "<=>", "...", "::=", "|->", ">>_", "(+)", "(-)", "(.)", "(/)", "=>", "==", "=<", "<=", ">=",
    "/=", "/\\", "\\/", "~>", "[]", "<>", "<<", ">>", "->", "<-", "..", "::", ":=", ":>", "<:", "@@", "!!",
    "##", "$$", "??", "%%", "&&", "++", "--", "**", "//", "^^", "^+", "^*", "^#", "|-", "|=", "-|", "=|", "||",
    "]_", "(", ")", "[", "]", "{", "}", ",", ":", ".", "!", "=", "<", ">", "+", "-", "*", "/", "^", "~", "@",
    "#", "$", "%", "&", "|", "'", "?", ";"
  };

  private final List<String> images = new ArrayList<>();
  private final List<String> literals = new ArrayList<>();

  private SanyTokens() {}

  /** Scans one module (the first module in {@code text}; text before its header is not read). */
  public static SanyTokens scan(String text) {
    SanyTokens t = new SanyTokens();
    t.run(text);
    return t;
  }

  /** Every token image, in source order (repeats included). */
  public List<String> images() {
    return images;
  }

  /** The contents of the string literals (escapes resolved), in source order. */
  public List<String> literals() {
    return literals;
  }

  /** The modules named after {@code EXTENDS}, in order. */
  public List<String> extended() {
    return extended(images);
  }

  /** The modules named after {@code INSTANCE}, in source order. */
  public List<String> instantiated() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < images.size(); i++) {
      if (images.get(i).equals("INSTANCE") && !out.contains(images.get(i + 1))) {
        out.add(images.get(i + 1));
      }
    }
    return out;
  }

  private void run(String text) {
    int i = header(text);
    if (i < 0) {
      return;
    }
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (text.startsWith("\\*", i)) {
        i = lineEnd(text, i);
      } else if (text.startsWith("(*", i)) {
        i = commentEnd(text, i);
      } else if (text.startsWith("====", i)) {
        images.add(run(text, i, '='));
        return;
      } else if (text.startsWith("----", i)) {
        String rule = run(text, i, '-');
        images.add(rule);
        i += rule.length();
      } else if (c == '"') {
        i = string(text, i);
      } else if (isWordChar(c)) {
        i = word(text, i);
      } else if (c == '\\' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
        int s = i++;
        while (i < n && Character.isLetter(text.charAt(i))) {
          i++;
        }
        images.add(text.substring(s, i));
      } else {
        i = symbol(text, i);
      }
    }
  }

  /** Finds {@code ----+ MODULE}, adds its image; returns the offset after it, or -1. */
  private int header(String text) {
    int from = 0;
    while (true) {
      int d = text.indexOf("----", from);
      if (d < 0) {
        return -1;
      }
      int j = d;
      while (j < text.length() && text.charAt(j) == '-') {
        j++;
      }
      while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
        j++;
      }
      if (text.startsWith("MODULE", j)) {
        images.add(text.substring(d, j + 6));
        return j + 6;
      }
      from = j;
    }
  }

  private int word(String text, int i) {
    int s = i;
    while (i < text.length() && isWordChar(text.charAt(i))) {
      i++;
    }
    String w = text.substring(s, i);
    // WF_vars and SF_vars are the tokens WF_ / SF_ followed by the subscript
    if ((w.startsWith("WF_") || w.startsWith("SF_")) && w.length() > 3) {
      images.add(w.substring(0, 3));
      return s + 3;
    }
    images.add(w);
    return i;
  }

  private static List<String> extended(List<String> images) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < images.size(); i++) {
      if (images.get(i).equals("EXTENDS")) {
        int j = i + 1;
        out.add(images.get(j));
        while (j + 2 < images.size() && images.get(j + 1).equals(",")) {
          j += 2;
          out.add(images.get(j));
        }
      }
    }
    return out;
  }

  private int string(String text, int i) {
    int s = i++;
    StringBuilder sb = new StringBuilder();
    while (i < text.length() && text.charAt(i) != '"') {
      char d = text.charAt(i);
      if (d == '\\' && i + 1 < text.length()) {
        char e = text.charAt(++i);
        sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'f' ? '\f' : e);
      } else {
        sb.append(d);
      }
      i++;
    }
    i = Math.min(i + 1, text.length());
    // SANY interns the string token as written, then its contents in quotes with escapes resolved
    images.add(text.substring(s, i));
    images.add('"' + sb.toString() + '"');
    literals.add(sb.toString());
    return i;
  }

  private int symbol(String text, int i) {
    for (String sym : SYMBOLS) {
      if (text.startsWith(sym, i)) {
        images.add(sym);
        return i + sym.length();
      }
    }
    images.add(String.valueOf(text.charAt(i)));
    return i + 1;
  }

  private static String run(String text, int i, char c) {
    int j = i;
    while (j < text.length() && text.charAt(j) == c) {
      j++;
    }
    return text.substring(i, j);
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static int lineEnd(String text, int i) {
    while (i < text.length() && text.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  private static int commentEnd(String text, int i) {
    int depth = 0;
    while (i < text.length()) {
      if (text.startsWith("(*", i)) {
        depth++;
        i += 2;
      } else if (text.startsWith("*)", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return i;
  }
}
