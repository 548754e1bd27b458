package io.finalspec.toolkit.cli;

import static io.finalspec.toolkit.cli.CliProcess.TLC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.toolkit.cli.CliProcess.Result;

/**
 * Every command through the real {@link Main#main} in its own JVM, with the real exit code: the
 * success path, a usage error (exit 2) and bad input (exit 3), each a single line on stderr
 * without a stack trace.
 */
class CommandsThroughMainTest {

    static final String COUNTER = TLC.resolve("Counter.tla").toString();
    static final String PASS = TLC.resolve("Pass.cfg").toString();
    static final String INVARIANT = TLC.resolve("Invariant.cfg").toString();
    static final String MANIFEST = TLC.resolve("models.toml").toString();

    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return CliProcess.run(tmp, args);
    }

    private static void assertExit(int code, Result r) {
        assertEquals(code, r.code(), r.all());
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "no stack trace on the terminal: " + r.all());
    }

    /** A user mistake: exit 3 and one line naming the file, line and column. */
    private static void assertPositioned(Result r, String fileLineColumn) {
        assertExit(3, r);
        assertTrue(r.err().startsWith("finalspec: ") && r.err().contains(fileLineColumn), r.all());
    }

    @Test
    void check() throws Exception {
        Result ok = run("check", "--manifest", MANIFEST, "-m", "counter-pass", "-m", "counter-small", "-q");
        assertExit(0, ok);
        assertTrue(ok.out().contains("2 of 2 models as expected."), ok.all());
        assertExit(2, run("check", "--frobnicate"));
        assertExit(2, run("check", "--manifest", MANIFEST, "--json", tmp.toString()));
        assertExit(2, run("check", "--manifest", MANIFEST, "--workers", "100000"));
        assertPositioned(run("check", "--manifest", tmp.resolve("none.toml").toString()), "none.toml:1:1: manifest not found");
    }

    @Test
    void parse() throws Exception {
        Result ok = run("parse", COUNTER);
        assertExit(0, ok);
        assertEquals("ok", ok.out().strip());
        assertExit(2, run("parse"));
        Result bad = run("parse", TLC.resolve("Broken.tla").toString());
        assertEquals(3, bad.code(), bad.all());
        assertTrue(bad.err().contains("Broken.tla:5:"), bad.all());
    }

    @Test
    void genPrintsTheWholeClass() throws Exception {
        // A big spec: its class is longer than the 32,768 bytes that were all a user saw before stdout was flushed at exit.
        String spec = Path.of("../specs/GilFinalize.tla").toAbsolutePath().normalize().toString();
        String cfg = Path.of("../specs/models/bpo1856-fixed.cfg").toAbsolutePath().normalize().toString();
        Result printed = run("gen", spec, "--config", cfg);
        assertExit(0, printed);
        Result written = run("gen", spec, "--config", cfg, "-o", tmp.resolve("src").toString());
        assertExit(0, written);
        // one file a line: the machine, then its typed live facade
        List<String> files = written.out().strip().lines().toList();
        assertEquals(2, files.size(), written.out());
        assertTrue(files.get(1).endsWith("Live.java"), files.toString());
        String source = Files.readString(Path.of(files.get(0)), StandardCharsets.UTF_8);
        String facade = Files.readString(Path.of(files.get(1)), StandardCharsets.UTF_8);
        assertTrue(source.getBytes(StandardCharsets.UTF_8).length > 32_768, "the class is big enough to test flushing");
        assertEquals(source + facade, printed.out());

        assertExit(2, run("gen", COUNTER, "-c", PASS, "--class", "int"));
        Result badPackage = run("gen", COUNTER, "-c", PASS, "-p", "class.int");
        assertExit(2, badPackage);
        assertTrue(badPackage.err().contains("not a Java package name"), badPackage.all());
        Result missing = run("gen", tmp.resolve("Nope.tla").toString());
        assertExit(3, missing);
        assertTrue(missing.err().contains("Nope.tla: spec not found"), missing.all());
    }

    @Test
    void exploreAndTrace() throws Exception {
        Result ok = run("explore", COUNTER, "-c", PASS);
        assertExit(0, ok);
        assertTrue(ok.out().contains("no violation"), ok.all());
        Result violated = run("explore", COUNTER, "-c", INVARIANT);
        assertExit(1, violated);
        assertTrue(violated.out().contains("invariant Small is violated"), violated.all());
        Path trace = onlyTrace(violated.home());
        assertTrue(trace.getFileName().toString().matches("Counter\\.Invariant\\.[0-9a-f]{6}\\.explore\\.itf\\.json"), trace.toString());

        assertExit(2, run("explore", COUNTER, "-c", PASS, "--workers", "100000"));
        assertExit(2, run("explore", COUNTER, "-c", PASS, "--json", tmp.toString()));
        assertPositioned(run("explore", COUNTER, "-c", TLC.resolve("Malformed.cfg").toString()), "Malformed.cfg:");

        Result behaviour = run("trace", trace.toString(), "--spec", COUNTER, "-c", INVARIANT);
        assertExit(0, behaviour);
        assertTrue(behaviour.out().contains("a behaviour of Counter.tla"), behaviour.all());
        assertExit(2, run("trace", trace.toString()));
        Path notUtf8 = tmp.resolve("bad.itf.json");
        Files.write(notUtf8, new byte[] {'{', '\n', ' ', '"', (byte) 0xC3, '"'});
        assertPositioned(run("trace", notUtf8.toString(), "--spec", COUNTER, "-c", INVARIANT), "bad.itf.json:2:3: not UTF-8");
    }

    @Test
    void conform() throws Exception {
        Path json = tmp.resolve("conform.json");
        Result ok = run("conform", COUNTER, "-c", PASS, "--states", "100", "--traces", "1", "--depth", "5", "--seconds", "10", "--seed", "7",
            "--json", json.toString());
        assertExit(0, ok);
        assertTrue(ok.out().contains("0 mismatches") && ok.out().contains("mode graph"), ok.all());
        com.google.gson.JsonObject r = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals("graph", r.get("mode").getAsString());
        assertEquals("tool", r.get("graph_source").getAsString(), "a single machine compares TLC's graph in TLC's JVM");
        assertEquals("7", r.get("seed").getAsString(), "the seed is a string, which JSON readers do not round");
        assertTrue(r.get("transitions_checked").getAsLong() >= r.get("states_checked").getAsLong() && r.has("states_per_second"), r.toString());
        Result walk = run("conform", COUNTER, "-c", PASS, "--mode", "walk", "--states", "100", "--traces", "0", "--seconds", "10", "--seed", "7");
        assertExit(0, walk);
        assertTrue(walk.out().contains("mode walk") && walk.out().contains("0 mismatches"), walk.all());
        assertExit(2, run("conform", COUNTER, "-c", PASS, "--depth", "1"));
        assertPositioned(run("conform", TLC.resolve("Broken.tla").toString(), "-c", PASS), "Broken.tla:5:");
    }

    @Test
    void runCommand() throws Exception {
        Result ok = run("run", COUNTER, "-c", PASS, "--runs", "2", "--steps", "10");
        assertExit(0, ok);
        assertTrue(ok.out().contains("0 of 2 runs broke an invariant"), ok.all());
        assertExit(2, run("run"));
        assertExit(2, run("run", COUNTER, "-c", PASS, "--runs", "0"));
        Result unknown = run("run", "--manifest", MANIFEST, "--model", "nope");
        assertExit(3, unknown);
        assertTrue(unknown.err().contains("unknown model 'nope'"), unknown.all());
    }

    @Test
    void bench() throws Exception {
        Path json = tmp.resolve("bench.json");
        Path md = tmp.resolve("perf.md");
        Files.writeString(md, "# before\n");
        Result ok = run("bench", "--manifest", MANIFEST, "--model", "counter-pass", "--rounds", "1", "--json", json.toString(),
            "--markdown", md.toString(), "--section", "tiny");
        assertExit(0, ok);
        assertTrue(ok.out().contains("counter-pass") && !ok.out().contains("no ratio"), ok.all());
        BenchReport report = BenchReport.fromJson(Files.readString(json));
        BenchReport.Row row = report.rows().get(0);
        assertEquals("counter-pass", row.model());
        assertTrue(row.countsAgree() && row.exploreDistinct() > 0, row.toString());
        assertTrue(row.exploreLoadSeconds() > 0 && row.exploreTotalSeconds() > row.exploreSeconds(), row.toString());
        assertTrue(row.tlcHeapBytes() > 0 && row.exploreHeapBytes() > 0, "peak memory of both sides: " + row);
        String doc = Files.readString(md);
        assertTrue(doc.startsWith("# before\n"), doc);
        BenchReport.Section section = BenchReport.readSection(doc, "tiny").orElseThrow();
        assertEquals(report.rows(), section.report().rows());
        assertTrue(section.text().contains(report.markdown()), doc);
        Path again = tmp.resolve("again.md");
        assertExit(0, run("bench", "--from-json", json.toString(), "--markdown", again.toString(), "--section", "tiny"));
        assertEquals(section.text(), BenchReport.readSection(Files.readString(again), "tiny").orElseThrow().text());
        Path notReport = tmp.resolve("not-report.json");
        Files.writeString(notReport, "{}");
        assertPositioned(run("bench", "--from-json", notReport.toString()), "not-report.json:1:1: not a bench report");
        assertExit(2, run("bench", "--section", "a b"));
        assertExit(2, run("bench", "--rounds", "0"));
        assertPositioned(run("bench", "--manifest", tmp.resolve("none.toml").toString()), "none.toml:1:1: manifest not found");
    }

    @Test
    void outOfMemoryIsItsOwnExitCodeWithHowFarAndHowToGoOn() throws Exception {
        Path slow = CliProcess.RELIABILITY.resolve("Slow.tla");
        Result r = CliProcess.runWithHeap(tmp, "48m", "explore", slow.toString());
        assertExit(ExitCode.RESOURCES.code(), r);
        // A slow run may print progress lines first; the verdict is the last line.
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("finalspec: out of memory in explore after about [0-9,]+ distinct states.*--workers.*"),
            r.all());
    }

    /**
     * A constant the machine computes when it is built (before the search) that fills the heap is
     * a full heap too, not a fault of the config: exit 6 with what to do.
     */
    @Test
    void aConstantThatFillsTheHeapIsOutOfMemoryNotBadInput() throws Exception {
        Path spec = CliProcess.RELIABILITY.resolve("BigConstant.tla");
        Result r = CliProcess.runWithHeap(tmp, "48m", "explore", spec.toString(), "--no-cache");
        assertExit(ExitCode.RESOURCES.code(), r);
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.get(lines.size() - 1).matches("finalspec: out of memory \\(Java heap [0-9,]+ MB\\).*-Xmx.*--workers.*"), r.all());
    }

    private static Path onlyTrace(Path home) throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("target/finalspec/traces"))) {
            List<Path> files = s.toList();
            assertEquals(1, files.size(), files.toString());
            return files.get(0);
        }
    }
}
