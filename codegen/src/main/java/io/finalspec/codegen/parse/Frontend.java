package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Entry point of the front end: text to {@link Module}, or positioned diagnostics. Runs the lexer
 * (with the junction-list filter), the parser (fast SLL pass, then full LL for error reporting)
 * and the AST builders. Never throws for bad input.
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
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      tokens.add(t);
      Diagnostic lexError = lexError(spans, t, tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null);
      if (lexError != null) {
        return ParseResult.failed(List.of(lexError));
      }
      if (t.getType() == Token.EOF) {
        break;
      }
    }

    TlaParser parser = new TlaParser(new CommonTokenStream(new ListTokenSource(tokens, fileName)));
    parser.removeErrorListeners();
    parser.setErrorHandler(new BailErrorStrategy());
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    TlaParser.ModuleContext tree;
    try {
      tree = parser.module();
    } catch (ParseCancellationException e) {
      parser = new TlaParser(new CommonTokenStream(new ListTokenSource(tokens, fileName)));
      parser.removeErrorListeners();
      FirstError listener = new FirstError(spans);
      parser.addErrorListener(listener);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      tree = parser.module();
      // if LL succeeds where SLL failed (an ambiguity SLL cannot resolve), the LL tree is used
      if (listener.first != null) {
        return ParseResult.failed(List.of(listener.first));
      }
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    Module module = new ModuleBuilder(spans, diagnostics).module(tree);
    if (!diagnostics.isEmpty()) {
      return ParseResult.failed(diagnostics);
    }
    return ParseResult.of(module);
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

  private static Diagnostic lexError(Spans spans, Token t, Token previous) {
    if (t.getType() == TlaLexer.STAR && previous != null && previous.getType() == TlaLexer.LPAREN
        && previous.getStopIndex() + 1 == t.getStartIndex()) {
      // "(*" only lexes as two tokens when the comment never ends
      return new Diagnostic(spans.of(previous), "lex", "unterminated comment");
    }
    switch (t.getType()) {
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

  /** Records the first syntax error as a diagnostic. */
  private static final class FirstError extends BaseErrorListener {
    private final Spans spans;
    Diagnostic first;

    FirstError(Spans spans) {
      this.spans = spans;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg,
        RecognitionException e) {
      if (first != null) {
        return;
      }
      Token t = offending instanceof Token tok ? tok : null;
      String message = t == null ? "syntax error" : describe(recognizer, t, e);
      Span span = t == null ? spans.point(line, col) : spans.of(t);
      first = new Diagnostic(span, "parse", message);
    }

    private static String describe(Recognizer<?, ?> recognizer, Token t, RecognitionException e) {
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
      if ((e == null || e instanceof InputMismatchException) && recognizer instanceof TlaParser p) {
        IntervalSet expected = e != null ? e.getExpectedTokens() : p.getExpectedTokens();
        if (expected != null && expected.size() == 1) {
          String lit = p.getVocabulary().getLiteralName(expected.get(0));
          if (lit != null) {
            what += ", expected " + lit;
          }
        }
      }
      return what;
    }
  }
}
