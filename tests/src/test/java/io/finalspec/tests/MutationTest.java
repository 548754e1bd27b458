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
import io.finalspec.toolkit.conform.GraphStepConformance;
import io.finalspec.toolkit.conform.Mismatch;
import io.finalspec.toolkit.conform.StepConformance;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;

/**
 * Mutation tests of the conformance suite: a deliberately broken generator or runtime must be
 * caught. TLC always reads the original spec; the machine is built from a mutant. Each mutant
 * must produce a successor mismatch, and the unmutated machine none, on both paths: the oracle's
 * walks ({@link StepConformance}) and TLC's whole labelled graph ({@link GraphStepConformance},
 * dumped once for all mutants).
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

    /** TLC's labelled graph of the original spec, dumped once for every mutant of this and the other mutation tests. */
    private static TlcGraphDump.Dump graph;

    static synchronized TlcGraphDump.Dump graph() throws Exception {
        if (graph == null) {
            TlcGraphDump.Dump d = new TlcGraphDump(TlcOptions.defaults()).dump(SPEC, CFG, Children.ofThisJvm().tempFolder("mutation-graph"));
            assertTrue(d.complete(), d.outputTail());
            graph = d;
        }
        return graph;
    }

    static List<Mismatch> conformByGraph(Machine machine) throws Exception {
        return new GraphStepConformance(machine, SEED).check(graph().file(), graph().distinct()).mismatches();
    }

    static List<Mismatch> conform(Machine machine) throws Exception {
        try (TlcOracleAdapter oracle = TlcOracleAdapter.start(machine, SPEC, CFG)) {
            return new StepConformance(machine, oracle, new StepConformance.Options(SEED, 10_000, 60, 50, 16)).run().mismatches();
        }
    }

    @Test
    void unmutatedMachineConforms() throws Exception {
        assertEquals(List.of(), conform(Compiler.load(SPEC, CFG)));
        assertEquals(List.of(), conformByGraph(Compiler.load(SPEC, CFG)));
    }

    @Test
    void droppedGuardIsCaught() throws Exception {
        Machine mutant = mutant("Inc(p) == /\\ c[p] < Max", "Inc(p) == /\\ TRUE");
        for (Mismatch m : List.of(single(conform(mutant)), singleInGraph(conformByGraph(mutant)))) {
            assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Inc")), "the machine takes Inc past Max");
            assertTrue(m.missing().isEmpty());
        }
    }

    @Test
    void exceptPathOffByOneIsCaught() throws Exception {
        Machine mutant = mutant("[c EXCEPT ![p] = @ + 1]", "[c EXCEPT ![(p % N) + 1] = @ + 1]");
        for (Mismatch m : List.of(single(conform(mutant)), singleInGraph(conformByGraph(mutant)))) {
            assertFalse(m.diff().isEmpty(), "a per-variable diff points at c");
            assertEquals("c", m.diff().get(0).variable());
        }
    }

    @Test
    void wrongActionLabelIsCaught() throws Exception {
        Machine relabelled = new RelabellingMachine(Compiler.load(SPEC, CFG), "Dispatch", "Dispatcher");
        for (Mismatch m : List.of(single(conform(relabelled)), singleInGraph(conformByGraph(relabelled)))) {
            assertEquals("Dispatcher", m.extra().get(0).label().name());
            assertEquals("Dispatch", m.missing().get(0).label().name());
        }
    }

    static Mismatch single(List<Mismatch> ms) {
        return single(ms, "successors");
    }

    static Mismatch singleInGraph(List<Mismatch> ms) {
        return single(ms, "graph");
    }

    private static Mismatch single(List<Mismatch> ms, String kind) {
        assertEquals(1, ms.size(), "the suite reports the mutant");
        Mismatch m = ms.get(0);
        assertEquals(kind, m.kind());
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
