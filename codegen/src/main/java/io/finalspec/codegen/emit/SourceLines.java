package io.finalspec.codegen.emit;

import io.finalspec.codegen.ast.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The spec's source lines, to quote them in comments of the generated code. */
public final class SourceLines {
  private final Map<String, List<String>> files = new HashMap<>();

  public static SourceLines none() {
    return new SourceLines();
  }

  public SourceLines add(String fileName, String text) {
    files.put(fileName, List.of(text.split("\r?\n", -1)));
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
}
