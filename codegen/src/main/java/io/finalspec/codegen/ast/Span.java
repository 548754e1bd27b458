package io.finalspec.codegen.ast;

/**
 * A source region: file name, 1-based line and column of the first character, and the 1-based
 * line and column just after the last character. Every AST node carries one as its first component.
 */
public record Span(String file, int line, int column, int endLine, int endColumn) {
  public Span {
    if (file == null) {
      throw new IllegalArgumentException("file == null");
    }
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  public static Span point(String file, int line, int column) {
    return new Span(file, line, column, line, column);
  }

  /** From the first character of {@code a} to the end of {@code b}. */
  public static Span union(Span a, Span b) {
    return new Span(a.file, a.line, a.column, b.endLine, b.endColumn);
  }

  /** The {@code File.tla:12:7} prefix used in messages. */
  public String where() {
    return file + ":" + line + ":" + column;
  }
}
