package io.finalspec.codegen.resolve;

import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Finds modules named by EXTENDS and INSTANCE (standard modules are built into the resolver). */
public interface ModuleLoader {
  /** The parsed module, or null if there is no such module. */
  ParseResult load(String moduleName);

  /** Where this loader looks, for messages. */
  String describe();

  /** Loads {@code <dir>/<Name>.tla}, parsing each file once. */
  static ModuleLoader folder(Path dir) {
    Map<String, ParseResult> cache = new HashMap<>();
    return new ModuleLoader() {
      @Override
      public ParseResult load(String moduleName) {
        return cache.computeIfAbsent(moduleName, n -> {
          Path p = dir.resolve(n + ".tla");
          return Files.isRegularFile(p) ? Frontend.parseFile(p) : null;
        });
      }

      @Override
      public String describe() {
        return dir.toString();
      }
    };
  }

  /** Only the standard modules. */
  static ModuleLoader none() {
    return new ModuleLoader() {
      @Override
      public ParseResult load(String moduleName) {
        return null;
      }

      @Override
      public String describe() {
        return "no folder";
      }
    };
  }
}
