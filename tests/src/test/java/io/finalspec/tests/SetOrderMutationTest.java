package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.toolkit.conform.Mismatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mutant of the machine's string order must be caught ({@link MutantMachines.ReversedColours}:
 * every machine owns its table, so the mutant needs no JVM of its own), on the three paths.
 */
class SetOrderMutationTest {

    @Test
    void changedSetOrderIsCaught() throws Exception {
        Machine mutant = new MutantMachines.ReversedColours().load(MutationTest.SPEC, MutationTest.CFG);
        for (Mismatch m : List.of(MutationTest.single(MutationTest.conform(mutant)),
                MutationTest.singleInGraph(MutationTest.conformByGraph(mutant)),
                MutationTest.singleInGraph(MutationTest.conformInTlc(mutant, MutationTest.SPEC, MutantMachines.ReversedColours.class)))) {
            assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
            assertTrue(m.missing().stream().anyMatch(t -> t.label().name().equals("Dispatch")), m.toString());
        }
    }
}
