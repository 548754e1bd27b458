package io.finalspec.codegen.config;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Tokens of a .cfg file: identifiers/keywords, numbers, strings and punctuation; comments skipped. */
final class CfgLexer {
  enum Kind { WORD, NUMBER, STRING, PUNCT, EOF }

  record Tok(Kind kind, String text, Span span) {}

  private final String file;
  private final String text;
  private int pos = 0;
  private int line = 1;
  private int col = 1;
  final List<Diagnostic> errors = new ArrayList<>();

  CfgLexer(String file, String text) {
    this.file = file;
    this.text = text;
  }

  private char peek(int k) {
    return pos + k < text.length() ? text.charAt(pos + k) : '\0';
  }

  private void advance() {
    if (text.charAt(pos) == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    pos++;
  }

  List<Tok> tokens() {
    List<Tok> out = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (!errors.isEmpty()) {
        return out;
      }
      int l = line;
      int c = col;
      if (pos >= text.length()) {
        out.add(new Tok(Kind.EOF, "end of file", Span.point(file, l, c)));
        return out;
      }
      char ch = peek(0);
      StringBuilder sb = new StringBuilder();
      Kind kind;
      if (Character.isLetterOrDigit(ch) || ch == '_') {
        boolean letter = false;
        while (pos < text.length() && (Character.isLetterOrDigit(peek(0)) || peek(0) == '_')) {
          letter |= !Character.isDigit(peek(0));
          sb.append(peek(0));
          advance();
        }
        kind = letter ? Kind.WORD : Kind.NUMBER;
      } else if (ch == '"') {
        advance();
        while (true) {
          if (pos >= text.length() || peek(0) == '\n') {
            errors.add(new Diagnostic(Span.point(file, l, c), "config", "unterminated string"));
            return out;
          }
          char d = peek(0);
          advance();
          if (d == '"') {
            break;
          }
          if (d == '\\' && pos < text.length()) {
            char e = peek(0);
            advance();
            sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else {
            sb.append(d);
          }
        }
        kind = Kind.STRING;
      } else {
        String two = "" + ch + peek(1);
        if (two.equals("<-") || two.equals("<<") || two.equals(">>")) {
          sb.append(two);
          advance();
          advance();
        } else if ("={}[],-".indexOf(ch) >= 0) {
          sb.append(ch);
          advance();
        } else {
          errors.add(new Diagnostic(Span.point(file, l, c), "config", "unexpected character '" + ch + "'"));
          return out;
        }
        kind = Kind.PUNCT;
      }
      out.add(new Tok(kind, sb.toString(), new Span(file, l, c, line, col)));
    }
  }

  private void skipBlanks() {
    while (pos < text.length()) {
      char ch = peek(0);
      if (Character.isWhitespace(ch)) {
        advance();
      } else if (ch == '\\' && peek(1) == '*') {
        while (pos < text.length() && peek(0) != '\n') {
          advance();
        }
      } else if (ch == '(' && peek(1) == '*') {
        int l = line;
        int c = col;
        int depth = 0;
        do {
          if (pos >= text.length()) {
            errors.add(new Diagnostic(Span.point(file, l, c), "config", "unterminated comment"));
            return;
          }
          if (peek(0) == '(' && peek(1) == '*') {
            depth++;
            advance();
          } else if (peek(0) == '*' && peek(1) == ')') {
            depth--;
            advance();
          }
          advance();
        } while (depth > 0);
      } else if (ch == '-' && text.startsWith("----", pos) || ch == '=' && text.startsWith("====", pos)) {
        // module-style separator lines sometimes found in configs
        while (pos < text.length() && (peek(0) == '-' || peek(0) == '=')) {
          advance();
        }
      } else {
        return;
      }
    }
  }
}
