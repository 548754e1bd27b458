package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.tests.support.ConformanceFigures;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.conform.GraphStepConformance;
import io.finalspec.toolkit.conform.ToolGraphConformance;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;

/**
 * The two sources of graph mode side by side, one model after the other in one run: TLC's graph
 * compared inside TLC's JVM ({@link ToolGraphConformance}, what {@code conform} uses on one machine;
 * with one thread and with one per core) and TLC's labelled dump streamed while TLC writes it
 * ({@link GraphStepConformance}, what {@code conform --distributed} uses), each timed from the start
 * of its TLC JVM to the last comparison, beside TLC checking the model alone (one worker, from its
 * JVM's start to its end): the comparison cannot be faster than TLC generating the graph. All must
 * compare the same states and transitions and find no mismatch.
 *
 * <p>A measurement, not part of {@code mvn verify}: {@code -Dfinalspec.graphsources=REGEX} names the
 * cases (corpus models, the large models of {@code conform-large} and the default models of
 * {@code specs/models.toml}); with
 * {@code -Dfinalspec.graphsources.doc=true} the figures go into docs/conformance.md (section
 * {@code graph-sources}).
 */
@EnabledIfSystemProperty(named = "finalspec.graphsources", matches = ".+")
class GraphSourcesTest {

    static final String ONLY = System.getProperty("finalspec.graphsources", "");
    static final long SEED = 20261122L;
    /** Threads of TLC's JVM for the Tool API comparison (as {@code conform} runs it: one per core), beside one thread. */
    static final int THREADS = Runtime.getRuntime().availableProcessors();

    @Test
    void bothSourcesCompareTheSameGraph() throws Exception {
        List<ExploreCase> cases = new ArrayList<>(ExploreCases.conformable());
        ExploreCases.conformLarge().forEach(l -> cases.add(l.model()));
        cases.addAll(ExploreCases.models());
        cases.removeIf(c -> !c.name().matches(ONLY));
        assertFalse(cases.isEmpty(), "no case matches " + ONLY);
        double loadBefore = ConformanceFigures.Machine.load();
        List<ConformanceFigures.SourceRow> rows = new ArrayList<>();
        for (ExploreCase c : cases) {
            Machine machine = Compiler.load(c.spec(), c.config());
            GraphStepConformance.Result[] dumps = fromDump(machine, c);
            GraphStepConformance.Result dump = dumps[0];
            GraphStepConformance.Result written = dumps[1];
            TlcResult alone = new TlcRunner(new TlcOptions(1, "2g", 600, false)).check(c.spec(), c.config(), p -> { });
            GraphStepConformance.Result one = new ToolGraphConformance(machine, SEED, 1).check(c.spec(), c.config(), false, n -> { });
            GraphStepConformance.Result tool = new ToolGraphConformance(machine, SEED, THREADS).check(c.spec(), c.config(), false, n -> { });
            assertEquals(List.of(), dump.mismatches(), c.name());
            assertEquals(List.of(), one.mismatches(), c.name());
            assertEquals(List.of(), tool.mismatches(), c.name());
            assertEquals(io.finalspec.codegen.manifest.Expectation.Kind.PASS, alone.outcome().kind(),
                c.name() + ": a model whose check TLC stops early cannot time its whole graph");
            assertEquals(alone.distinct(), tool.statesChecked(), c.name() + ": TLC alone");
            assertEquals(List.of(), written.mismatches(), c.name());
            for (GraphStepConformance.Result r : List.of(dump, written, one)) {
                assertEquals(r.statesChecked(), tool.statesChecked(), c.name());
                assertEquals(r.transitionsCompared(), tool.transitionsCompared(), c.name());
            }
            ConformanceFigures.SourceRow row = new ConformanceFigures.SourceRow(c.name(), tool.statesChecked(), tool.transitionsCompared(),
                round(alone.seconds()), round(dump.seconds()), round(written.seconds()), round(one.seconds()), round(tool.seconds()), THREADS);
            System.out.println("graph sources: " + row);
            rows.add(row);
        }
        if (Boolean.getBoolean("finalspec.graphsources.doc")) {
            ConformanceFigures.write(ConformanceFigures.doc(), "graph-sources", ConformanceFigures.json(
                new ConformanceFigures.Sources(ConformanceFigures.Machine.now(loadBefore), rows)));
        }
        assertTrue(rows.stream().allMatch(r -> r.states() > 0));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /**
     * The dump path as {@code conform} runs it (TLC writes its graph while this JVM reads and compares
     * it), then the written dump compared again, as {@code conform --dump FILE} compares a dump written
     * beforehand (in this JVM, so the machine's code is already compiled by the JIT).
     */
    private static GraphStepConformance.Result[] fromDump(Machine machine, ExploreCase c) throws Exception {
        GraphStepConformance graph = new GraphStepConformance(machine, SEED);
        Path dir = Children.ofThisJvm().tempFolder("graph-sources");
        try {
            TlcGraphDump.Streamed<GraphStepConformance.Pass> run = new TlcGraphDump(new TlcOptions(1, "2g", 600, false))
                .dumpWhileReading(c.spec(), c.config(), dir, graph::stream);
            assertTrue(run.dump().complete(), run.dump().outputTail());
            GraphStepConformance.Result streamed = graph.finish(run.result(), run.dump().file(), run.dump().distinct());
            GraphStepConformance.Result written = new GraphStepConformance(machine, SEED).check(run.dump().file(), run.dump().distinct());
            return new GraphStepConformance.Result[] {streamed, written};
        } finally {
            Children.ofThisJvm().delete(dir);
        }
    }
}
