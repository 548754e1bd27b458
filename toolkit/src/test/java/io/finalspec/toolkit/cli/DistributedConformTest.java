package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;

/**
 * {@code conform --distributed} and {@code trace --distributed} against the single-machine
 * commands, through the real {@code main}: the same exit codes, the same counts, and the same
 * report. A graph comparison reports the single machine's first mismatch (the first state in TLC's
 * order whose successors differ, or the initial states), so its report is compared whole. Members
 * are embedded (three, in this JVM).
 */
class DistributedConformTest {
    private static final Path SPECS = Path.of("../specs").toAbsolutePath().normalize();
    private static final Path CORPUS = Path.of("../tests/src/test/resources/corpus").toAbsolutePath().normalize();
    private static final Path MUTANT = Path.of("src/test/resources/dconform").toAbsolutePath().normalize();
    private static final Path SEMAPHORE = CORPUS.resolve("Semaphore/Semaphore.tla");
    private static final Path SEMAPHORE_CFG = CORPUS.resolve("Semaphore/Semaphore.cfg");
    private static final long SEED = 7;
    private static final Pattern CHECKED = Pattern.compile("([\\d,]+) states checked against TLC \\(([\\d,]+) transitions\\)");

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Single machine, then three embedded members: TLC's whole graph, no trace part. */
    private Run[] conformBoth(Path spec, Path cfg, String... more) {
        String[] args = with(new String[] {"conform", spec.toString(), "-c", cfg.toString(), "--mode", "graph", "--traces", "0",
            "--seed", Long.toString(SEED), "--out", tmp.toString()}, more);
        return new Run[] {main(args), main(with(args, "--distributed", "--members", "3"))};
    }

    @Test
    void passesAsTheSingleMachineOnCorpusSpecsAndAFinalizationModel() {
        Path[][] models = {
            {SEMAPHORE, SEMAPHORE_CFG},
            {CORPUS.resolve("Peterson/Peterson.tla"), CORPUS.resolve("Peterson/Peterson.cfg")},
            {SPECS.resolve("ThreadExitPolicy.tla"), SPECS.resolve("models/gh87135-fixed.cfg")},
        };
        for (Path[] m : models) {
            Run[] r = conformBoth(m[0], m[1]);
            assertEquals(0, r[0].code(), r[0].all());
            assertEquals(0, r[1].code(), r[1].all());
            assertTrue(r[1].out().contains("distributed: 3 members"), r[1].all());
            String single = checked(r[0]);
            assertEquals(single, checked(r[1]), m[1] + "\n" + r[0].all() + r[1].all());
            assertTrue(r[1].out().contains("; 0 mismatches"), r[1].all());
            assertTrue(r[1].out().contains("mode graph (reachable space covered), TLC's graph from its dump"), r[1].all());
            assertTrue(r[0].out().contains("mode graph (reachable space covered), TLC's graph from its Tool API"), r[0].all());
        }
    }

    private static String checked(Run r) {
        Matcher m = CHECKED.matcher(r.out());
        assertTrue(m.find(), r.all());
        assertNotEquals("0", m.group(1), r.all());
        return m.group(1) + " states, " + m.group(2) + " transitions";
    }

    /** TLC's graph of a mutant (written here by TLC) against the original's machine: the same mismatch, reported the same. */
    @Test
    void reportsTheSingleMachinesFirstMismatch() throws Exception {
        for (String mutant : List.of("step.cfg", "init.cfg")) {
            Path dir = Children.ofThisJvm().tempFolder("dconform");
            try {
                TlcGraphDump.Dump dump = new TlcGraphDump(TlcOptions.defaults()).dump(MUTANT.resolve("SemaphoreMutant.tla"),
                    MUTANT.resolve(mutant), dir);
                assertTrue(dump.complete(), dump.outputTail());
                Run[] r = conformBoth(SEMAPHORE, SEMAPHORE_CFG, "--dump", dump.file().toString());
                assertEquals(1, r[0].code(), r[0].all());
                assertEquals(1, r[1].code(), r[1].all());
                assertEquals(checked(r[0]), checked(r[1]));
                String report = report(r[0]);
                assertTrue(report.startsWith("MISMATCH (" + (mutant.equals("init.cfg") ? "init" : "graph") + ", seed 7)"), report);
                assertEquals(report, report(r[1]), mutant);
            } finally {
                Children.ofThisJvm().delete(dir);
            }
        }
    }

    /** The mismatch report, without the file its behaviour was written to. */
    private static String report(Run r) {
        String out = r.out();
        int at = out.indexOf("MISMATCH (");
        assertTrue(at >= 0, r.all());
        return out.substring(at).lines().filter(l -> !l.startsWith("behaviour: ")).reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void tracesHaveTheSingleMachinesVerdictsAndOutput() throws Exception {
        Object[][] specs = {
            {SEMAPHORE, SEMAPHORE_CFG, 240},
            {CORPUS.resolve("Peterson/Peterson.tla"), CORPUS.resolve("Peterson/Peterson.cfg"), 120},
        };
        for (Object[] s : specs) {
            Path spec = (Path) s[0];
            Path cfg = (Path) s[1];
            Path dir = tmp.resolve(spec.getFileName() + "-traces");
            writeWalks(Compiler.load(spec, cfg), dir, (Integer) s[2], 5);
            String[] args = {"trace", dir.toString(), "--spec", spec.toString(), "-c", cfg.toString()};
            Run single = main(args);
            Run dist = main(with(args, "--distributed", "--members", "3"));
            assertEquals(1, single.code(), single.all());
            assertEquals(single.code(), dist.code(), dist.all());
            assertEquals(verdicts(single), verdicts(dist));
            assertTrue(single.out().contains(": NOT a behaviour of "), single.all());
        }
        // every trace a behaviour: exit 0 on both
        Path ok = tmp.resolve("ok");
        writeWalks(Compiler.load(SEMAPHORE, SEMAPHORE_CFG), ok, 60, -1);
        String[] args = {"trace", ok.toString(), "--spec", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString(), "--print"};
        Run single = main(args);
        Run dist = main(with(args, "--distributed"));
        assertEquals(0, single.code(), single.all());
        assertEquals(0, dist.code(), dist.all());
        assertEquals(verdicts(single), verdicts(dist));
    }

    /** {@code finalspec member} in its own JVM (loopback only) and this process as the second member: conform and trace as on one machine. */
    @Test
    void aMemberInItsOwnJvmServesConformAndTrace() throws Exception {
        Path cluster = DistributedExploreTest.clusterFile(tmp);
        Path memberDir = Files.createDirectories(tmp.resolve("member"));
        Process member = CliProcess.start(memberDir, "256m", "member", SEMAPHORE.toString(), "--config", SEMAPHORE_CFG.toString(),
            "--cluster", cluster.toString());
        try {
            DistributedExploreTest.awaitReady(member, memberDir);
            String[] conform = {"conform", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString(), "--traces", "0",
                "--seed", Long.toString(SEED), "--out", tmp.toString()};
            Run single = main(conform);
            Path json = tmp.resolve("cluster.json");
            Run dist = main(with(conform, "--cluster", cluster.toString(), "--members", "2", "--json", json.toString()));
            assertEquals(0, single.code(), single.all());
            assertEquals(0, dist.code(), dist.all());
            assertTrue(dist.out().contains("distributed: 2 members"), dist.all());
            assertEquals(checked(single), checked(dist));
            assertEquals(2, JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("distributed")
                .get("members").getAsInt(), dist.all());
            assertTrue(Files.readString(memberDir.resolve("stdout.txt")).contains("member: graph comparison "), dist.all());

            Path dir = tmp.resolve("traces");
            writeWalks(Compiler.load(SEMAPHORE, SEMAPHORE_CFG), dir, 100, 5);
            String[] trace = {"trace", dir.toString(), "--spec", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString()};
            Run singleTrace = main(trace);
            Run distTrace = main(with(trace, "--cluster", cluster.toString(), "--members", "2"));
            assertEquals(1, singleTrace.code(), singleTrace.all());
            assertEquals(singleTrace.code(), distTrace.code(), distTrace.all());
            assertEquals(verdicts(singleTrace), verdicts(distTrace));
        } finally {
            member.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code conform --json} over three embedded members: the single machine's counts, and under
     * {@code distributed} the members and what crossed between them; on one machine no {@code distributed}.
     */
    @Test
    void jsonReportsTheMembers() throws Exception {
        Path single = tmp.resolve("single.json");
        Path dist = tmp.resolve("dist.json");
        Run[] r = {main("conform", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString(), "--mode", "graph", "--traces", "0",
                "--json", single.toString(), "--out", tmp.toString()),
            main("conform", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString(), "--traces", "0", "--distributed",
                "--members", "3", "--json", dist.toString(), "--out", tmp.toString())};
        assertEquals(0, r[0].code(), r[0].all());
        assertEquals(0, r[1].code(), r[1].all());
        JsonObject one = JsonParser.parseString(Files.readString(single)).getAsJsonObject();
        JsonObject three = JsonParser.parseString(Files.readString(dist)).getAsJsonObject();
        assertFalse(one.has("distributed"), one.toString());
        assertEquals("graph", three.get("mode").getAsString(), three.toString());
        assertEquals(one.get("states_checked").getAsLong(), three.get("states_checked").getAsLong(), three.toString());
        assertEquals(one.get("transitions_checked").getAsLong(), three.get("transitions_checked").getAsLong(), three.toString());
        JsonObject d = three.getAsJsonObject("distributed");
        assertEquals(3, d.get("members").getAsInt(), three.toString());
        assertTrue(d.get("bytes_sent").getAsLong() > 0 && d.get("batches").getAsLong() > 0, three.toString());
    }

    /**
     * A {@code finalspec member} JVM killed (SIGKILL) during {@code conform --cluster FILE --members 2}
     * through {@code main}: exit 7, the lost member named, and neither a count of states checked nor
     * a mismatch count printed, nor JSON written. The member is killed once it has started its share
     * of the comparison of endinterp-two-workers's graph (19,096 states), which TLC writes for seconds
     * after that while the coordinator streams it, so the kill always lands mid-run.
     */
    @Test
    void aMemberJvmKilledMidComparisonStopsTheRun() throws Exception {
        ModelEntry m = ManifestParser.parse(SPECS.resolve("models.toml")).find("endinterp-two-workers").orElseThrow();
        Path spec = SPECS.resolve(m.spec());
        Path cfg = SPECS.resolve(m.config());
        Path cluster = DistributedExploreTest.clusterFile(tmp);
        Path memberDir = Files.createDirectories(tmp.resolve("member"));
        Process member = CliProcess.start(memberDir, "512m", "member", spec.toString(), "--config", cfg.toString(),
            "--cluster", cluster.toString());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            DistributedExploreTest.awaitReady(member, memberDir);
            Path json = tmp.resolve("killed.json");
            Future<Run> run = pool.submit(() -> main("conform", spec.toString(), "-c", cfg.toString(), "--mode", "graph",
                "--traces", "0", "--seed", Long.toString(SEED), "--cluster", cluster.toString(), "--members", "2",
                "--json", json.toString(), "--out", tmp.toString()));
            awaitLine(memberDir, "member: graph comparison ", run);
            member.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Run r = run.get(300, TimeUnit.SECONDS);
            assertEquals(ExitCode.MEMBER_LOST.code(), r.code(), r.all());
            assertTrue(r.all().contains("conform --distributed: member ") && r.all().contains(" left the cluster during the run"),
                r.all());
            assertFalse(r.out().contains("states checked against TLC"), "no count after a lost member: " + r.all());
            assertFalse(r.all().contains("mismatch"), "no mismatch count after a lost member: " + r.all());
            assertFalse(Files.exists(json), r.all());
        } finally {
            pool.shutdownNow();
            member.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the member's output in {@code dir} holds {@code line}, failing if {@code run} ends first. */
    private static void awaitLine(Path dir, String line, Future<Run> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Path stdout = dir.resolve("stdout.txt");
        while (System.nanoTime() < deadline) {
            if (Files.readString(stdout).contains(line)) {
                return;
            }
            if (run.isDone()) {
                throw new AssertionError("the run ended before the member printed '" + line + "': " + run.get().all());
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the member did not print '" + line + "' within 300 s");
    }

    /** A malformed trace among many: the same verdicts before it, the same message and exit 3. */
    @Test
    void aMalformedTraceStopsBothAtTheSameTrace() throws Exception {
        Path dir = tmp.resolve("malformed");
        writeWalks(Compiler.load(SEMAPHORE, SEMAPHORE_CFG), dir, 80, 9);
        Files.writeString(dir.resolve("t0040.itf.json"), "{\"states\": []}");
        String[] args = {"trace", dir.toString(), "--spec", SEMAPHORE.toString(), "-c", SEMAPHORE_CFG.toString()};
        Run single = main(args);
        Run dist = main(with(args, "--distributed", "--members", "3"));
        assertEquals(ExitCode.INPUT.code(), single.code(), single.all());
        assertEquals(single.code(), dist.code(), dist.all());
        assertEquals(single.out(), dist.out());
        assertEquals(single.err(), dist.err());
        assertTrue(single.out().contains("NOT a behaviour") && single.err().contains("t0040.itf.json"), single.all());
    }

    /** The output with the figures of time (and the rates derived from them) removed. */
    private static String verdicts(Run r) {
        return r.out().replaceAll("checked in [\\d.]+ s.*; (\\d+) not a behaviour", "checked; $1 not a behaviour");
    }

    /**
     * {@code n} seeded random walks of the machine as ITF files; every {@code brokenEvery}-th has a
     * step removed (often no longer a behaviour; -1: none), so both verdicts occur.
     */
    private static void writeWalks(Machine machine, Path dir, int n, int brokenEvery) throws Exception {
        Files.createDirectories(dir);
        Random random = new Random(SEED);
        for (int i = 0; i < n; i++) {
            List<State> init = new ArrayList<>();
            machine.initStates(init::add);
            List<Trace.Step> steps = new ArrayList<>();
            State s = init.get(random.nextInt(init.size()));
            steps.add(new Trace.Step(null, s));
            for (int k = 0; k < 3 + random.nextInt(10); k++) {
                List<Trace.Step> next = new ArrayList<>();
                State from = s;
                machine.successors(from, (label, t) -> next.add(new Trace.Step(ActionLabel.of(label.name()), t)));
                if (next.isEmpty()) {
                    break;
                }
                Trace.Step step = next.get(random.nextInt(next.size()));
                steps.add(step);
                s = step.state();
            }
            if (brokenEvery > 0 && i % brokenEvery == 0 && steps.size() > 3) {
                steps.remove(2);
            }
            Files.writeString(dir.resolve(String.format("t%04d.itf.json", i)),
                Itf.write(new Trace(machine.variables(), steps), machine.specName()));
        }
    }

    @Test
    void optionCombinationsThatMakeNoSenseAreUsageErrors() {
        String spec = SEMAPHORE.toString();
        String cfg = SEMAPHORE_CFG.toString();
        List<String[]> usage = List.of(
            new String[] {"conform", spec, "-c", cfg, "--distributed", "--mode", "walk"},
            new String[] {"conform", spec, "-c", cfg, "--distributed", "--mode", "traces"},
            new String[] {"conform", spec, "-c", cfg, "--dump", cfg, "--mode", "walk"},
            new String[] {"conform", spec, "-c", cfg, "--members", "2"},
            new String[] {"conform", spec, "-c", cfg, "--distributed", "--members", "0"},
            new String[] {"conform", spec, "-c", cfg, "--distributed", "--checkpoint", "cp"},
            new String[] {"trace", cfg, "--spec", spec, "-c", cfg, "--members", "3"},
            new String[] {"trace", cfg, "--spec", spec, "-c", cfg, "--distributed", "--resume", "cp"});
        for (String[] args : usage) {
            Run r = main(args);
            assertEquals(ExitCode.USAGE.code(), r.code(), String.join(" ", args) + "\n" + r.all());
            assertTrue(r.err().contains("finalspec") || r.err().contains("Usage"), r.all());
            assertTrue(!r.all().contains("\tat "), r.all());
        }
        Run missing = main("conform", spec, "-c", cfg, "--dump", tmp.resolve("none.dot").toString());
        assertEquals(ExitCode.INPUT.code(), missing.code(), missing.all());
        assertTrue(missing.err().contains("none.dot: no such graph dump"), missing.all());
    }
}
