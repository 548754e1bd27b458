package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.conform.Mismatch;
import io.finalspec.toolkit.conform.StepConformance;
import io.finalspec.toolkit.conform.TlcOracleAdapter;

/**
 * Mutation tests of the conformance suite: a deliberately broken generator or runtime must be
 * caught. TLC always reads the original spec; the machine is built from a mutant. Each mutant
 * must produce a successor mismatch, and the unmutated machine none.
 *
 * <p>The mutant of the machine's set order is in {@link SetOrderMutationTest}.
 */
class MutationTest {

    static final Path DIR = ExploreCases.root().resolve("tests/src/test/resources/mutation");
    static final Path SPEC = DIR.resolve("Counters.tla");
    static final Path CFG = DIR.resolve("Counters.cfg");
    static final long SEED = 7;

    @TempDir
    Path tmp;

    private Machine mutant(String from, String to) throws Exception {
        String text = Files.readString(SPEC);
        assertTrue(text.contains(from), "mutation site missing: " + from);
        Path spec = tmp.resolve("Counters.tla");
        Files.writeString(spec, text.replace(from, to));
        return Compiler.load(spec, CFG);
    }

    static List<Mismatch> conform(Machine machine) throws Exception {
        try (TlcOracleAdapter oracle = TlcOracleAdapter.start(machine, SPEC, CFG)) {
            return new StepConformance(machine, oracle, new StepConformance.Options(SEED, 10_000, 60, 50, 16)).run().mismatches();
        }
    }

    @Test
    void unmutatedMachineConforms() throws Exception {
        assertEquals(List.of(), conform(Compiler.load(SPEC, CFG)));
    }

    @Test
    void droppedGuardIsCaught() throws Exception {
        Mismatch m = single(conform(mutant("Inc(p) == /\\ c[p] < Max", "Inc(p) == /\\ TRUE")));
        assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Inc")), "the machine takes Inc past Max");
        assertTrue(m.missing().isEmpty());
    }

    @Test
    void exceptPathOffByOneIsCaught() throws Exception {
        Mismatch m = single(conform(mutant("[c EXCEPT ![p] = @ + 1]", "[c EXCEPT ![(p % N) + 1] = @ + 1]")));
        assertFalse(m.diff().isEmpty(), "a per-variable diff points at c");
        assertEquals("c", m.diff().get(0).variable());
    }

    @Test
    void wrongActionLabelIsCaught() throws Exception {
        Machine relabelled = new RelabellingMachine(Compiler.load(SPEC, CFG), "Dispatch", "Dispatcher");
        Mismatch m = single(conform(relabelled));
        assertEquals("Dispatcher", m.extra().get(0).label().name());
        assertEquals("Dispatch", m.missing().get(0).label().name());
    }

    static Mismatch single(List<Mismatch> ms) {
        assertEquals(1, ms.size(), "the suite reports the mutant");
        Mismatch m = ms.get(0);
        assertEquals("successors", m.kind());
        assertTrue(m.path().size() >= 1, "a shortest behaviour leads to the divergence");
        assertEquals(SEED, m.seed());
        return m;
    }

    /** A broken generator that gives one action another name. */
    private static final class RelabellingMachine extends ForwardingMachine {
        private final String from;
        private final String to;

        RelabellingMachine(Machine inner, String from, String to) {
            super(inner);
            this.from = from;
            this.to = to;
        }

        @Override
        public void successors(State state, SuccessorSink out) {
            delegate.successors(state, (label, next) -> out.accept(
                label.name().equals(from) ? new ActionLabel(to, label.params()) : label, next));
        }
    }
}
