package io.finalspec.toolkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
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
            throw new UserError(e.getMessage());
        }
    }
}
