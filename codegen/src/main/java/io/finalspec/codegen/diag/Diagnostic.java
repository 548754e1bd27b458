package io.finalspec.codegen.diag;

import io.finalspec.codegen.ast.Span;

/**
 * A user-facing error or warning at a source position. {@code code} is a short stable identifier
 * (e.g. {@code parse}, {@code lex}, {@code undefined}, {@code arity}, {@code unsupported},
 * {@code config}) that tests and tools can match on; {@code message} is the human text.
 */
public record Diagnostic(Span span, String code, String message) {
  public Diagnostic {
    if (span == null || code == null || message == null) {
      throw new IllegalArgumentException("span, code and message are required");
    }
  }

  /** {@code File.tla:12:7: message}. */
  public String format() {
    return span.file() + ":" + span.line() + ":" + span.column() + ": " + message;
  }

  /** {@code 12:7 message}, the form of golden {@code .errors} files. */
  public String lineColMessage() {
    return span.line() + ":" + span.column() + " " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
