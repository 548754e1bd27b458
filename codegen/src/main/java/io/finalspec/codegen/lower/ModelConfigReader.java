package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.lower.ModelConfig.CfgValue;
import java.util.ArrayList;
import java.util.List;

/** Reads TLC's .cfg syntax: keywords, constant assignments and overrides, comments. */
public final class ModelConfigReader {
  private final String file;
  private final String text;
  private final List<Diagnostic> diagnostics;
  private int pos;
  private int line = 1;
  private int col = 1;

  private record Tok(String text, Kind kind, Span span) {}

  private enum Kind { WORD, NUM, STR, SYM, EOF }

  private ModelConfigReader(String file, String text, List<Diagnostic> diagnostics) {
    this.file = file;
    this.text = text;
    this.diagnostics = diagnostics;
  }

  /** Parses {@code text}; errors go to {@code diagnostics} (code {@code config}). */
  public static ModelConfig read(String file, String text, List<Diagnostic> diagnostics) {
    return new ModelConfigReader(file, text, diagnostics).config();
  }

  private static final List<String> KEYWORDS = List.of("CONSTANT", "CONSTANTS", "INIT", "NEXT",
      "SPECIFICATION", "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CONSTRAINT", "CONSTRAINTS",
      "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "VIEW", "SYMMETRY", "CHECK_DEADLOCK", "ALIAS",
      "POSTCONDITION");

  private ModelConfig config() {
    List<ModelConfig.ConstantValue> constants = new ArrayList<>();
    List<ModelConfig.Override> overrides = new ArrayList<>();
    List<ModelConfig.Named> invariants = new ArrayList<>();
    List<ModelConfig.Named> properties = new ArrayList<>();
    List<ModelConfig.Named> constraints = new ArrayList<>();
    List<ModelConfig.Named> actionConstraints = new ArrayList<>();
    String init = null;
    String next = null;
    String spec = null;
    String view = null;
    String symmetry = null;
    Boolean deadlock = null;
    List<Tok> toks = tokens();
    int i = 0;
    while (i < toks.size() && toks.get(i).kind != Kind.EOF) {
      Tok kw = toks.get(i++);
      if (kw.kind != Kind.WORD || !KEYWORDS.contains(kw.text)) {
        error(kw.span, "unexpected '" + kw.text + "' in model config");
        return null;
      }
      switch (kw.text) {
        case "CONSTANT":
        case "CONSTANTS":
          while (i + 1 < toks.size() && toks.get(i).kind == Kind.WORD && !KEYWORDS.contains(toks.get(i).text)) {
            Tok name = toks.get(i++);
            Tok op = toks.get(i++);
            if (op.text.equals("<-")) {
              Tok def = toks.get(i++);
              if (def.kind != Kind.WORD) {
                error(def.span, "expected an operator name after '<-'");
                return null;
              }
              overrides.add(new ModelConfig.Override(name.span, name.text, def.text));
            } else if (op.text.equals("=")) {
              int[] at = {i};
              CfgValue v = value(toks, at);
              if (v == null) {
                return null;
              }
              i = at[0];
              constants.add(new ModelConfig.ConstantValue(name.span, name.text, v));
            } else {
              error(op.span, "expected '=' or '<-' after constant " + name.text);
              return null;
            }
          }
          break;
        case "CHECK_DEADLOCK": {
          Tok v = toks.get(i++);
          deadlock = v.text.equals("TRUE");
          break;
        }
        default: {
          List<ModelConfig.Named> names = new ArrayList<>();
          while (i < toks.size() && toks.get(i).kind == Kind.WORD && !KEYWORDS.contains(toks.get(i).text)) {
            Tok n = toks.get(i++);
            names.add(new ModelConfig.Named(n.span, n.text));
          }
          if (names.isEmpty()) {
            error(kw.span, kw.text + " needs a name");
            return null;
          }
          String first = names.get(0).name();
          switch (kw.text) {
            case "INIT": init = first; break;
            case "NEXT": next = first; break;
            case "SPECIFICATION": spec = first; break;
            case "VIEW": view = first; break;
            case "SYMMETRY": symmetry = first; break;
            case "INVARIANT": case "INVARIANTS": invariants.addAll(names); break;
            case "PROPERTY": case "PROPERTIES": properties.addAll(names); break;
            case "CONSTRAINT": case "CONSTRAINTS": constraints.addAll(names); break;
            case "ACTION_CONSTRAINT": case "ACTION_CONSTRAINTS": actionConstraints.addAll(names); break;
            default: break; // ALIAS, POSTCONDITION: not part of exploration
          }
        }
      }
    }
    return new ModelConfig(file, constants, overrides, init, next, spec, invariants, properties, constraints,
        actionConstraints, view, symmetry, deadlock);
  }

  private CfgValue value(List<Tok> toks, int[] at) {
    Tok t = toks.get(at[0]++);
    switch (t.kind) {
      case NUM:
        return new ModelConfig.IntVal(t.text);
      case STR:
        return new ModelConfig.StrVal(t.text);
      case WORD:
        if (KEYWORDS.contains(t.text)) {
          break;
        }
        if (t.text.equals("TRUE") || t.text.equals("FALSE")) {
          return new ModelConfig.BoolVal(t.text.equals("TRUE"));
        }
        return new ModelConfig.ModelVal(t.text);
      case SYM:
        if (t.text.equals("-") && toks.get(at[0]).kind == Kind.NUM) {
          return new ModelConfig.IntVal("-" + toks.get(at[0]++).text);
        }
        if (t.text.equals("{") || t.text.equals("<<")) {
          String close = t.text.equals("{") ? "}" : ">>";
          List<CfgValue> elems = new ArrayList<>();
          if (toks.get(at[0]).text.equals(close)) {
            at[0]++;
          } else {
            while (true) {
              CfgValue v = value(toks, at);
              if (v == null) {
                return null;
              }
              elems.add(v);
              Tok sep = toks.get(at[0]++);
              if (sep.text.equals(close)) {
                break;
              }
              if (!sep.text.equals(",")) {
                error(sep.span, "expected ',' or '" + close + "'");
                return null;
              }
            }
          }
          return close.equals("}") ? new ModelConfig.SetVal(elems) : new ModelConfig.TupleVal(elems);
        }
        break;
      default:
        break;
    }
    error(t.span, "unexpected '" + t.text + "' in a constant value");
    return null;
  }

  private void error(Span span, String message) {
    diagnostics.add(new Diagnostic(span, "config", message));
  }

  private List<Tok> tokens() {
    List<Tok> out = new ArrayList<>();
    while (true) {
      skipBlank();
      if (pos >= text.length()) {
        out.add(new Tok("<end>", Kind.EOF, Span.point(file, line, col)));
        out.add(new Tok("<end>", Kind.EOF, Span.point(file, line, col)));
        return out;
      }
      int l = line;
      int c = col;
      char ch = text.charAt(pos);
      int start = pos;
      if (Character.isLetter(ch) || ch == '_') {
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
          advance();
        }
        out.add(new Tok(text.substring(start, pos), Kind.WORD, new Span(file, l, c, line, col)));
      } else if (Character.isDigit(ch)) {
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
          advance();
        }
        if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '_')) {
          while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            advance();
          }
          out.add(new Tok(text.substring(start, pos), Kind.WORD, new Span(file, l, c, line, col)));
        } else {
          out.add(new Tok(text.substring(start, pos), Kind.NUM, new Span(file, l, c, line, col)));
        }
      } else if (ch == '"') {
        advance();
        StringBuilder sb = new StringBuilder();
        while (pos < text.length() && text.charAt(pos) != '"') {
          char d = text.charAt(pos);
          if (d == '\\' && pos + 1 < text.length()) {
            advance();
            char e = text.charAt(pos);
            sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
          } else {
            sb.append(d);
          }
          advance();
        }
        advance();
        out.add(new Tok(sb.toString(), Kind.STR, new Span(file, l, c, line, col)));
      } else {
        String sym = text.startsWith("<-", pos) ? "<-" : text.startsWith("<<", pos) ? "<<"
            : text.startsWith(">>", pos) ? ">>" : String.valueOf(ch);
        for (int k = 0; k < sym.length(); k++) {
          advance();
        }
        out.add(new Tok(sym, Kind.SYM, new Span(file, l, c, line, col)));
      }
    }
  }

  private void skipBlank() {
    while (pos < text.length()) {
      char ch = text.charAt(pos);
      if (Character.isWhitespace(ch)) {
        advance();
      } else if (text.startsWith("\\*", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          advance();
        }
      } else if (text.startsWith("(*", pos)) {
        int depth = 0;
        do {
          if (text.startsWith("(*", pos)) {
            depth++;
            advance();
          } else if (text.startsWith("*)", pos)) {
            depth--;
            advance();
          }
          advance();
        } while (pos < text.length() && depth > 0);
      } else if (text.startsWith("----", pos) || text.startsWith("====", pos)) {
        while (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '=')) {
          advance();
        }
      } else {
        return;
      }
    }
  }

  private void advance() {
    if (pos < text.length() && text.charAt(pos) == '\n') {
      line++;
      col = 1;
    } else {
      col++;
    }
    pos++;
  }
}
