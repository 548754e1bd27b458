package io.finalspec.codegen.config;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.config.CfgLexer.Kind;
import io.finalspec.codegen.config.CfgLexer.Tok;
import io.finalspec.codegen.config.ModelConfig.ConstantValue;
import io.finalspec.codegen.config.ModelConfig.Named;
import io.finalspec.codegen.config.ModelConfig.Replacement;
import io.finalspec.codegen.diag.Diagnostic;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parser of TLC model configurations: INIT, NEXT, SPECIFICATION, CONSTANT(S) with {@code =} and
 * {@code <-}, model values and sets of them, INVARIANT(S), PROPERTY/PROPERTIES, CHECK_DEADLOCK,
 * CONSTRAINT(S), ACTION_CONSTRAINT(S), VIEW, SYMMETRY, ALIAS, POSTCONDITION. Errors are positioned
 * diagnostics; parsing stops at the first one.
 */
public final class ConfigParser {
  private static final Set<String> KEYWORDS = Set.of("INIT", "NEXT", "SPECIFICATION", "CONSTANT", "CONSTANTS",
      "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "CHECK_DEADLOCK", "CONSTRAINT", "CONSTRAINTS",
      "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "VIEW", "SYMMETRY", "ALIAS", "POSTCONDITION");

  private final String file;
  private final List<Tok> toks;
  private int i = 0;

  private Named init;
  private Named next;
  private Named specification;
  private Named view;
  private Named symmetry;
  private Named alias;
  private boolean checkDeadlock = true;
  private final List<ConstantValue> constants = new ArrayList<>();
  private final List<Replacement> replacements = new ArrayList<>();
  private final List<Named> invariants = new ArrayList<>();
  private final List<Named> properties = new ArrayList<>();
  private final List<Named> constraints = new ArrayList<>();
  private final List<Named> actionConstraints = new ArrayList<>();
  private final List<Named> postconditions = new ArrayList<>();

  private ConfigParser(String file, List<Tok> toks) {
    this.file = file;
    this.toks = toks;
  }

  /** Thrown internally to stop at the first error; never escapes this class. */
  private static final class Stop extends RuntimeException {
    final transient Diagnostic diagnostic;

    Stop(Diagnostic d) {
      super(d.message(), null, false, false);
      this.diagnostic = d;
    }
  }

  public static ConfigResult parse(Path cfg) {
    String name = cfg.getFileName().toString();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(cfg);
    } catch (IOException | RuntimeException e) {
      return new ConfigResult(null, List.of(new Diagnostic(Span.point(name, 1, 1), "io", "cannot read file: " + e.getMessage())));
    }
    Diagnostic bad = firstBadByte(name, bytes);
    if (bad != null) {
      return new ConfigResult(null, List.of(bad));
    }
    return parseString(name, new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * Where {@code bytes} stop being UTF-8: an error at the line and column of the first bad byte
   * (columns count characters, as everywhere else), or null when they are valid.
   */
  public static Diagnostic firstBadByte(String fileName, byte[] bytes) {
    java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    if (!decoder.decode(in, out, true).isError()) {
      return null;
    }
    String before = out.flip().toString();
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.length() - before.lastIndexOf('\n');
    return new Diagnostic(Span.point(fileName, line, column), "io",
        "not UTF-8 (byte 0x" + String.format("%02x", bytes[in.position()] & 0xff) + ")");
  }

  public static ConfigResult parseString(String fileName, String text) {
    CfgLexer lexer = new CfgLexer(fileName, text);
    List<Tok> toks = lexer.tokens();
    if (!lexer.errors.isEmpty()) {
      return new ConfigResult(null, lexer.errors);
    }
    ConfigParser p = new ConfigParser(fileName, toks);
    try {
      return new ConfigResult(p.config(), List.of());
    } catch (Stop s) {
      return new ConfigResult(null, List.of(s.diagnostic));
    }
  }

  private Tok peek() {
    return toks.get(i);
  }

  private Tok take() {
    Tok t = toks.get(i);
    if (t.kind() != Kind.EOF) {
      i++;
    }
    return t;
  }

  private Stop error(Tok at, String message) {
    return new Stop(new Diagnostic(at.span(), "config", message));
  }

  private static String describe(Tok t) {
    return t.kind() == Kind.EOF ? "end of file" : "'" + t.text() + "'";
  }

  private boolean atKeyword() {
    Tok t = peek();
    return t.kind() == Kind.EOF || (t.kind() == Kind.WORD && KEYWORDS.contains(t.text()));
  }

  private ModelConfig config() {
    while (peek().kind() != Kind.EOF) {
      Tok kw = take();
      if (kw.kind() != Kind.WORD || !KEYWORDS.contains(kw.text())) {
        throw error(kw, "unexpected " + describe(kw) + "; expected a keyword such as INIT, NEXT, SPECIFICATION, CONSTANTS or INVARIANT");
      }
      switch (kw.text()) {
        case "INIT" -> init = single(kw, init);
        case "NEXT" -> next = single(kw, next);
        case "SPECIFICATION" -> specification = single(kw, specification);
        case "VIEW" -> view = single(kw, view);
        case "SYMMETRY" -> symmetry = single(kw, symmetry);
        case "ALIAS" -> alias = single(kw, alias);
        case "CONSTANT", "CONSTANTS" -> constants(kw);
        case "INVARIANT", "INVARIANTS" -> names(kw, invariants);
        case "PROPERTY", "PROPERTIES" -> names(kw, properties);
        case "CONSTRAINT", "CONSTRAINTS" -> names(kw, constraints);
        case "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS" -> names(kw, actionConstraints);
        case "POSTCONDITION" -> names(kw, postconditions);
        case "CHECK_DEADLOCK" -> {
          Tok v = take();
          if (v.kind() != Kind.WORD || !(v.text().equals("TRUE") || v.text().equals("FALSE"))) {
            throw error(v, "CHECK_DEADLOCK expects TRUE or FALSE, found " + describe(v));
          }
          checkDeadlock = v.text().equals("TRUE");
        }
        default -> throw error(kw, "unexpected " + describe(kw));
      }
    }
    Span span = toks.isEmpty() ? Span.point(file, 1, 1) : Span.union(toks.get(0).span(), toks.get(toks.size() - 1).span());
    return new ModelConfig(span, init, next, specification, constants, replacements, invariants, properties,
        checkDeadlock, constraints, actionConstraints, view, symmetry, alias, postconditions);
  }

  private Named name(Tok after) {
    Tok t = take();
    if (t.kind() != Kind.WORD || KEYWORDS.contains(t.text())) {
      throw error(t, "expected a name after " + after.text() + ", found " + describe(t));
    }
    return new Named(t.span(), t.text());
  }

  private Named single(Tok kw, Named old) {
    if (old != null) {
      throw error(kw, kw.text() + " given twice (first at line " + old.span().line() + ")");
    }
    Named n = name(kw);
    if (!atKeyword()) {
      throw error(peek(), kw.text() + " takes one name; unexpected " + describe(peek()));
    }
    return n;
  }

  /** A list of names; TLC accepts an empty one (the Toolbox writes empty PROPERTIES sections). */
  private void names(Tok kw, List<Named> into) {
    while (!atKeyword()) {
      into.add(name(kw));
    }
  }

  private void constants(Tok kw) {
    if (atKeyword()) {
      throw error(peek(), "expected a constant assignment after " + kw.text() + ", found " + describe(peek()));
    }
    while (!atKeyword()) {
      Tok n = take();
      if (n.kind() != Kind.WORD) {
        throw error(n, "expected a constant name, found " + describe(n));
      }
      Tok op = take();
      if (op.text().equals("=") && op.kind() == Kind.PUNCT) {
        CfgValue v = value();
        constants.add(new ConstantValue(Span.union(n.span(), v.span()), n.text(), v));
      } else if (op.text().equals("<-") && op.kind() == Kind.PUNCT) {
        String module = null;
        if (peek().text().equals("[") && peek().kind() == Kind.PUNCT) {
          take();
          Tok m = take();
          if (m.kind() != Kind.WORD) {
            throw error(m, "expected a module name, found " + describe(m));
          }
          module = m.text();
          Tok close = take();
          if (!close.text().equals("]")) {
            throw error(close, "expected ']', found " + describe(close));
          }
        }
        Tok def = take();
        if (def.kind() != Kind.WORD) {
          throw error(def, "expected a definition name after '<-', found " + describe(def));
        }
        replacements.add(new Replacement(Span.union(n.span(), def.span()), n.text(), module, def.text()));
      } else {
        throw error(op, "expected '=' or '<-' after constant '" + n.text() + "', found " + describe(op));
      }
    }
  }

  private CfgValue value() {
    Tok t = take();
    switch (t.kind()) {
      case NUMBER:
        return new CfgValue.IntValue(t.span(), new BigInteger(t.text()));
      case STRING:
        return new CfgValue.StringValue(t.span(), t.text());
      case WORD:
        if (KEYWORDS.contains(t.text())) {
          throw error(t, "expected a value, found " + describe(t));
        }
        if (t.text().equals("TRUE") || t.text().equals("FALSE")) {
          return new CfgValue.BoolValue(t.span(), t.text().equals("TRUE"));
        }
        return new CfgValue.ModelValue(t.span(), t.text());
      case PUNCT:
        if (t.text().equals("-") && peek().kind() == Kind.NUMBER) {
          Tok num = take();
          return new CfgValue.IntValue(Span.union(t.span(), num.span()), new BigInteger(num.text()).negate());
        }
        if (t.text().equals("{")) {
          List<CfgValue> es = elements("}");
          return new CfgValue.SetValue(Span.union(t.span(), toks.get(i - 1).span()), es);
        }
        if (t.text().equals("<<")) {
          List<CfgValue> es = elements(">>");
          return new CfgValue.TupleValue(Span.union(t.span(), toks.get(i - 1).span()), es);
        }
        throw error(t, "expected a value, found " + describe(t));
      default:
        throw error(t, "expected a value, found " + describe(t));
    }
  }

  private List<CfgValue> elements(String close) {
    List<CfgValue> es = new ArrayList<>();
    if (peek().text().equals(close) && peek().kind() == Kind.PUNCT) {
      take();
      return es;
    }
    while (true) {
      es.add(value());
      Tok sep = take();
      if (sep.text().equals(close) && sep.kind() == Kind.PUNCT) {
        return es;
      }
      if (!(sep.text().equals(",") && sep.kind() == Kind.PUNCT)) {
        throw error(sep, "expected ',' or '" + close + "', found " + describe(sep));
      }
    }
  }
}
