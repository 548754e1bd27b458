package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.ANTLRErrorStrategy;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Entry point of the front end: text to {@link Module}, or positioned diagnostics. Runs the lexer
 * (with the junction-list filter), the parser (unit by unit: fast SLL pass, then full LL for
 * error reporting, resynchronising after an error) and the AST builders. Never throws for bad input.
 */
public final class Frontend {
  private Frontend() {}

  private static final Pattern HEADER = Pattern.compile("-{4,}[ \\t]*MODULE\\b");

  public static ParseResult parseFile(Path file) {
    String name = file.getFileName().toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return ParseResult.failed(List.of(new Diagnostic(Span.point(name, 1, 1), "io",
          "cannot read file: " + e.getMessage())));
    }
    ParseResult r = parseString(name, text);
    if (r.ok() && name.endsWith(".tla")) {
      String base = name.substring(0, name.length() - 4);
      Module m = r.module();
      if (!m.name().equals(base)) {
        return ParseResult.failed(List.of(new Diagnostic(m.span(), "module-name",
            "module name '" + m.name() + "' does not match file name '" + name + "'")));
      }
    }
    return r;
  }

  public static ParseResult parseString(String fileName, String text) {
    try {
      return parse(fileName, text);
    } catch (StackOverflowError e) {
      return ParseResult.failed(List.of(new Diagnostic(Span.point(fileName, 1, 1), "too-deep",
          "expression nesting too deep")));
    } catch (RuntimeException e) {
      return ParseResult.failed(List.of(new Diagnostic(Span.point(fileName, 1, 1), "internal",
          "internal error in the front end: " + e)));
    }
  }

  private static ParseResult parse(String fileName, String text) {
    Matcher m = HEADER.matcher(text);
    if (!m.find()) {
      return ParseResult.failed(List.of(new Diagnostic(Span.point(fileName, 1, 1), "parse",
          "no module header '---- MODULE Name ----' found")));
    }
    String source = blankPrefix(text, m.start());
    Spans spans = new Spans(fileName);

    TlaLexer lexer = new TlaLexer(CharStreams.fromString(source, fileName));
    lexer.removeErrorListeners();
    List<Token> tokens = new ArrayList<>();
    List<Diagnostic> lexErrors = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      tokens.add(t);
      Diagnostic lexError = lexError(spans, t);
      if (lexError != null) {
        lexErrors.add(lexError);
      }
      if (t.getType() == Token.EOF) {
        break;
      }
    }
    if (!lexErrors.isEmpty()) {
      return ParseResult.failed(lexErrors);
    }
    return new UnitParser(fileName, spans, tokens).parse();
  }

  /**
   * Parses the module: first in one go (fast SLL prediction, no recovery). If that fails, again
   * with full LL prediction, stopping at the first syntax error; then it skips to the next token
   * that can start a unit at column 1 (or the closing {@code ====}) and parses the rest of the
   * module from there, as jlox's parser synchronises at statement boundaries, so every broken unit
   * is reported once, not only the first. Units that parsed are still built, so their precedence
   * conflicts are reported too.
   */
  private static final class UnitParser {
    private static final int MAX_ERRORS = 100;

    private final Spans spans;
    private final List<Token> tokens;
    private final CommonTokenStream stream;
    private final TlaParser parser;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<TlaParser.UnitContext> completed = new ArrayList<>();
    private boolean aborting;

    UnitParser(String fileName, Spans spans, List<Token> tokens) {
      this.spans = spans;
      this.tokens = tokens;
      this.stream = new CommonTokenStream(new ListTokenSource(tokens, fileName));
      this.parser = new TlaParser(stream);
      parser.removeErrorListeners();
    }

    ParseResult parse() {
      parser.setErrorHandler(new BailErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      try {
        return build(parser.module());
      } catch (ParseCancellationException sll) {
        // SLL prediction can fail where full LL succeeds: only LL failing is a syntax error
        stream.seek(0);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      }
      try {
        return build(parser.module());
      } catch (ParseCancellationException ll) {
        return recover();
      }
    }

    private ParseResult build(TlaParser.ModuleContext tree) {
      Module module = new ModuleBuilder(spans, diagnostics, tokens).module(tree);
      return diagnostics.isEmpty() ? ParseResult.of(module) : ParseResult.failed(sorted());
    }

    private ParseResult recover() {
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.addErrorListener(new AbortAtFirstError());
      parser.addParseListener(new CollectUnits());
      TlaParser.HeaderContext header = null;
      int from = 0;
      while (diagnostics.size() < MAX_ERRORS) {
        stream.seek(from);
        parser.setErrorHandler(new DefaultErrorStrategy());   // a fresh one: not in recovery mode
        try {
          if (from == 0) {
            header = parser.module().header();
          } else {
            parser.moduleRest();
          }
          break;
        } catch (SyntaxAbort abort) {
          aborting = false;
          diagnostics.add(abort.diagnostic);
          int next = from == 0 && !headerParses() ? -1 : resync(from, abort.at.getTokenIndex());
          if (next <= from || tokens.get(next).getType() == Token.EOF) {
            break;
          }
          from = next;
        }
      }
      if (header != null || headerParses()) {
        stream.seek(0);
        parser.setErrorHandler(new BailErrorStrategy());
        header = header != null ? header : parser.header();
        new ModuleBuilder(spans, diagnostics, tokens).module(header, completed, spans.of(tokens.get(0)));
      }
      return ParseResult.failed(sorted());
    }

    private boolean headerParses() {
      stream.seek(0);
      ANTLRErrorStrategy saved = parser.getErrorHandler();
      parser.setErrorHandler(new BailErrorStrategy());
      try {
        parser.header();
        return true;
      } catch (ParseCancellationException | SyntaxAbort e) {
        aborting = false;
        return false;
      } finally {
        parser.setErrorHandler(saved);
      }
    }

    private List<Diagnostic> sorted() {
      List<Diagnostic> out = new ArrayList<>(diagnostics);
      out.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()).thenComparingInt(d -> d.span().column()));
      return out;
    }

    /** Thrown by the error listener at the first syntax error of a round; never escapes the front end. */
    private static final class SyntaxAbort extends RuntimeException {
      final transient Token at;
      final transient Diagnostic diagnostic;

      SyntaxAbort(Token at, Diagnostic diagnostic) {
        super(diagnostic.message(), null, false, false);
        this.at = at;
        this.diagnostic = diagnostic;
      }
    }

    private final class AbortAtFirstError extends BaseErrorListener {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
          RecognitionException e) {
        Token t = offending instanceof Token tok ? tok : stream.LT(1);
        aborting = true;
        throw new SyntaxAbort(t, new Diagnostic(spans.of(t), "parse", describe(t, e)));
      }
    }

    /** Keeps the top-level units that parsed completely (not those unwound by an abort). */
    private final class CollectUnits implements ParseTreeListener {
      @Override public void visitTerminal(TerminalNode node) {}
      @Override public void visitErrorNode(ErrorNode node) {}
      @Override public void enterEveryRule(ParserRuleContext ctx) {}

      @Override
      public void exitEveryRule(ParserRuleContext ctx) {
        if (!aborting && ctx instanceof TlaParser.UnitContext u
            && (u.getParent() instanceof TlaParser.ModuleRestContext
                || (u.getParent() instanceof TlaParser.ModuleContext m && m.getParent() == null))) {
          completed.add(u);
        }
      }
    }

    private String describe(Token t, RecognitionException e) {
      String what;
      switch (t.getType()) {
        case Token.EOF:
          what = "unexpected end of file";
          break;
        case TlaLexer.JL_CLOSE:
          what = "unexpected end of junction list at '" + t.getText() + "'";
          break;
        case TlaLexer.JL_BULLET_AND:
        case TlaLexer.JL_BULLET_OR:
          what = "unexpected junction bullet '" + t.getText() + "'";
          break;
        default:
          what = "unexpected '" + t.getText() + "'";
      }
      if (e == null || e instanceof InputMismatchException) {
        IntervalSet expected = e != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        if (expected != null && expected.size() == 1) {
          String lit = parser.getVocabulary().getLiteralName(expected.get(0));
          if (lit != null) {
            what += ", expected " + lit;
          }
        }
      }
      return what;
    }

    /**
     * Where parsing resumes after an error in the unit that starts at token {@code start}: the first
     * token at or after the error that starts a unit at column 1, outside any module nested in
     * the broken unit, or the module's closing {@code ====}.
     */
    private int resync(int start, int error) {
      int depth = 0;
      // from the top, the module's own header is not a nested module
      for (int i = start == 0 ? 2 : start; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        int type = t.getType();
        if (type == Token.EOF) {
          return i;
        }
        if (type == TlaLexer.SEP && i + 1 < tokens.size() && tokens.get(i + 1).getType() == TlaLexer.MODULE) {
          if (i > start && i >= error && depth == 0) {
            return i;
          }
          depth++;
          i++;
          continue;
        }
        if (type == TlaLexer.END) {
          if (depth == 0) {
            return i;
          }
          depth--;
          continue;
        }
        if (i > start && i >= error && depth == 0 && startsUnit(t)) {
          return i;
        }
      }
      return tokens.size() - 1;
    }

    private static boolean startsUnit(Token t) {
      if (t.getCharPositionInLine() != 0) {
        return false;
      }
      switch (t.getType()) {
        case TlaLexer.IDENT: case TlaLexer.VARIABLE: case TlaLexer.CONSTANT: case TlaLexer.RECURSIVE:
        case TlaLexer.LOCAL: case TlaLexer.ASSUME: case TlaLexer.ASSUMPTION: case TlaLexer.THEOREM:
        case TlaLexer.USE: case TlaLexer.HIDE: case TlaLexer.INSTANCE: case TlaLexer.SEP:
        case TlaLexer.NOT: case TlaLexer.MINUS_DOT: case TlaLexer.BOX: case TlaLexer.DIAMOND:
        case TlaLexer.DOMAIN: case TlaLexer.SUBSET: case TlaLexer.UNION: case TlaLexer.ENABLED:
        case TlaLexer.UNCHANGED:
          return true;
        default:
          return false;
      }
    }
  }

  /** Text before the module header is ignored (as by SANY); blank it but keep line structure. */
  private static String blankPrefix(String text, int upTo) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < upTo; i++) {
      char c = text.charAt(i);
      sb.append(c == '\n' || c == '\r' ? c : ' ');
    }
    sb.append(text, upTo, text.length());
    return sb.toString();
  }

  private static Diagnostic lexError(Spans spans, Token t) {
    switch (t.getType()) {
      case TlaLexer.UNTERMINATED_COMMENT:
        return new Diagnostic(spans.point(t.getLine(), t.getCharPositionInLine()), "lex",
            "unterminated comment");
      case TlaLexer.UNTERMINATED_STRING:
        return new Diagnostic(spans.of(t), "lex", "unterminated string");
      case TlaLexer.BAD_STRING:
        return new Diagnostic(spans.of(t), "lex", "invalid escape in string (allowed: \\\" \\\\ \\n \\t \\r \\f)");
      case TlaLexer.ERROR_CHAR:
        return new Diagnostic(spans.of(t), "lex", "unexpected character '" + t.getText() + "'");
      default:
        return null;
    }
  }
}
