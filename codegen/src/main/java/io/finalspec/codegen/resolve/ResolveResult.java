package io.finalspec.codegen.resolve;

import io.finalspec.codegen.diag.Diagnostic;
import java.util.List;

/** The resolved program, or (program null) the diagnostics that stopped resolution. */
public record ResolveResult(ResolvedModule program, List<Diagnostic> diagnostics) {
  public ResolveResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return program != null && diagnostics.isEmpty();
  }
}
