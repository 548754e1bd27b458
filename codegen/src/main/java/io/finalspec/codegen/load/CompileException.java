package io.finalspec.codegen.load;

import java.util.List;

/**
 * Generated Java did not compile. Generated code compiling is the generator's promise, so this is
 * a finalspec bug, not a user mistake; the diagnostics say where.
 */
public final class CompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> diagnostics;

    public CompileException(List<String> diagnostics) {
        super("generated Java does not compile:\n  " + String.join("\n  ", diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<String> diagnostics() {
        return diagnostics;
    }
}
