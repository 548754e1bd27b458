package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.tests.support.ConformanceFigures;
import io.finalspec.tests.support.ExploreCase;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.toolkit.cli.Main;

/**
 * The conformance suite: for every spec model and every corpus config, {@code finalspec conform}
 * must find no mismatch between the generated machine and TLC. A model whose reachable space has at
 * most {@code -Dconform.states} states is compared in graph mode (every transition of TLC's whole
 * labelled graph, from one TLC run); a larger one by the oracle's walks from a fixed seed.
 * {@code -Dconform.traces=K} adds K TLC simulations replayed, K machine traces checked by TLC and
 * TLC's counterexample replayed per case (0 by default: in graph mode every transition those
 * behaviours take has already been compared).
 *
 * <p>Each case goes through the command's real {@code main} code ({@link Main#run}) in this JVM; the
 * TLC parts of {@code conform} run in child JVMs of their own. The fixed seed is
 * {@code -Dconform.seed} (default below); {@code -Dconform.randomSeconds=S} adds a run with a fresh,
 * printed seed for S seconds per case.
 *
 * <p>Cases run two at a time ({@code src/test/resources/junit-platform.properties}): each waits
 * mostly on its TLC child, so two keep both cores busy. {@code -Dconform.doc=true} writes the run's
 * figures into docs/conformance.md ({@link ConformanceFigures}).
 */
@Execution(ExecutionMode.CONCURRENT)
class ConformanceSuiteTest {

    static final long SEED = Long.getLong("conform.seed", 20261122L);
    static final long STATES = Long.getLong("conform.states", 300_000L);
    static final int TRACES = Integer.getInteger("conform.traces", 0);
    static final double SECONDS = Double.parseDouble(System.getProperty("conform.seconds", "20"));
    /** {@code -Dconform.only=REGEX}: only the cases whose name matches (for measuring a few models). */
    static final String ONLY = System.getProperty("conform.only", "");
    static final double RANDOM_SECONDS = Double.parseDouble(System.getProperty("conform.randomSeconds", "0"));

    static final AtomicLong STATES_CHECKED = new AtomicLong();
    static final AtomicLong TRACES_CHECKED = new AtomicLong();
    static final AtomicLong TRANSITIONS_CHECKED = new AtomicLong();
    static final AtomicLong GRAPH_CASES = new AtomicLong();
    static final AtomicLong WALK_CASES = new AtomicLong();
    static final AtomicLong MILLIS = new AtomicLong();
    static final AtomicLong START = new AtomicLong();
    static final java.util.Queue<ConformanceFigures.Row> ROWS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    static double loadBefore;
    /** {@code -Dconform.doc=true}: write this run's figures into docs/conformance.md (section "suite"). */
    static final boolean DOC = Boolean.getBoolean("conform.doc");
    static final int PARALLELISM = Integer.getInteger("junit.jupiter.execution.parallel.config.fixed.parallelism", 2);

    @TempDir
    static Path tmp;

    static Stream<ExploreCase> cases() {
        List<ExploreCase> all = new ArrayList<>(ExploreCases.models());
        all.addAll(ExploreCases.conformable());
        return all.stream().filter(c -> ONLY.isEmpty() || c.name().matches(ONLY));
    }

    static Stream<ExploreCases.LargeCase> largeCases() {
        return ExploreCases.conformLarge().stream().filter(c -> ONLY.isEmpty() || c.model().name().matches(ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void machineConformsToTlc(ExploreCase c) throws Exception {
        check(c, SEED, SECONDS, STATES, "auto");
        if (RANDOM_SECONDS > 0) {
            long seed = System.nanoTime();
            System.out.println(c.name() + ": random part with seed " + seed + " (replay with -Dconform.seed=" + seed + ")");
            check(c, seed, RANDOM_SECONDS, STATES, "auto");
        }
    }

    /**
     * A larger model is compared in graph mode (asked for, so that the machine does not explore it
     * first to choose the mode), every one of its states: the count TLC reported when it was added.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("largeCases")
    void largeModelConformsToTlcInGraphMode(ExploreCases.LargeCase c) throws Exception {
        JsonObject r = check(c.model(), SEED, SECONDS, c.states(), "graph");
        assertEquals("graph", r.get("mode").getAsString(), c.model().name());
        assertEquals(c.states(), r.get("states_checked").getAsLong(), c.model().name());
    }

    private JsonObject check(ExploreCase c, long seed, double seconds, long states, String mode) throws Exception {
        Path json = Files.createTempFile(tmp, "conform", ".json");
        String[] args = {"conform", c.spec().toString(), "--config", c.config().toString(), "--mode", mode, "--seed", String.valueOf(seed),
            "--states", String.valueOf(states), "--seconds", String.valueOf(seconds), "--traces", String.valueOf(TRACES), "--depth", "50",
            "--json", json.toString(), "--out", tmp.toString()};
        StringWriter text = new StringWriter();
        PrintWriter both = new PrintWriter(text, true);
        int code = Main.run(args, both, both);
        String output = text.toString();
        assertEquals(0, code, c + " (seed " + seed + "):\n" + output);
        JsonObject r = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(0, r.get("mismatches").getAsInt(), output);
        assertTrue(r.get("states_checked").getAsLong() > 0, output);
        STATES_CHECKED.addAndGet(r.get("states_checked").getAsLong());
        TRACES_CHECKED.addAndGet(r.get("traces_checked").getAsLong());
        TRANSITIONS_CHECKED.addAndGet(r.get("transitions_checked").getAsLong());
        (r.get("mode").getAsString().equals("graph") ? GRAPH_CASES : WALK_CASES).incrementAndGet();
        MILLIS.addAndGet(Math.round(r.get("seconds").getAsDouble() * 1000));
        ROWS.add(new ConformanceFigures.Row(c.name(), r.get("mode").getAsString(), r.get("states_checked").getAsLong(),
            r.get("transitions_checked").getAsLong(), r.get("seconds").getAsDouble()));
        System.out.println(c.name() + ": " + output.lines().skip(1).findFirst().orElse(""));
        return r;
    }

    @BeforeAll
    static void start() {
        START.set(System.nanoTime());
        loadBefore = ConformanceFigures.Machine.load();
    }

    @AfterAll
    static void totals() throws IOException {
        double secs = MILLIS.get() / 1000.0;
        double wall = (System.nanoTime() - START.get()) / 1e9;
        System.out.printf("conformance: %,d states, %,d transitions and %,d traces checked against TLC in %.1f s of conform runs"
            + " and %.1f s of wall-clock time, cases two at a time (%,.0f states/s, %,.0f transitions/s of wall-clock time;"
            + " %d cases in graph mode, %d in walk mode)%n",
            STATES_CHECKED.get(), TRANSITIONS_CHECKED.get(), TRACES_CHECKED.get(), secs, wall,
            STATES_CHECKED.get() / wall, TRANSITIONS_CHECKED.get() / wall, GRAPH_CASES.get(), WALK_CASES.get());
        if (DOC) {
            List<ConformanceFigures.Row> rows = new ArrayList<>(ROWS);
            rows.sort(java.util.Comparator.comparing(ConformanceFigures.Row::name));
            ConformanceFigures.write(ConformanceFigures.doc(), "suite", ConformanceFigures.json(new ConformanceFigures.Suite(
                ConformanceFigures.Machine.now(loadBefore), PARALLELISM, Math.round(wall * 10) / 10.0, rows)));
            System.out.println("conformance: figures written to " + ConformanceFigures.doc());
        }
    }
}
