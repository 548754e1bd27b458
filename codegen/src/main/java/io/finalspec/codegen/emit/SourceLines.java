package io.finalspec.codegen.emit;

import io.finalspec.codegen.ast.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The spec's source lines, to quote them in comments of the generated code. */
public final class SourceLines {
  private final Map<String, List<String>> files = new HashMap<>();
  /** Each file's lines joined by '\n' and where each line starts in that text (computed once: text() is called per conjunct). */
  private final Map<String, String> joined = new HashMap<>();
  private final Map<String, int[]> lineStarts = new HashMap<>();

  public static SourceLines none() {
    return new SourceLines();
  }

  public SourceLines add(String fileName, String text) {
    List<String> lines = List.of(text.split("\r?\n", -1));
    files.put(fileName, lines);
    joined.put(fileName, String.join("\n", lines));
    int[] starts = new int[lines.size()];
    for (int l = 1; l < starts.length; l++) {
      starts[l] = starts[l - 1] + lines.get(l - 1).length() + 1;
    }
    lineStarts.put(fileName, starts);
    return this;
  }

  /** The trimmed text of the span's first line (at most 90 characters), or "". */
  String line(Span span) {
    List<String> lines = files.get(span.file());
    if (lines == null || span.line() > lines.size()) {
      return "";
    }
    String t = lines.get(span.line() - 1).strip();
    return t.length() > 90 ? t.substring(0, 87) + "..." : t;
  }

  /**
   * The spec text of {@code span}, whitespace collapsed (at most 120 characters), to name a
   * property conjunct or a fairness condition in messages; the span's position when the source is
   * not known. Parentheses leave no node in the tree, so an operand's span may stop inside a pair
   * ({@code (P) ~> Q} starts at P): the text is widened over such parentheses until they balance.
   */
  String text(Span span) {
    List<String> lines = files.get(span.file());
    if (lines == null || span.endLine() > lines.size() || span.line() > span.endLine()) {
      return span.where();
    }
    String all = joined.get(span.file());
    int[] starts = lineStarts.get(span.file());
    int from = offset(lines, starts, span.line(), span.column());
    int to = Math.max(from, offset(lines, starts, span.endLine(), span.endColumn()));
    int[] open = unbalanced(all, from, to);
    while (open[1] > 0) {   // a ')' without its '(': take the '(' before the span
      int b = skipBack(all, from);
      if (b < 0 || all.charAt(b) != '(') {
        break;
      }
      from = b;
      open[1]--;
    }
    while (open[0] > 0) {   // a '(' without its ')': take the ')' after the span
      int a = skipForward(all, to);
      if (a >= all.length() || all.charAt(a) != ')') {
        break;
      }
      to = a + 1;
      open[0]--;
    }
    String t = all.substring(from, to).replaceAll("\\s+", " ").strip();
    if (t.isEmpty()) {
      return span.where();
    }
    return t.length() > 120 ? t.substring(0, 117) + "..." : t;
  }

  private static int offset(List<String> lines, int[] starts, int line, int column) {
    return starts[line - 1] + Math.min(lines.get(line - 1).length(), column - 1);
  }

  /** {unclosed '(', unopened ')'} in text[from, to), strings skipped. */
  private static int[] unbalanced(String text, int from, int to) {
    int opened = 0;
    int unopened = 0;
    boolean inString = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        opened++;
      } else if (c == ')') {
        if (opened > 0) {
          opened--;
        } else {
          unopened++;
        }
      }
    }
    return new int[] {opened, unopened};
  }

  private static int skipBack(String text, int from) {
    int i = from - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i;
  }

  private static int skipForward(String text, int to) {
    int i = to;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
