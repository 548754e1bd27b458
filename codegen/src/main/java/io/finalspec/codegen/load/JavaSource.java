package io.finalspec.codegen.load;

import java.util.Objects;

/** A Java compilation unit held in memory: its fully qualified top-level class name and text. */
public record JavaSource(String className, String code) {

    public JavaSource {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(code, "code");
    }

    /** The path javac expects for this class, e.g. {@code a/b/C.java}. */
    String path() {
        return className.replace('.', '/') + ".java";
    }
}
