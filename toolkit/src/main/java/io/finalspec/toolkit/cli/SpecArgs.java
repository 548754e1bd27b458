package io.finalspec.toolkit.cli;

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

    /** Compiles the spec in memory; positioned diagnostics become a user error. */
    Machine load() {
        try {
            return Compiler.load(spec(), config());
        } catch (CompileFailedException e) {
            throw failure(e.diagnostics());
        }
    }

    /**
     * What a failed compilation is: a user error with its positions, unless the code generator
     * reports an internal error, which is a finalspec bug (exit 4) however it is positioned.
     */
    static RuntimeException failure(List<Diagnostic> diagnostics) {
        String text = diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        if (diagnostics.stream().anyMatch(d -> d.code().equals("internal"))) {
            return new IllegalStateException("the code generator failed: " + text);
        }
        return new UserError(text);
    }
}
