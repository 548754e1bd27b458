package io.finalspec.toolkit.cli;

import io.finalspec.codegen.load.MachineCache;
import picocli.CommandLine.Option;

/**
 * {@code --no-cache}, for the commands that compile a spec's machine: without it the compiled
 * classes are kept in the machine cache ({@code $FINALSPEC_CACHE}, else
 * {@code $XDG_CACHE_HOME/finalspec}, else {@code ~/.cache/finalspec}; {@code FINALSPEC_CACHE=off}
 * disables it), so that a second run of the same spec and model skips javac.
 */
final class MachineCacheOption {

    @Option(names = "--no-cache", description = {"Compile the spec's machine with javac even when the machine cache holds it,",
        "and store nothing there (also FINALSPEC_CACHE=off)."})
    boolean noCache;

    MachineCache cache() {
        return noCache ? MachineCache.off() : MachineCache.ofThisProcess();
    }
}
