package io.finalspec.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class InMemoryCompilerTest {

    private final InMemoryCompiler compiler = InMemoryCompiler.withContextLoader();

    @Test
    @SuppressWarnings("unchecked")
    void compilesAndLoadsClassesThatSeeEachOtherAndTheClassPath() throws Exception {
        JavaSource a = new JavaSource("gen.A", "package gen; public class A implements java.util.function.Supplier<String> {"
            + " public String get() { return B.NAME + io.finalspec.runtime.machine.ActionLabel.of(\"x\"); } }");
        JavaSource b = new JavaSource("gen.B", "package gen; class B { static final String NAME = \"b:\"; }");
        ClassLoader loader = compiler.compile(List.of(a, b));
        Supplier<String> s = (Supplier<String>) loader.loadClass("gen.A").getConstructor().newInstance();
        assertEquals("b:x", s.get());
    }

    @Test
    void compileErrorsSayWhere() {
        JavaSource bad = new JavaSource("gen.Bad", "package gen;\nclass Bad { int x = \"no\"; }");
        CompileException e = assertThrows(CompileException.class, () -> compiler.compileAndLoad(bad));
        assertEquals(1, e.diagnostics().size());
        assertTrue(e.diagnostics().get(0).startsWith("/gen/Bad.java:2: "), e.diagnostics().get(0));
    }
}
