package io.finalspec.toolkit.cli;

import java.nio.file.Path;

/**
 * Where default paths are resolved: the default manifest in the repository root when started by
 * the {@code ./finalspec} launcher (it sets {@code FINALSPEC_HOME}), otherwise in the current
 * directory; outputs ({@code target/finalspec}) always under the current directory, where the user
 * runs the command, never in the finalspec checkout.
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
        return Path.of("").toAbsolutePath().resolve("target").resolve("finalspec");
    }
}
