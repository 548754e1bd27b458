package io.finalspec.codegen.lower;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names of one module context: the root module, or one INSTANCE of a module with its substitutions. */
final class ModuleScope {
  final String moduleName;
  /** Prefix of definition keys ({@code ""} for the root, {@code "In!"} for an instance). */
  final String prefix;
  final Map<String, Entity> names = new LinkedHashMap<>();
  /** An INSTANCE with explicit WITH substitutions: TLC does not split actions reached through it. */
  boolean substituted;

  ModuleScope(String moduleName, String prefix) {
    this.moduleName = moduleName;
    this.prefix = prefix;
  }

  Entity lookup(String name) {
    return names.get(name);
  }
}
