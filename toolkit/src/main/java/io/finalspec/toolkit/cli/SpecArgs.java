package io.finalspec.toolkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.runtime.machine.Machine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The spec and config arguments shared by the commands that work on one spec
 * ({@code gen}, {@code explore}, {@code trace}, {@code conform}, {@code run}).
 */
final class SpecArgs {

    @Parameters(index = "0", paramLabel = "SPEC.tla", description = "The TLA+ module.")
    Path spec;

    @Option(names = {"-c", "--config"}, paramLabel = "CFG", description = "The TLC config (default: SPEC.cfg next to the spec).")
    Path config;

    Path spec() {
        if (!Files.isRegularFile(spec)) {
            throw new UserError(spec + ": spec not found");
        }
        return spec;
    }

    Path config() {
        Path cfg = config != null ? config : spec.resolveSibling(spec.getFileName().toString().replaceFirst("\\.tla$", "") + ".cfg");
        if (!Files.isRegularFile(cfg)) {
            throw new UserError(cfg + ": config not found" + (config == null ? " (give one with --config)" : ""));
        }
        return cfg;
    }

    /**
     * Compiles the spec in memory (or takes its classes from the machine cache); positioned
     * diagnostics become a user error. A cache that could not be written is a line on {@code err}.
     */
    Compiler.Loaded load(MachineCacheOption cache, PrintWriter err) {
        return load(spec(), config(), cache, err);
    }

    /** As {@link #load(MachineCacheOption, PrintWriter)} for a spec and config found elsewhere. */
    static Compiler.Loaded load(Path spec, Path config, MachineCacheOption cache, PrintWriter err) {
        Compiler.Loaded loaded;
        try {
            loaded = Compiler.load(spec, config, cache.cache());
        } catch (CompileFailedException e) {
            throw failure(e.diagnostics(), spec, config);
        }
        if (loaded.cache().note() != null) {
            err.println(loaded.cache().note());
            err.flush();
        }
        return loaded;
    }

    /**
     * What a failed compilation is: a user error with its positions, unless the code generator
     * reports an internal error, which is a finalspec bug (exit 4) however it is positioned.
     */
    static RuntimeException failure(List<Diagnostic> diagnostics) {
        return failure(diagnostics, null, null);
    }

    /** As {@link #failure(List)}, naming the spec and config (and the spec's modules) as given. */
    static RuntimeException failure(List<Diagnostic> diagnostics, Path spec, Path config) {
        String text = diagnostics.stream().map(d -> withFolder(d, spec, config).format()).collect(Collectors.joining("\n"));
        if (diagnostics.stream().anyMatch(d -> d.code().equals("internal"))) {
            return new IllegalStateException("the code generator failed: " + text);
        }
        return new UserError(text);
    }

    /**
     * The compiler names files by their bare names; a diagnostic names them as the user gave them
     * ({@code specs/sub/A.cfg}, not {@code A.cfg}): the spec, the config, or a module of the spec's
     * folder.
     */
    static Diagnostic withFolder(Diagnostic d, Path spec, Path config) {
        String file = d.span().file();
        if (spec == null) {
            return d;
        }
        Path given = null;
        if (spec.getFileName() != null && file.equals(spec.getFileName().toString())) {
            given = spec;
        } else if (config != null && config.getFileName() != null && file.equals(config.getFileName().toString())) {
            given = config;
        } else if (file.endsWith(".tla") && !file.contains("/") && Files.isRegularFile(spec.resolveSibling(file))) {
            given = spec.resolveSibling(file);
        }
        if (given == null || given.toString().equals(file)) {
            return d;
        }
        io.finalspec.codegen.ast.Span s = d.span();
        return new Diagnostic(new io.finalspec.codegen.ast.Span(given.toString(), s.line(), s.column(), s.endLine(), s.endColumn()),
            d.code(), d.message());
    }
}
