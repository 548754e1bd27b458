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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
 */
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

    @TempDir
    static Path tmp;

    static Stream<ExploreCase> cases() {
        List<ExploreCase> all = new ArrayList<>(ExploreCases.models());
        all.addAll(ExploreCases.conformable());
        return all.stream().filter(c -> ONLY.isEmpty() || c.name().matches(ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void machineConformsToTlc(ExploreCase c) throws Exception {
        check(c, SEED, SECONDS);
        if (RANDOM_SECONDS > 0) {
            long seed = System.nanoTime();
            System.out.println(c.name() + ": random part with seed " + seed + " (replay with -Dconform.seed=" + seed + ")");
            check(c, seed, RANDOM_SECONDS);
        }
    }

    private void check(ExploreCase c, long seed, double seconds) throws Exception {
        Path json = Files.createTempFile(tmp, "conform", ".json");
        String[] args = {"conform", c.spec().toString(), "--config", c.config().toString(), "--seed", String.valueOf(seed),
            "--states", String.valueOf(STATES), "--seconds", String.valueOf(seconds), "--traces", String.valueOf(TRACES), "--depth", "50",
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
        System.out.println(c.name() + ": " + output.lines().skip(1).findFirst().orElse(""));
    }

    @AfterAll
    static void totals() throws IOException {
        double secs = MILLIS.get() / 1000.0;
        System.out.printf("conformance: %,d states, %,d transitions and %,d traces checked against TLC in %.1f s of conform runs"
            + " (%,.0f states/s, %,.0f transitions/s; %d cases in graph mode, %d in walk mode)%n",
            STATES_CHECKED.get(), TRANSITIONS_CHECKED.get(), TRACES_CHECKED.get(), secs,
            secs <= 0 ? 0 : STATES_CHECKED.get() / secs, secs <= 0 ? 0 : TRANSITIONS_CHECKED.get() / secs,
            GRAPH_CASES.get(), WALK_CASES.get());
    }
}
