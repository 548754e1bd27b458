package io.finalspec.codegen.parse;

import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.diag.Diagnostic;
import java.util.List;

/** Either a module (diagnostics empty) or a non-empty list of diagnostics (module null). */
public record ParseResult(Module module, List<Diagnostic> diagnostics) {
  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
    if ((module == null) == diagnostics.isEmpty()) {
      throw new IllegalArgumentException("exactly one of module or diagnostics");
    }
  }

  public static ParseResult of(Module m) {
    return new ParseResult(m, List.of());
  }

  public static ParseResult failed(List<Diagnostic> ds) {
    return new ParseResult(null, ds);
  }

  public boolean ok() {
    return module != null;
  }
}
