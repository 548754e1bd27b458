package io.finalspec.codegen.config;

import io.finalspec.codegen.diag.Diagnostic;
import java.util.List;

/** The parsed config, or (config null) positioned diagnostics. */
public record ConfigResult(ModelConfig config, List<Diagnostic> diagnostics) {
  public ConfigResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return config != null;
  }
}
