package io.finalspec.codegen;

import io.finalspec.codegen.diag.Diagnostic;
import java.util.List;

/** {@link Compiler#load} could not produce a machine: the spec or config is outside what finalspec accepts. */
public final class CompileFailedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public CompileFailedException(List<Diagnostic> diagnostics) {
    super(message(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String message(List<Diagnostic> ds) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : ds) {
      sb.append(sb.length() == 0 ? "" : "\n").append(d.format());
    }
    return sb.toString();
  }
}
