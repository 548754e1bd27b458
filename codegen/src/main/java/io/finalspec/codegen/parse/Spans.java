package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** The one place where ANTLR's 0-based columns become 1-based {@link Span}s. */
final class Spans {
  private final String file;

  Spans(String file) {
    this.file = file;
  }

  /** A point from ANTLR's 1-based line and 0-based column. */
  Span point(int line, int charPositionInLine) {
    return Span.point(file, Math.max(1, line), charPositionInLine + 1);
  }

  Span of(Token t) {
    return new Span(file, Math.max(1, t.getLine()), t.getCharPositionInLine() + 1,
        Math.max(1, t.getLine()), t.getCharPositionInLine() + 1 + length(t));
  }

  Span of(ParserRuleContext ctx) {
    return between(ctx.getStart(), ctx.getStop() == null ? ctx.getStart() : ctx.getStop());
  }

  Span between(Token start, Token stop) {
    Span a = of(start);
    Span b = of(stop);
    if (b.line() < a.line() || (b.line() == a.line() && b.endColumn() < a.column())) {
      return a;
    }
    return Span.union(a, b);
  }

  private static int length(Token t) {
    if (t.getType() == Token.EOF || t.getText() == null) {
      return 0;
    }
    String s = t.getText();
    if (s.indexOf('\n') >= 0) {
      return 0;
    }
    // the source's extent, not the text: the lexer base renames ℕ to Nat
    int extent = t.getStopIndex() - t.getStartIndex() + 1;
    return extent >= 0 && t.getStartIndex() >= 0 ? extent : s.codePointCount(0, s.length());
  }
}
