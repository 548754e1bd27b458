package io.finalspec.codegen.manifest;

import java.nio.file.Path;

/** A user mistake in the manifest, reported as {@code file:line:column: message}. */
public final class ManifestException extends Exception {

    private static final long serialVersionUID = 1L;

    public ManifestException(Path file, int line, int column, String message) {
        super(file + ":" + line + ":" + column + ": " + message);
    }
}
