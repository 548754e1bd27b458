package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.value.Tla;
import io.finalspec.toolkit.conform.Mismatch;

/**
 * A mutant of the runtime's set order must be caught. The runtime orders strings by first
 * appearance, as TLC does, once per JVM; this class has its JVM to itself (surefire does not reuse
 * forks), so interning the spec's strings in another order before its machine loads really
 * changes the order the machine sees.
 */
class SetOrderMutationTest {

    @Test
    void changedSetOrderIsCaught() throws Exception {
        // TLC meets the colours as red, green, blue; with the reverse order CHOOSE picks blue first.
        Tla.internNames("blue", "green", "red", "none");
        Mismatch m = MutationTest.single(MutationTest.conform(Compiler.load(MutationTest.SPEC, MutationTest.CFG)));
        assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
        assertTrue(m.missing().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
    }
}
