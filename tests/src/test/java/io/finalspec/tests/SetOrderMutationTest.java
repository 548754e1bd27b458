package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.config.ConfigParser;
import io.finalspec.codegen.config.ModelConfig;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.codegen.lower.NameOrder;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.toolkit.conform.Mismatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mutant of the machine's string order must be caught. The machine is built with a table that
 * puts the spec's colours first in the reverse of TLC's order (every machine owns its table, so
 * the mutant needs no JVM of its own).
 */
class SetOrderMutationTest {

    @Test
    void changedSetOrderIsCaught() throws Exception {
        // TLC meets the colours as red, green, blue; with the reverse order CHOOSE picks blue first.
        List<String> order = new ArrayList<>(List.of("blue", "green", "red", "none"));
        order.addAll(NameOrder.forSpec(MutationTest.SPEC, ConfigParser.parse(MutationTest.CFG).config().constants()
            .stream().map(ModelConfig.ConstantValue::value).toList()));
        CompileResult r = Compiler.compile(MutationTest.SPEC, MutationTest.CFG, CompileOptions.inPackage("finalspec.generated"));
        assertTrue(r.ok(), r.describe());
        Machine mutant = (Machine) InMemoryCompiler.withContextLoader().compile(r.sources()).loadClass(r.className())
            .getConstructor(NameTable.class).newInstance(new NameTable(order));
        for (Mismatch m : List.of(MutationTest.single(MutationTest.conform(mutant)),
                MutationTest.singleInGraph(MutationTest.conformByGraph(mutant)))) {
            assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
            assertTrue(m.missing().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
        }
    }
}
