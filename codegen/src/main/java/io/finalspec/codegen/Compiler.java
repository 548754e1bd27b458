package io.finalspec.codegen;

import io.finalspec.codegen.ast.Module;
import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ConfigResult;
import io.finalspec.codegen.ast.Span;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.emit.JavaEmitter;
import io.finalspec.codegen.emit.SourceLines;
import io.finalspec.codegen.ir.MachineIr;
import io.finalspec.codegen.load.CompileException;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.codegen.load.JavaSource;
import io.finalspec.codegen.load.MachineCache;
import io.finalspec.codegen.lower.Lowering;
import io.finalspec.codegen.parse.Frontend;
import io.finalspec.codegen.parse.ParseResult;
import io.finalspec.codegen.resolve.ModuleLoader;
import io.finalspec.codegen.resolve.ResolveResult;
import io.finalspec.codegen.resolve.Resolver;
import io.finalspec.codegen.types.TypeInference;
import io.finalspec.runtime.machine.Machine;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The code generator's pipeline, stage by stage: read the config, parse the spec, resolve names
 * (the only name resolution: scopes, arity, levels, standard modules, EXTENDS and INSTANCE
 * modules from the spec's folder), lower to IR (inlining, TLC's split of Next), infer types (the
 * state encoding), emit Java. Each
 * stage reports all its diagnostics; the pipeline stops after the first stage that reports any.
 * Bad input never throws.
 */
public final class Compiler {
  private Compiler() {}

  /** Compiles {@code spec} with the model {@code config} to Java sources, or diagnostics. */
  public static CompileResult compile(Path spec, Path config, CompileOptions options) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    try {
      String cfgName = config.getFileName().toString();
      byte[] cfgBytes;
      try {
        cfgBytes = Files.readAllBytes(config);
      } catch (IOException e) {
        return CompileResult.failed(List.of(new Diagnostic(Span.point(cfgName, 1, 1), "io",
            "cannot read model config: " + e.getMessage())));
      }
      Diagnostic notUtf8 = ConfigParser.firstBadByte(cfgName, cfgBytes);
      if (notUtf8 != null) {
        return CompileResult.failed(List.of(notUtf8));
      }
      String cfgText = new String(cfgBytes, StandardCharsets.UTF_8);
      ConfigResult cfg = ConfigParser.parseString(cfgName, cfgText);
      if (!cfg.ok()) {
        return CompileResult.failed(cfg.diagnostics());
      }
      ParseResult parsed = Frontend.parseFile(spec);
      if (!parsed.ok()) {
        return CompileResult.failed(parsed.diagnostics());
      }
      Module module = parsed.module();
      ResolveResult resolved = Resolver.resolve(module, ModuleLoader.folder(spec.toAbsolutePath().getParent()));
      if (!resolved.ok()) {
        return CompileResult.failed(atModuleNames(resolved.diagnostics(), spec.toAbsolutePath().getParent()));
      }
      MachineIr ir = Lowering.lower(spec, resolved.program(), cfg.config(), diagnostics);
      if (ir == null || !diagnostics.isEmpty()) {
        if (diagnostics.isEmpty()) {
          diagnostics.add(new Diagnostic(module.span(), "internal", "lowering failed without a diagnostic"));
        }
        return CompileResult.failed(diagnostics);
      }
      String className = options.className() != null ? options.className() : className(module.name(), cfgName);
      SourceLines src = SourceLines.none().add(spec.getFileName().toString(), Files.readString(spec, StandardCharsets.UTF_8));
      TypeInference.Result types = TypeInference.infer(ir);
      List<JavaSource> sources = JavaEmitter.emitAll(ir, types, options.packageName(), className, src);
      return CompileResult.of(sources, sources.get(0).className());
    } catch (IOException | RuntimeException | StackOverflowError e) {
      diagnostics.add(new Diagnostic(Span.point(spec.getFileName().toString(), 1, 1), "internal",
          "internal error in the code generator: " + e));
      return CompileResult.failed(diagnostics);
    }
  }

  /** A module name in an EXTENDS or INSTANCE clause; group 1 is the name. */
  private static final java.util.regex.Pattern MODULE_MESSAGE = java.util.regex.Pattern.compile("module '([A-Za-z0-9_]+)'");

  /**
   * The resolver places a missing or circular module at its module's header (the AST keeps
   * EXTENDS names without positions); this moves such a diagnostic to the name itself in the
   * EXTENDS or INSTANCE clause of that file, where the user has to change it.
   */
  private static List<Diagnostic> atModuleNames(List<Diagnostic> diagnostics, Path folder) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      java.util.regex.Matcher name = MODULE_MESSAGE.matcher(d.message());
      Span at = null;
      if ((d.code().equals("module") || d.code().equals("cycle")) && d.span().line() == 1 && d.span().column() == 1 && name.find()) {
        at = nameIn(folder.resolve(d.span().file()), d.span().file(), name.group(1));
      }
      out.add(at == null ? d : new Diagnostic(at, d.code(), d.message()));
    }
    return out;
  }

  private static Span nameIn(Path file, String fileName, String module) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "\\b(?:EXTENDS|INSTANCE)\\b[^=]*?\\b(" + java.util.regex.Pattern.quote(module) + ")\\b").matcher(text);
    if (!m.find()) {
      return null;
    }
    int offset = m.start(1);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Span(fileName, line, offset - lineStart + 1, line, offset - lineStart + 1 + module.length());
  }

  /** Compiles in memory and instantiates the machine (package {@code finalspec.generated}), with no cache. */
  public static Machine load(Path spec, Path config) throws CompileFailedException {
    return load(spec, config, MachineCache.off()).machine();
  }

  /**
   * A loaded machine, what the machine cache did for it, and whether the spec was parsed and the
   * machine generated in this run (false when the cache knew the inputs: see {@link MachineCache#inputsKey}).
   */
  public record Loaded(Machine machine, MachineCache.Outcome cache, boolean generated) {
  }

  /**
   * As {@link #load(Path, Path)}, with the machine cache: when it knows this spec and model's inputs
   * (the config and the modules of the spec's folder, unchanged since a run of the same generator
   * and runtime), the compiled classes come from it and nothing is parsed, generated or compiled;
   * else the spec is compiled, the classes taken from the cache when it holds the generated source's
   * entry (javac is skipped) and stored there after javac otherwise, with the inputs that made them.
   */
  public static Loaded load(Path spec, Path config, MachineCache cache) throws CompileFailedException {
    String packageName = "finalspec.generated";
    String inputs = cache.inputsKey(spec, config, packageName);
    Optional<MachineCache.Found> known = inputs == null ? Optional.empty() : cache.readInputs(inputs);
    if (known.isPresent()) {
      MachineCache.Found found = known.get();
      return new Loaded(instantiate(spec, config, found.classes(), found.className()),
          MachineCache.Outcome.of(MachineCache.Status.HIT), false);
    }
    CompileResult r = compile(spec, config, CompileOptions.inPackage(packageName));
    if (!r.ok()) {
      throw new CompileFailedException(r.diagnostics());
    }
    // the machine alone: its live facade (the second source) is for programs that drive it
    JavaSource machineSource = r.sources().get(0);
    Optional<Map<String, byte[]>> cached = cache.enabled() ? cache.read(machineSource.code(), r.className()) : Optional.empty();
    MachineCache.Outcome outcome;
    Map<String, byte[]> classes;
    String note = null;
    if (cached.isPresent()) {
      classes = cached.get();
      outcome = MachineCache.Outcome.of(MachineCache.Status.HIT);
    } else {
      try {
        classes = InMemoryCompiler.withContextLoader().compileToBytes(List.of(machineSource));
      } catch (CompileException e) {
        throw new CompileFailedException(List.of(new Diagnostic(Span.point(spec.getFileName().toString(), 1, 1),
            "internal", "generated Java does not compile (a finalspec bug): " + e.getMessage())));
      }
      note = cache.enabled() ? cache.write(machineSource.code(), classes) : null;
      outcome = new MachineCache.Outcome(cache.enabled() ? MachineCache.Status.MISS : MachineCache.Status.OFF, note);
    }
    if (inputs != null && note == null) {
      String inputsNote = cache.writeInputs(inputs, machineSource.code(), r.className());
      if (inputsNote != null) {
        outcome = new MachineCache.Outcome(outcome.status(), inputsNote);
      }
    }
    return new Loaded(instantiate(spec, config, classes, r.className()), outcome, true);
  }

  /** An instance of the compiled machine {@code className}, its constants evaluated by its constructor. */
  private static Machine instantiate(Path spec, Path config, Map<String, byte[]> classes, String className)
      throws CompileFailedException {
    try {
      Class<?> cls = InMemoryCompiler.withContextLoader().load(classes).loadClass(className);
      return (Machine) cls.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof OutOfMemoryError full) {
        // the heap, not the model: the caller reports it as a full heap (the CLI's exit 6)
        throw full;
      }
      throw new CompileFailedException(List.of(new Diagnostic(Span.point(config.getFileName().toString(), 1, 1),
          "eval", "evaluating the model's constants failed: " + e.getCause())));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new CompileFailedException(List.of(new Diagnostic(Span.point(spec.getFileName().toString(), 1, 1),
          "internal", "cannot instantiate the generated machine: " + e)));
    }
  }

  /** {@code Mutex} + {@code MutexRacy.cfg} gives {@code MutexRacyMachine}; {@code Mutex.cfg} gives {@code MutexMachine}. */
  static String className(String module, String cfgFileName) {
    String base = cfgFileName.endsWith(".cfg") ? cfgFileName.substring(0, cfgFileName.length() - 4) : cfgFileName;
    String camel = camel(base);
    String mod = camel(module);
    String name = camel.startsWith(mod) ? camel : mod + camel;
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name = "M" + name;
    }
    return name + "Machine";
  }

  private static String camel(String s) {
    StringBuilder sb = new StringBuilder();
    for (String part : s.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
