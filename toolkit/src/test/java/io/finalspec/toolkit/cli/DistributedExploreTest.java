package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.distributed.DistributedExplorer;
import io.finalspec.distributed.EmbeddedCluster;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.Machine;

/**
 * {@code explore --distributed} against the single-machine explorer: the same verdict and depth,
 * the same generated and distinct counts on a pass, and a counterexample of the same length on a
 * violation. Embedded (members in this JVM) on default models and corpus specs (a fixed sample;
 * every default model and corpus spec with {@code -Dfinalspec.dist.full=true}), through the real
 * {@code main}, and with three members in three JVMs on the loopback interface.
 */
class DistributedExploreTest {
    private static final boolean FULL = Boolean.getBoolean("finalspec.dist.full");
    private static final Path SPECS = Path.of("../specs").toAbsolutePath().normalize();
    private static final Path CORPUS = Path.of("../tests/src/test/resources/corpus").toAbsolutePath().normalize();
    /**
     * The corpus sample of the default run (folders): passes, invariant violations, a deadlock, a
     * false ASSUME (SeatMap_badassume: an error before any state, at depth 0) and a model without states.
     */
    private static final List<String> CORPUS_SAMPLE = List.of("DieHard", "Bakery", "DiningPhilosophers", "BoundedQueue", "SeatMap");

    @TempDir
    Path tmp;

    private record Model(String name, Path spec, Path config) {
    }

    private static List<Model> models() throws Exception {
        List<Model> out = new ArrayList<>();
        List<ModelEntry> defaults = ManifestParser.parse(SPECS.resolve("models.toml")).models().stream()
            .filter(m -> m.tier() == ModelEntry.Tier.DEFAULT).toList();
        for (int i = 0; i < defaults.size(); i++) {
            ModelEntry m = defaults.get(i);
            if (FULL || i % 12 == 0) {
                out.add(new Model(m.name(), SPECS.resolve(m.spec()), SPECS.resolve(m.config())));
            }
        }
        for (String[] specAndConfig : corpus()) {
            String folder = specAndConfig[1].substring(0, specAndConfig[1].indexOf('/'));
            if (FULL || CORPUS_SAMPLE.contains(folder)) {
                out.add(new Model(specAndConfig[1], CORPUS.resolve(specAndConfig[0]), CORPUS.resolve(specAndConfig[1])));
            }
        }
        return out;
    }

    private static final Pattern CORPUS_FIELD = Pattern.compile("(spec|config) = \"([^\"]+)\"");

    /**
     * The corpus's models as corpus.toml lists them, each {@code {spec, config}} (a config may belong
     * to another module of its folder than the folder's namesake, such as an MC.tla).
     */
    private static List<String[]> corpus() throws IOException {
        List<String[]> out = new ArrayList<>();
        String spec = null;
        for (String line : Files.readAllLines(CORPUS.resolve("corpus.toml"))) {
            Matcher m = CORPUS_FIELD.matcher(line);
            if (line.equals("[[spec]]")) {
                spec = null;
            } else if (m.matches() && m.group(1).equals("spec")) {
                spec = m.group(2);
            } else if (m.matches()) {
                assertTrue(spec != null, "corpus.toml: a config before its spec: " + line);
                out.add(new String[] {spec, m.group(2)});
            }
        }
        assertTrue(out.size() >= 100, "corpus.toml: " + out.size() + " models");
        return out;
    }

    private static void assertSameResult(String model, ExploreResult single, ExploreResult d) {
        assertEquals(single.outcome(), d.outcome(), model);
        assertEquals(single.depth(), d.depth(), model + ": depth");
        if (single.isOk()) {
            assertEquals(single.generated(), d.generated(), model + ": generated");
            assertEquals(single.distinct(), d.distinct(), model + ": distinct");
        } else if (single.trace() != null) {
            assertEquals(single.trace().steps().size(), d.trace().steps().size(), model + ": counterexample length");
        }
    }

    /** One model's comparison; throws AssertionError (or another exception) on a difference. */
    @FunctionalInterface
    private interface Comparison {
        void run(Model m, Machine machine) throws Exception;
    }

    /**
     * A sweep over models: each model's comparison, timed and printed, a difference recorded and the
     * sweep going on (so a full sweep reports every difference, not the first); the models the
     * generator does not compile (known gaps, with no single-machine result to compare with) counted apart.
     */
    private static void sweep(String name, List<Model> models, Comparison comparison) {
        long t0 = System.nanoTime();
        int agreed = 0;
        List<String> uncompiled = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        for (Model m : models) {
            long t = System.nanoTime();
            Machine machine;
            try {
                machine = Compiler.load(m.spec(), m.config());
            } catch (CompileFailedException e) {
                uncompiled.add(m.name());
                continue;
            }
            try {
                comparison.run(m, machine);
                agreed++;
                System.out.printf("%s: %s agreed (%.1f s)%n", name, m.name(), (System.nanoTime() - t) / 1e9);
            } catch (Exception | AssertionError e) {
                differences.add(m.name() + ": " + e);
                System.out.printf("%s: %s DIFFERS: %s%n", name, m.name(), e);
            }
        }
        System.out.printf("%s: %d of %d models agreed in %.1f s; %d differ; %d do not compile (generator gaps): %s%n", name, agreed,
            models.size(), (System.nanoTime() - t0) / 1e9, differences.size(), uncompiled.size(), uncompiled);
        assertTrue(differences.isEmpty(), name + ": " + String.join("\n", differences));
        assertTrue(FULL || uncompiled.isEmpty(), "the sample compiles: " + uncompiled);
        assertEquals(models.size(), agreed + uncompiled.size());
    }

    @Test
    void embeddedMembersFindWhatTheSingleMachineExplorerFinds() throws Exception {
        List<Model> models = models();
        assertTrue(models.size() >= 8, "models: " + models);
        Machine first = Compiler.load(models.get(0).spec(), models.get(0).config());
        try (EmbeddedCluster cluster = new EmbeddedCluster(2, first)) {
            sweep("embedded", models, (m, machine) -> {
                ExploreResult single = new BfsExplorer(machine).run();
                cluster.use(machine);
                ExploreResult d = new DistributedExplorer(cluster.coordinator(), machine,
                    DistributedExplorer.Options.defaults().withMembers(2).withBatchBytes(4096)).run().result();
                assertSameResult(m.name(), single, d);
            });
        }
    }

    private static int main(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    void distributedOptionThroughMain() throws Exception {
        Path spec = ExploreCommandTest.DIR.resolve("Ring.tla");
        Path json = tmp.resolve("r.json");
        StringWriter out = new StringWriter();
        int code = main(out, "explore", spec.toString(), "--config", ExploreCommandTest.DIR.resolve("TwiceBound.cfg").toString(),
            "--distributed", "--members", "2", "--json", json.toString(), "--out", tmp.toString());
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("5 states generated, 4 distinct states, depth 4"), out.toString());
        assertTrue(out.toString().contains("distributed: 2 members"), out.toString());
        JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertEquals(2, j.getAsJsonObject("distributed").get("members").getAsInt());
        assertEquals(4, j.get("distinct").getAsLong());
    }

    @Test
    void membersWithoutDistributedIsAUsageError() {
        StringWriter out = new StringWriter();
        int code = main(out, "explore", ExploreCommandTest.DIR.resolve("Ring.tla").toString(), "--config",
            ExploreCommandTest.DIR.resolve("TwiceBound.cfg").toString(), "--members", "3");
        assertEquals(2, code, out.toString());
        assertTrue(out.toString().contains("--members needs --distributed or --cluster"), out.toString());
    }

    @Test
    void missingClusterFileIsAnInputError() {
        StringWriter out = new StringWriter();
        int code = main(out, "explore", ExploreCommandTest.DIR.resolve("Ring.tla").toString(), "--config",
            ExploreCommandTest.DIR.resolve("TwiceBound.cfg").toString(), "--cluster", tmp.resolve("none.xml").toString());
        assertEquals(3, code, out.toString());
        assertTrue(out.toString().contains("no such Hazelcast configuration file"), out.toString());
    }

    private static String[] ring(String cfg, String... more) {
        List<String> a = new ArrayList<>(List.of("explore", ExploreCommandTest.DIR.resolve("Ring.tla").toString(), "--config", cfg));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void checkpointAndResumeThroughMain() throws Exception {
        String cfg = ExploreCommandTest.DIR.resolve("TwiceBound.cfg").toString();
        Path dir = tmp.resolve("cp");
        StringWriter out = new StringWriter();
        assertEquals(0, main(out, ring(cfg, "--distributed", "--members", "1", "--checkpoint", dir.toString(), "--out", tmp.toString())),
            out.toString());
        assertTrue(out.toString().contains("checkpoints: 4 written"), out.toString());

        out = new StringWriter();
        assertEquals(3, main(out, ring(cfg, "--distributed", "--checkpoint", dir.toString())), out.toString());
        assertTrue(out.toString().contains(dir + " already holds a checkpoint: resume it with --resume " + dir), out.toString());

        // resumed from the last level's checkpoint on two members: the counts of the whole run
        out = new StringWriter();
        Path json = tmp.resolve("resumed.json");
        assertEquals(0, main(out, ring(cfg, "--distributed", "--members", "2", "--resume", dir.toString(), "--json", json.toString())),
            out.toString());
        assertTrue(out.toString().contains("resumed from the checkpoint of level 4 (depth 4, 4 distinct states)"), out.toString());
        assertTrue(out.toString().contains("5 states generated, 4 distinct states, depth 4"), out.toString());
        JsonObject cp = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("distributed")
            .getAsJsonObject("checkpoints");
        assertEquals(4, cp.get("resumed_level").getAsInt());

        Path five = tmp.resolve("Five.cfg");
        Files.writeString(five, "CONSTANT N = 5\nINIT Init\nNEXT Next\n");
        out = new StringWriter();
        assertEquals(3, main(out, ring(five.toString(), "--distributed", "--resume", dir.toString())), out.toString());
        assertTrue(out.toString().contains("checkpoint of another spec or model"), out.toString());
    }

    @Test
    void checkpointOptionsWithoutTheirPartnersAreUsageErrors() {
        String cfg = ExploreCommandTest.DIR.resolve("TwiceBound.cfg").toString();
        String dir = tmp.resolve("cp").toString();
        for (String[] args : List.of(ring(cfg, "--resume", dir), ring(cfg, "--checkpoint", dir),
            ring(cfg, "--distributed", "--checkpoint", dir, "--resume", dir), ring(cfg, "--distributed", "--checkpoint-seconds", "5"))) {
            StringWriter out = new StringWriter();
            assertEquals(2, main(out, args), out.toString());
        }
    }

    /** A loopback-only cluster of its own: a fresh name and a free port range, multicast off. */
    /** A Hazelcast configuration of a loopback-only cluster with a fresh name, written in {@code tmp}. */
    static Path clusterFile(Path tmp) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        port = Math.min(port, 65_000);
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            members.append("<member>127.0.0.1:").append(port + i).append("</member>");
        }
        String xml = """
            <hazelcast xmlns="http://www.hazelcast.com/schema/config">
              <cluster-name>finalspec-test-%s</cluster-name>
              <network>
                <port auto-increment="true" port-count="20">%d</port>
                <interfaces enabled="true"><interface>127.0.0.1</interface></interfaces>
                <join>
                  <multicast enabled="false"/>
                  <auto-detection enabled="false"/>
                  <tcp-ip enabled="true"><member-list>%s</member-list></tcp-ip>
                </join>
              </network>
              <properties>
                <property name="hazelcast.socket.bind.any">false</property>
                <property name="hazelcast.wait.seconds.before.join">0</property>
              </properties>
            </hazelcast>
            """.formatted(UUID.randomUUID(), port, members);
        Path file = tmp.resolve("cluster.xml");
        Files.writeString(file, xml);
        return file;
    }

    /**
     * The models of the three-JVM test by default, from the embedded sample: an invariant violation
     * and a pass among the finalization models, a deadlock, an invariant violation and a pass of
     * 15,964 states among the corpus specs.
     */
    private static final List<String> JVM_SAMPLE = List.of("gh87135-unwind", "gh96387-fixed",
        "DiningPhilosophers/DiningPhilosophers_violation.cfg", "DieHard/DieHard_violation.cfg", "Bakery/Bakery.cfg");

    /**
     * Three members in three JVMs on loopback (two {@code finalspec member} processes and this one,
     * which runs {@code explore --cluster FILE --members 3} through {@code main}) on a sample of the
     * embedded test's models, every one of them with {@code -Dfinalspec.dist.full=true}: the
     * single-machine explorer's verdict, depth and exit code, its counts on a pass and its
     * counterexample length on a violation.
     */
    @Test
    void threeMembersInThreeJvmsOnLoopback() throws Exception {
        List<Model> models = models().stream().filter(m -> FULL || JVM_SAMPLE.contains(m.name())).toList();
        assertEquals(FULL ? models().size() : JVM_SAMPLE.size(), models.size(), "models: " + models);
        AtomicInteger n = new AtomicInteger();
        sweep("three JVMs", models, (m, machine) -> inThreeJvms(m, machine, Files.createDirectories(tmp.resolve("jvm" + n.getAndIncrement()))));
    }

    /** One model in three JVMs: two member processes, started together, and this one, which coordinates. */
    private static void inThreeJvms(Model m, Machine machine, Path dir) throws Exception {
        Path cluster = clusterFile(dir);
        List<Process> members = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Path memberDir = Files.createDirectories(dir.resolve("member" + i));
                dirs.add(memberDir);
                members.add(CliProcess.start(memberDir, "512m", "member", m.spec().toString(), "--config", m.config().toString(),
                    "--cluster", cluster.toString()));
            }
            ExploreResult single = new BfsExplorer(machine).run(); // while the members compile
            for (int i = 0; i < 2; i++) {
                awaitReady(members.get(i), dirs.get(i));
            }
            Path json = dir.resolve("three.json");
            StringWriter out = new StringWriter();
            int code = main(out, "explore", m.spec().toString(), "--config", m.config().toString(), "--cluster", cluster.toString(),
                "--members", "3", "--json", json.toString(), "--out", dir.toString());
            String what = m.name() + "\n" + out;
            assertEquals(ExploreCommand.exitCode(single).code(), code, what);
            JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertEquals(3, j.getAsJsonObject("distributed").get("members").getAsInt(), what);
            assertEquals(result(single), j.get("result").getAsString(), what);
            assertEquals(violated(single), j.get("violated").isJsonNull() ? null : j.get("violated").getAsString(), what);
            assertEquals(single.depth(), j.get("depth").getAsInt(), what);
            if (single.isOk()) {
                assertEquals(single.generated(), j.get("states").getAsLong(), what);
                assertEquals(single.distinct(), j.get("distinct").getAsLong(), what);
            }
            for (Path memberDir : dirs) {
                assertTrue(Files.readString(memberDir.resolve("stdout.txt")).contains("member: exploration "), what);
            }
            if (single.trace() != null) {
                Path trace = Path.of(j.get("trace").getAsString());
                assertEquals(single.trace().steps().size(),
                    JsonParser.parseString(Files.readString(trace)).getAsJsonObject().getAsJsonArray("states").size(), what);
            }
        } finally {
            for (Process p : members) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The verdict of {@code r} as {@code explore --json} names it ({@code result}). */
    private static String result(ExploreResult r) {
        return switch (r.outcome().kind()) {
            case OK -> r.complete() ? "pass" : "safety only";
            default -> r.outcome().kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The invariant or property a violation of {@code r} names ({@code violated}); else null. */
    private static String violated(ExploreResult r) {
        return switch (r.outcome().kind()) {
            case INVARIANT, PROPERTY -> r.outcome().name();
            default -> null;
        };
    }

    /**
     * A member in its own JVM killed (SIGKILL) mid-run: {@code explore --cluster} through {@code main}
     * exits 7 naming its checkpoint and prints no count; {@code --resume} from that checkpoint, on
     * three embedded members, ends with the single-machine explorer's counts, depth and exit code.
     * The model (endinterp-two-workers, 19,096 states, 41 levels) takes seconds, so the kill, at the
     * third level's checkpoint, always lands mid-run.
     */
    @Test
    void aMemberJvmKilledMidRunStopsTheRunAndItsCheckpointResumes() throws Exception {
        ModelEntry m = ManifestParser.parse(SPECS.resolve("models.toml")).find("endinterp-two-workers").orElseThrow();
        Path spec = SPECS.resolve(m.spec());
        Path cfg = SPECS.resolve(m.config());
        Path cluster = clusterFile(tmp);
        Path dir = tmp.resolve("checkpoint");
        Path memberDir = Files.createDirectories(tmp.resolve("member"));
        Process member = CliProcess.start(memberDir, "512m", "member", spec.toString(), "--config", cfg.toString(),
            "--cluster", cluster.toString());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            awaitReady(member, memberDir);
            StringWriter out = new StringWriter();
            Future<Integer> run = pool.submit(() -> main(out, "explore", spec.toString(), "--config", cfg.toString(),
                "--cluster", cluster.toString(), "--members", "2", "--checkpoint", dir.toString(), "--out", tmp.toString()));
            int killedAt = awaitCheckpoint(dir, 3, run);
            member.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            int code = run.get(120, TimeUnit.SECONDS);
            assertEquals(ExitCode.MEMBER_LOST.code(), code, out.toString());
            assertTrue(out.toString().contains("left the cluster while level"), out.toString());
            assertTrue(out.toString().contains("is in " + dir + ": resume with --resume " + dir), out.toString());
            assertFalse(out.toString().contains("distinct states"), "no count after a lost member: " + out);

            StringWriter resumed = new StringWriter();
            Path json = tmp.resolve("resumed.json");
            code = main(resumed, "explore", spec.toString(), "--config", cfg.toString(), "--distributed", "--members", "3",
                "--resume", dir.toString(), "--json", json.toString(), "--out", tmp.toString());
            ExploreResult single = new BfsExplorer(Compiler.load(spec, cfg)).run();
            assertEquals(ExploreCommand.exitCode(single).code(), code, resumed.toString());
            JsonObject j = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            assertTrue(j.getAsJsonObject("distributed").getAsJsonObject("checkpoints").get("resumed_level").getAsInt() >= killedAt,
                resumed.toString());
            assertEquals(single.generated(), j.get("states").getAsLong(), resumed.toString());
            assertEquals(single.distinct(), j.get("distinct").getAsLong(), resumed.toString());
            assertEquals(single.depth(), j.get("depth").getAsInt(), resumed.toString());
        } finally {
            pool.shutdownNow();
            member.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the run in {@code dir} has a checkpoint of level {@code level} or later; returns its level. */
    private static int awaitCheckpoint(Path dir, int level, Future<Integer> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Path index = dir.resolve("checkpoint.properties");
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the run ended (exit " + run.get() + ") before a checkpoint of level " + level);
            }
            if (Files.exists(index)) {
                Properties p = new Properties();
                try (var r = Files.newBufferedReader(index)) {
                    p.load(r);
                } catch (IOException e) {
                    continue; // replaced while read
                }
                int at = Integer.parseInt(p.getProperty("level"));
                if (at >= level) {
                    return at;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no checkpoint of level " + level + " within 300 s");
    }

    static void awaitReady(Process p, Path dir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Path stdout = dir.resolve("stdout.txt");
        while (System.nanoTime() < deadline) {
            if (Files.exists(stdout) && Files.readString(stdout).contains(" ready: ")) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("member exited " + p.exitValue() + ": " + Files.readString(stdout)
                    + Files.readString(dir.resolve("stderr.txt")));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("member not ready within 300 s: " + Files.readString(dir.resolve("stderr.txt")));
    }
}
