package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.live.ActorDriver;
import io.finalspec.runtime.live.PctScheduler;
import io.finalspec.runtime.live.TraceScheduler;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.tests.LiveRuntimeTest.PctCase;
import io.finalspec.tests.support.ExploreCases;

/**
 * docs/live.md's table: for every default model whose bug is an invariant violation, the real
 * threads replay the explorer's counterexample (the trace-driven scheduler), and PCT runs with
 * fixed seeds break the invariant about as often as its printed probability promises.
 *
 * <p>{@code mvn verify} checks that every such model has a row, that the quoted totals are the
 * rows' sums and keep the promise, and re-runs a seeded sample of rows (their first breaking run
 * must break again: runs are deterministic for a seed). {@code -Dfinalspec.live.all=true
 * -Dfinalspec.live.write=true} recomputes every row and rewrites the table; with
 * {@code -Dfinalspec.live.missing=true} instead of {@code .all} only the rows of buggy models that
 * have none are computed (the others are kept, rows of models no longer buggy dropped).
 */
class PctTableTest {

    static final Path DOC = ExploreCases.root().resolve("docs/live.md");
    static final String BEGIN = "<!-- pct-table -->";
    static final String END = "<!-- /pct-table -->";
    /** Run i of a model uses seed SEED + i. */
    static final long SEED = 20261203L;
    /** Runs per model: its promise for 95% confidence, at most this many (unless raised for chosen rows, see wholeTable). */
    static final long MAX_RUNS = 3_000;
    static final int SAMPLE = 3;

    /** One row: the model, PCT's bound (n actors, k steps, depth d, p per run), runs made, breaks, the first. */
    record Row(String model, int n, int k, int d, double p, long promised, long runs, long breaks, long first, boolean replayed) {

        double expected() {
            return p * runs;
        }

        /** The promise applies when all promised runs were made: one must have broken it. */
        boolean late() {
            return runs == promised && breaks == 0;
        }

        String markdown() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3g | %,d | %,d | %,d | %.1f | %s | %s |", model, n, k, d, p, promised,
                runs, breaks, expected(), first == 0 ? "none" : String.format(Locale.ROOT, "%,d", first), replayed ? "ok" : "FAILED");
        }

        static final Pattern ROW = Pattern.compile(
            "\\| (\\S+) \\| (\\d+) \\| (\\d+) \\| (\\d+) \\| ([0-9.e+-]+) \\| ([0-9,]+) \\| ([0-9,]+) \\| ([0-9,]+) \\| [0-9.]+ \\| ([0-9,]+|none) \\| (ok|FAILED) \\|");

        static Row parse(Matcher m) {
            return new Row(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                Double.parseDouble(m.group(5)), num(m.group(6)), num(m.group(7)), num(m.group(8)),
                m.group(9).equals("none") ? 0 : num(m.group(9)), m.group(10).equals("ok"));
        }

        private static long num(String s) {
            return Long.parseLong(s.replace(",", ""));
        }
    }

    /** The rows quoted in docs/live.md, by model. */
    static Map<String, Row> quoted() throws Exception {
        String doc = Files.readString(DOC);
        int b = doc.indexOf(BEGIN), e = doc.indexOf(END);
        assertTrue(b >= 0 && e > b, "docs/live.md has no " + BEGIN + " ... " + END + " block");
        Map<String, Row> rows = new TreeMap<>();
        Matcher m = Row.ROW.matcher(doc.substring(b, e));
        while (m.find()) {
            rows.put(m.group(1), Row.parse(m));
        }
        return rows;
    }

    static List<ModelEntry> buggy() throws Exception {
        return LiveRuntimeTest.buggyModels().map(a -> (ModelEntry) a.get()[1]).toList();
    }

    /** Computes a model's row: the trace-driven replay, then {@code min(promise, MAX_RUNS)} PCT runs. */
    static Row compute(ModelEntry m, long maxRuns) throws Exception {
        PctCase c = LiveRuntimeTest.pctCase(m);
        long runs = Math.min(c.promised(), maxRuns);
        long breaks = 0, first = 0;
        TraceReplayer replayer = new TraceReplayer(c.machine());
        for (long i = 0; i < runs; i++) {
            if (breaks(c, i, replayer)) {
                breaks++;
                first = first == 0 ? i + 1 : first;
            }
        }
        return new Row(m.name(), c.bound().actors(), c.bound().window(), c.bound().depth(), c.bound().probability(), c.promised(), runs,
            breaks, first, replays(c));
    }

    /** Run {@code i} of the table (seed SEED + i): does it break the model's invariant? Every run must be a behaviour. */
    static boolean breaks(PctCase c, long i, TraceReplayer replayer) throws Exception {
        ActorDriver.Run run = new ActorDriver(c.machine(), new ActorDriver.Options(200, Duration.ZERO, SEED + i), c.actors())
            .run(c.init(), new PctScheduler(SEED + i, c.bound().depth(), c.bound().window()));
        assertTrue(replayer.replay(run.trace()).ok(), c.model().name() + " PCT run " + i + " is not a behaviour");
        if (run.ending() != ActorDriver.Ending.VIOLATION) {
            return false;
        }
        assertEquals(c.model().expect().detail(), run.violations().get(0).invariant(), c.model().name());
        return true;
    }

    /** The explorer's shortest counterexample, driven by real threads, breaks the invariant at its last step. */
    static boolean replays(PctCase c) throws Exception {
        Trace ce = new BfsExplorer(c.machine()).run().trace();
        ActorDriver.Run run = new ActorDriver(c.machine(), new ActorDriver.Options(ce.size() + 10, Duration.ZERO, 1, Duration.ofSeconds(60)))
            .run(ce.state(0), new TraceScheduler(ce));
        return run.ending() == ActorDriver.Ending.VIOLATION && run.violations().get(0).step() == ce.size() - 1
            && run.violations().get(0).invariant().equals(c.model().expect().detail()) && run.trace().states().equals(ce.states());
    }

    /** Sums over rows: breaks, expected breaks (p is a lower bound, so this is too) and its standard deviation. */
    record Totals(long models, long runs, long breaks, double expected, double sd, long late) {
        static Totals of(Iterable<Row> rows) {
            long n = 0, runs = 0, breaks = 0, late = 0;
            double expected = 0, variance = 0;
            for (Row r : rows) {
                n++;
                runs += r.runs();
                breaks += r.breaks();
                expected += r.expected();
                variance += r.runs() * r.p() * (1 - r.p());
                late += r.late() ? 1 : 0;
            }
            return new Totals(n, runs, breaks, expected, Math.sqrt(variance), late);
        }

        /** The probabilities are lower bounds: fewer breaks than expected by three deviations would break the promise. */
        boolean keepsThePromise() {
            return breaks >= expected - 3 * sd;
        }

        /** The sentence of the README's claims that quotes these totals. */
        String readmeClaim() {
            return String.format(Locale.ROOT, "In all, %,d of %,d runs broke the invariant where the printed lower bounds promise at"
                + " least %.1f.", breaks, runs, expected);
        }

        String line() {
            return String.format(Locale.ROOT, "Totals: %d models, %,d runs, %,d breaks where the printed probabilities promise at least"
                + " %.1f (standard deviation %.1f); %d model(s) with no break within all of its promised runs.", models, runs, breaks,
                expected, sd, late);
        }
    }

    @Test
    void everyBuggyModelHasARowAndTheTotalsKeepThePromise() throws Exception {
        Map<String, Row> rows = quoted();
        TreeSet<String> models = new TreeSet<>(buggy().stream().map(ModelEntry::name).toList());
        assertEquals(models, new TreeSet<>(rows.keySet()), "docs/live.md needs a row for exactly the default models whose bug is an"
            + " invariant violation; regenerate it: mvn -pl tests -am test -Dtest='PctTableTest#wholeTable'"
            + " -Dfinalspec.live.all=true (or .missing=true) -Dfinalspec.live.write=true");
        Totals t = Totals.of(rows.values());
        assertTrue(Files.readString(DOC).contains(t.line()), "docs/live.md must quote the rows' totals:\n" + t.line());
        assertTrue(t.keepsThePromise(), t.line());
        String readme = Files.readString(DOC.getParent().getParent().resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains(t.readmeClaim()), "README.md must quote the table's totals: " + t.readmeClaim());
        rows.values().forEach(r -> assertTrue(r.replayed(), r.model() + ": the trace-driven replay failed"));
    }

    /** A seeded sample of rows: the bound is the same, and the first breaking run breaks again. */
    @Test
    void sampledRowsReproduce() throws Exception {
        Map<String, Row> rows = quoted();
        List<ModelEntry> models = new ArrayList<>(buggy().stream().filter(m -> rows.containsKey(m.name())).toList());
        Collections.shuffle(models, new Random(SEED));
        int checked = 0;
        for (ModelEntry m : models) {
            Row row = rows.get(m.name());
            if (row.first() == 0 || checked == SAMPLE) {
                continue;
            }
            PctCase c = LiveRuntimeTest.pctCase(m);
            assertEquals(row.n() + "/" + row.k() + "/" + row.d() + "/" + row.promised(),
                c.bound().actors() + "/" + c.bound().window() + "/" + c.bound().depth() + "/" + c.promised(), m.name());
            assertTrue(breaks(c, row.first() - 1, new TraceReplayer(c.machine())), m.name() + ": run " + row.first() + " broke "
                + m.expect().detail() + " when the table was made; it does not now");
            checked++;
        }
        assertEquals(SAMPLE, checked, "sampled rows");
    }

    /** The whole table, recomputed (and written with -Dfinalspec.live.write=true). */
    @Test
    void wholeTable() throws Exception {
        boolean onlyMissing = Boolean.getBoolean("finalspec.live.missing");
        List<String> recompute = List.of(System.getProperty("finalspec.live.recompute", "").split(",")).stream()
            .filter(s -> !s.isBlank()).toList();
        long maxRuns = Long.getLong("finalspec.live.maxRuns", MAX_RUNS);
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("finalspec.live.all") || onlyMissing || !recompute.isEmpty(),
            "-Dfinalspec.live.all=true recomputes the table, -Dfinalspec.live.missing=true only the rows it lacks,"
                + " -Dfinalspec.live.recompute=M1,M2 only those rows (with -Dfinalspec.live.maxRuns=N for more than "
                + MAX_RUNS + " runs each)");
        Map<String, Row> kept = onlyMissing || !recompute.isEmpty() ? quoted() : Map.of();
        List<Row> rows = new ArrayList<>();
        for (ModelEntry m : buggy()) {
            if (kept.containsKey(m.name()) && !recompute.contains(m.name())) {
                rows.add(kept.get(m.name()));
                continue;
            }
            long t0 = System.nanoTime();
            Row r = compute(m, recompute.contains(m.name()) ? maxRuns : MAX_RUNS);
            System.out.printf("%s  (%.1f s)%n", r.markdown(), (System.nanoTime() - t0) / 1e9);
            rows.add(r);
        }
        rows.sort((a, b) -> a.model().compareTo(b.model()));
        Totals t = Totals.of(rows);
        StringBuilder block = new StringBuilder(BEGIN).append('\n')
            .append("| model | n | k | d | p per run | runs for 95% | runs | breaks | expected | first break | trace replay |\n")
            .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> block.append(r.markdown()).append('\n'));
        block.append('\n').append(t.line()).append('\n').append(END);
        System.out.println(block);
        if (Boolean.getBoolean("finalspec.live.write")) {
            String doc = Files.readString(DOC);
            Files.writeString(DOC, doc.substring(0, doc.indexOf(BEGIN)) + block + doc.substring(doc.indexOf(END) + END.length()));
        }
        assertTrue(t.keepsThePromise(), t.line());
        rows.forEach(r -> assertTrue(r.replayed(), r.model() + ": the trace-driven replay failed"));
    }
}
