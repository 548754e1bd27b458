package io.finalspec.toolkit.cli;

import java.nio.file.Path;

/**
 * Where default paths are resolved: the repository root when started by the {@code ./finalspec}
 * launcher (it sets {@code FINALSPEC_HOME}), otherwise the current directory.
 */
final class Home {

    private Home() {
    }

    static Path root() {
        String home = System.getenv("FINALSPEC_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    static Path defaultManifest() {
        return root().resolve("specs").resolve("models.toml");
    }

    static Path defaultOut() {
        return root().resolve("target").resolve("finalspec");
    }
}
