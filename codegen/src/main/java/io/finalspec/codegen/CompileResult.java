package io.finalspec.codegen;

import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.load.JavaSource;
import java.util.List;

/**
 * Either the generated Java sources and the machine's fully qualified class name, or the
 * diagnostics that stopped the compilation (sources empty, className null).
 */
public record CompileResult(List<JavaSource> sources, String className, List<Diagnostic> diagnostics) {
  public CompileResult {
    sources = List.copyOf(sources);
    diagnostics = List.copyOf(diagnostics);
    if ((className == null) == diagnostics.isEmpty()) {
      throw new IllegalArgumentException("exactly one of className or diagnostics");
    }
  }

  public static CompileResult of(List<JavaSource> sources, String className) {
    return new CompileResult(sources, className, List.of());
  }

  public static CompileResult failed(List<Diagnostic> diagnostics) {
    return new CompileResult(List.of(), null, diagnostics);
  }

  public boolean ok() {
    return className != null;
  }

  /** The diagnostics, one {@code File.tla:12:7: message} per line. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      sb.append(d.format()).append('\n');
    }
    return sb.toString();
  }
}
