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
import io.finalspec.runtime.machine.Machine;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.conform.GraphStepConformance;
import io.finalspec.toolkit.conform.Mismatch;
import io.finalspec.toolkit.conform.StepConformance;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.conform.ToolGraphConformance;
import io.finalspec.toolkit.oracle.MachineFactory;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;

/**
 * Mutation tests of the conformance suite: a deliberately broken generator or runtime must be
 * caught. TLC always reads the original spec; the machine is built from a mutant. Each mutant
 * must produce a successor mismatch, and the unmutated machine none, on the three paths: the oracle's
 * walks ({@link StepConformance}), TLC's whole labelled graph ({@link GraphStepConformance},
 * dumped once for all mutants), and TLC's graph compared in TLC's JVM with the mutant built there
 * ({@link ToolGraphConformance}; mutants of the spec's text compiled from the mutated file, the
 * others by a {@link MutantMachines} factory).
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

    /** The spec with {@code from} replaced by {@code to}, in a temporary folder (TLC still reads the original). */
    private Path mutantSpec(String from, String to) throws Exception {
        String text = Files.readString(SPEC);
        assertTrue(text.contains(from), "mutation site missing: " + from);
        Path spec = tmp.resolve("Counters.tla");
        Files.writeString(spec, text.replace(from, to));
        return spec;
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

    /**
     * TLC's graph of the original spec compared in TLC's JVM with the machine {@code factory} builds
     * there from {@code machineSpec}; {@code machine} is the same mutant, built here to describe a mismatch.
     */
    static List<Mismatch> conformInTlc(Machine machine, Path machineSpec, Class<? extends MachineFactory> factory) throws Exception {
        return new ToolGraphConformance(machine, SEED).check(SPEC, CFG, machineSpec, CFG, factory, true, n -> { }).mismatches();
    }

    /** The mutant compiled from {@code machineSpec} on the three paths: walks, TLC's dump, TLC's JVM. */
    private static List<Mismatch> allPaths(Path machineSpec) throws Exception {
        Machine mutant = Compiler.load(machineSpec, CFG);
        return List.of(single(conform(mutant)), singleInGraph(conformByGraph(mutant)),
            singleInGraph(conformInTlc(mutant, machineSpec, MachineFactory.Compiled.class)));
    }

    @Test
    void unmutatedMachineConforms() throws Exception {
        assertEquals(List.of(), conform(Compiler.load(SPEC, CFG)));
        assertEquals(List.of(), conformByGraph(Compiler.load(SPEC, CFG)));
        GraphStepConformance.Result inTlc = new ToolGraphConformance(Compiler.load(SPEC, CFG), SEED).check(SPEC, CFG, true, n -> { });
        assertEquals(List.of(), inTlc.mismatches());
        assertEquals(graph().distinct(), inTlc.statesChecked(), "TLC's JVM compares every state TLC's model checker counts");
    }

    @Test
    void droppedGuardIsCaught() throws Exception {
        for (Mismatch m : allPaths(mutantSpec("Inc(p) == /\\ c[p] < Max", "Inc(p) == /\\ TRUE"))) {
            assertTrue(m.extra().stream().anyMatch(t -> t.label().name().equals("Inc")), "the machine takes Inc past Max");
            assertTrue(m.missing().isEmpty());
        }
    }

    @Test
    void exceptPathOffByOneIsCaught() throws Exception {
        for (Mismatch m : allPaths(mutantSpec("[c EXCEPT ![p] = @ + 1]", "[c EXCEPT ![(p % N) + 1] = @ + 1]"))) {
            assertFalse(m.diff().isEmpty(), "a per-variable diff points at c");
            assertEquals("c", m.diff().get(0).variable());
        }
    }

    @Test
    void wrongActionLabelIsCaught() throws Exception {
        Machine relabelled = new MutantMachines.Relabelled().load(SPEC, CFG);
        for (Mismatch m : List.of(single(conform(relabelled)), singleInGraph(conformByGraph(relabelled)),
                singleInGraph(conformInTlc(relabelled, SPEC, MutantMachines.Relabelled.class)))) {
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
}
