package io.finalspec.toolkit.conform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.toolkit.oracle.MachineFactory;
import io.finalspec.toolkit.oracle.OracleException;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;

/**
 * The graph compared in TLC's JVM ({@link ToolGraphConformance}) gives the answers of the graph
 * read from TLC's dump ({@link GraphStepConformance}): the same states and transitions counted on
 * models with SYMMETRY, VIEW, CONSTRAINT and ACTION_CONSTRAINT, and, when TLC reads a mutant of the
 * spec, the same mismatch reported in the same words.
 */
class ToolGraphConformanceTest {
    private static final Path CORPUS = Path.of("../tests/src/test/resources/corpus").toAbsolutePath().normalize();
    private static final Path MUTANT = Path.of("src/test/resources/dconform").toAbsolutePath().normalize();
    private static final Path SEMAPHORE = CORPUS.resolve("Semaphore/Semaphore.tla");
    private static final Path SEMAPHORE_CFG = CORPUS.resolve("Semaphore/Semaphore.cfg");
    private static final long SEED = 7;

    /** TLC's dump of {@code spec} with {@code cfg}, compared with {@code machine}. */
    private static GraphStepConformance.Result fromDump(Machine machine, Path spec, Path cfg) throws Exception {
        Path dir = Children.ofThisJvm().tempFolder("toolgraph");
        try {
            TlcGraphDump.Dump dump = new TlcGraphDump(TlcOptions.defaults()).dump(spec, cfg, dir);
            assertTrue(dump.complete(), dump.outputTail());
            return new GraphStepConformance(machine, SEED).check(dump.file(), dump.distinct());
        } finally {
            Children.ofThisJvm().delete(dir);
        }
    }

    @Test
    void countsAsTheDumpUnderSymmetryViewAndConstraints() throws Exception {
        String[][] models = {
            {"Semaphore/Semaphore.tla", "Semaphore/Semaphore.cfg"},
            {"DiningPool/DiningPool.tla", "DiningPool/DiningPool.cfg"}, // SYMMETRY
            {"Elevator/Elevator.tla", "Elevator/Elevator.cfg"}, // VIEW
            {"TrafficLight/TrafficLight.tla", "TrafficLight/TrafficLight.cfg"}, // ACTION_CONSTRAINT
            {"RiverCrossing/RiverCrossing.tla", "RiverCrossing/RiverCrossing.cfg"}, // CONSTRAINT
        };
        for (String[] m : models) {
            Path spec = CORPUS.resolve(m[0]);
            Path cfg = CORPUS.resolve(m[1]);
            Machine machine = Compiler.load(spec, cfg);
            GraphStepConformance.Result dump = fromDump(machine, spec, cfg);
            GraphStepConformance.Result tool = new ToolGraphConformance(machine, SEED, 1).check(spec, cfg, true, n -> { });
            GraphStepConformance.Result threads = new ToolGraphConformance(machine, SEED, 3).check(spec, cfg, true, n -> { });
            assertEquals(List.of(), dump.mismatches(), m[1]);
            assertEquals(List.of(), threads.mismatches(), m[1]);
            assertEquals(tool.statesChecked() + "/" + tool.transitionsCompared(), threads.statesChecked() + "/" + threads.transitionsCompared(),
                m[1] + ": one thread or three in TLC's JVM");
            assertEquals(List.of(), tool.mismatches(), m[1]);
            assertTrue(tool.statesChecked() > 1, m[1]);
            assertEquals(dump.statesChecked(), tool.statesChecked(), m[1]);
            assertEquals(dump.transitionsCompared(), tool.transitionsCompared(), m[1]);
        }
    }

    /** TLC reads a mutant of Semaphore (one step, or the initial states), the machine is the original's. */
    @Test
    void reportsTheDumpsMismatch() throws Exception {
        Machine machine = Compiler.load(SEMAPHORE, SEMAPHORE_CFG);
        Path mutant = MUTANT.resolve("SemaphoreMutant.tla");
        for (String cfg : List.of("step.cfg", "init.cfg")) {
            GraphStepConformance.Result dump = fromDump(machine, mutant, MUTANT.resolve(cfg));
            GraphStepConformance.Result tool = new ToolGraphConformance(machine, SEED)
                .check(mutant, MUTANT.resolve(cfg), SEMAPHORE, SEMAPHORE_CFG, MachineFactory.Compiled.class, true, n -> { });
            assertEquals(1, tool.mismatches().size(), cfg);
            assertEquals(cfg.equals("init.cfg") ? "init" : "graph", tool.mismatches().get(0).kind());
            assertEquals(MismatchReport.format(dump.mismatches().get(0), machine), MismatchReport.format(tool.mismatches().get(0), machine), cfg);
            assertEquals(dump.statesChecked(), tool.statesChecked(), cfg);
        }
    }

    /** A machine TLC's JVM cannot build is its own kind of failure (conform then reads TLC's dump). */
    @Test
    void aMachineThatDoesNotCompileInTlcsJvmIsReported() throws Exception {
        Machine machine = Compiler.load(SEMAPHORE, SEMAPHORE_CFG);
        OracleException e = org.junit.jupiter.api.Assertions.assertThrows(OracleException.class, () -> new ToolGraphConformance(machine, SEED)
            .check(SEMAPHORE, SEMAPHORE_CFG, MUTANT.resolve("SemaphoreMutant.tla"), MUTANT.resolve("nothing.cfg"),
                MachineFactory.Compiled.class, true, n -> { }));
        assertEquals(OracleException.Kind.MACHINE, e.kind(), e.getMessage());
    }
}
