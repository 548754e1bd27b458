package io.finalspec.codegen.manifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the model manifest: a TLC model with its declared outcome.
 *
 * @param name     unique model name
 * @param spec     the TLA+ module file, resolved against the manifest's folder
 * @param config   the TLC config file, resolved against the manifest's folder
 * @param cpython  CPython versions the model represents
 * @param expect   the declared outcome
 * @param bug      the bug it reproduces or proves fixed, if any
 * @param tier     {@code default} models run on every check; {@code large} ones only on request
 * @param summary  one line for humans
 * @param witnesses state predicates of the spec that must be reachable (TLC must violate {@code ~W}):
 *                 the dangerous situations a bug needed, so that a pass is not vacuous
 * @param line     line of the {@code [[model]]} header in the manifest, for error messages
 */
public record ModelEntry(String name, Path spec, Path config, List<String> cpython, Expectation expect,
                         Optional<String> bug, Tier tier, String summary, List<String> witnesses, int line) {

    /** Which runs include a model. */
    public enum Tier { DEFAULT, LARGE }

    public ModelEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(config, "config");
        cpython = List.copyOf(cpython);
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(bug, "bug");
        Objects.requireNonNull(tier, "tier");
        summary = summary == null ? "" : summary;
        witnesses = List.copyOf(witnesses);
    }

    /** The module name TLC sees: the spec file name without {@code .tla}. */
    public String moduleName() {
        String file = spec.getFileName().toString();
        return file.endsWith(".tla") ? file.substring(0, file.length() - 4) : file;
    }
}
