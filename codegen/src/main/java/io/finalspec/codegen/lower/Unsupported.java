package io.finalspec.codegen.lower;

import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;

/** Aborts lowering of one definition with a positioned diagnostic (caught and collected). */
final class Unsupported extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final transient Diagnostic diagnostic;

  Unsupported(Span span, String code, String message) {
    super(message, null, false, false);
    this.diagnostic = new Diagnostic(span, code, message);
  }

  static Unsupported construct(Span span, String what) {
    return new Unsupported(span, "unsupported", "unsupported: " + what);
  }
}
