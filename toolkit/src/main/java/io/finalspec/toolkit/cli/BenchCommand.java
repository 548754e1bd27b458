package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.load.MachineCache;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.tlc.ChildProcess;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.Jvm;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code finalspec bench}: the generated explorer against TLC on the same models, in the same
 * run. Rounds alternate TLC and explore, each in a fresh JVM, so that both see the same machine
 * load; the medians and their ratios are reported, never a single timing: search time, whole runs
 * (cold start included) and peak memory. A ratio is refused when the counts differ.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Measures the generated explorer against TLC, side by side.",
    description = {"Measures the generated explorer against TLC on the same models in one run: rounds alternate",
        "a TLC run and an explore run (each in a fresh JVM, one worker by default) and the medians are compared.",
        "Search: TLC's own 'Finished in' (parse and check) against explore's search. Total: each whole run, JVM",
        "start and explore's cold start (parse, generate, javac, with an empty machine cache: a user's first run;",
        "reported apart) included. Memory: each process's",
        "peak resident set, and per distinct state. When the distinct or generated counts differ there is no",
        "ratio, only the counts, and the exit code is 1."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Models to measure, large ones included (default: every default-tier model expected to pass).")
    private List<String> models = new ArrayList<>();

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "Rounds per model (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1", converter = Workers.Converter.class,
        description = "Workers for both tools: a count, or auto for one per core (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The model manifest (default: specs/models.toml).")
    private Path manifestFile;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON.")
    private Path json;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table into FILE, as section --section (replaced if FILE has it, else appended).")
    private Path markdown;

    @Option(names = "--section", paramLabel = "NAME", defaultValue = "bench", description = "The section of --markdown (default: ${DEFAULT-VALUE}).")
    private String section;

    @Option(names = "--from-json", paramLabel = "FILE", description = "Measure nothing: read the report an earlier run wrote with --json, and print or write it.")
    private Path fromJson;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rounds < 1) {
            throw new UserError("--rounds must be at least 1", ExitCode.USAGE);
        }
        if (!section.matches("[A-Za-z0-9_.-]+")) {
            throw new UserError("--section must be a name of letters, digits, '_', '.' or '-'", ExitCode.USAGE);
        }
        Workers.check(workers);
        OutputFiles.checkWritable("--json", json);
        OutputFiles.checkWritable("--markdown", markdown);
        PrintWriter out = spec.commandLine().getOut();
        BenchReport report = fromJson != null ? read(fromJson) : measureAll(out);
        out.println();
        out.printf("%-30s %10s %8s %8s %7s %8s %8s %8s %7s %8s %8s %7s%n", "model", "distinct", "TLC s", "expl s", "search",
            "TLC tot", "cold s", "expl tot", "total", "TLC B/s", "expl B/s", "memory");
        for (BenchReport.Row r : report.rows()) {
            out.printf("%-30s %,10d %8.2f %8.2f %7s %8.2f %8.2f %8.2f %7s %8s %8s %7s%n", r.model(), r.exploreDistinct(), r.tlcSeconds(),
                r.exploreSeconds(), ratio(r.searchRatio()), r.tlcTotalSeconds(), r.exploreLoadSeconds(), r.exploreTotalSeconds(),
                ratio(r.totalRatio()), perState(r.tlcRssBytes(), r.tlcDistinct()), perState(r.exploreRssBytes(), r.exploreDistinct()),
                ratio(r.memoryRatio()));
            if (!r.countsAgree()) {
                out.println("  no ratio for " + r.model() + ": " + r.disagreement());
            }
        }
        if (json != null) {
            Files.writeString(json, report.json() + System.lineSeparator());
        }
        if (markdown != null) {
            String doc = Files.exists(markdown) ? Files.readString(markdown) : "";
            Files.writeString(markdown, BenchReport.replaceSection(doc, section, report.section(section)));
        }
        return report.countsAgree() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private BenchReport measureAll(PrintWriter out) throws IOException, InterruptedException {
        List<ModelEntry> selected = select();
        double loadBefore = loadAverage();
        List<BenchReport.Row> rows = new ArrayList<>();
        for (ModelEntry m : selected) {
            rows.add(measure(m, out));
        }
        return new BenchReport(new BenchReport.Machine(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage(), "Java " + Runtime.version().feature(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch")), workers, rounds, rows);
    }

    private static BenchReport read(Path file) {
        try {
            BenchReport r = BenchReport.fromJson(Files.readString(file));
            if (r == null || r.rows() == null || r.machine() == null) {
                throw new UserError(file + ":1:1: not a bench report (write one with --json)");
            }
            return r;
        } catch (IOException e) {
            throw new UserError(file + ":1:1: cannot read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof UserError u) {
                throw u;
            }
            throw new UserError(file + ":1:1: not a bench report: " + e.getMessage());
        }
    }

    private static String ratio(OptionalDouble r) {
        return r.isPresent() ? String.format("%.1fx", r.getAsDouble()) : "-";
    }

    private static String perState(long bytes, long distinct) {
        return bytes < 0 || distinct <= 0 ? "n/a" : String.format("%,d", bytes / distinct);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Each TLC or explore child of a benchmark round is killed after an hour. */
    private static final int CHILD_SECONDS = 3600;

    /** One explore round's figures. */
    private record Explored(long distinct, long generated, double seconds, double loadSeconds, double totalSeconds,
                            long rssBytes, long heapBytes) {
    }

    private BenchReport.Row measure(ModelEntry m, PrintWriter out) throws IOException, InterruptedException {
        TlcRunner tlc = new TlcRunner(new TlcOptions(workers, "4g", CHILD_SECONDS));
        double[] tlcTimes = new double[rounds];
        double[] tlcTotals = new double[rounds];
        double[] exploreTimes = new double[rounds];
        double[] loadTimes = new double[rounds];
        double[] exploreTotals = new double[rounds];
        long tlcDistinct = -1;
        long tlcGenerated = -1;
        long[] tlcMemory = {-1, -1};
        Explored e = null;
        long exploreRss = -1;
        long exploreHeap = -1;
        for (int i = 0; i < rounds; i++) {
            TlcResult r = tlc.check(m.spec(), m.config(), p -> { }, mem -> {
                tlcMemory[0] = Math.max(tlcMemory[0], mem.rssBytes());
                tlcMemory[1] = Math.max(tlcMemory[1], mem.heapBytes());
            });
            if (!r.errorMessage().isEmpty()) {
                throw new UserError(m.name() + ": TLC failed: " + r.errorMessage(), ExitCode.FAILED);
            }
            tlcTimes[i] = r.tlcSeconds() > 0 ? r.tlcSeconds() : r.seconds();
            tlcTotals[i] = r.seconds();
            tlcDistinct = r.distinct();
            tlcGenerated = r.generated();
            e = explore(m);
            exploreTimes[i] = e.seconds();
            loadTimes[i] = e.loadSeconds();
            exploreTotals[i] = e.totalSeconds();
            exploreRss = Math.max(exploreRss, e.rssBytes());
            exploreHeap = Math.max(exploreHeap, e.heapBytes());
            out.printf("%s round %d: TLC %.2f s (%.2f s in all), explore %.2f s (%.2f s cold start, %.2f s in all)%n", m.name(), i + 1,
                tlcTimes[i], tlcTotals[i], exploreTimes[i], loadTimes[i], exploreTotals[i]);
            out.flush();
        }
        return new BenchReport.Row(m.name(), tlcDistinct, tlcGenerated, e.distinct(), e.generated(), median(tlcTimes),
            median(tlcTotals), median(exploreTimes), median(loadTimes), median(exploreTotals), tlcMemory[0], exploreRss,
            tlcMemory[1], exploreHeap);
    }

    /**
     * One {@code finalspec explore} in a fresh JVM, as a user runs it the first time: its machine
     * cache is an empty folder of its own, so the cold start is a cache miss (javac runs, and the
     * entry is written as a user's first run writes it). Started by the launcher, the child maps
     * the launcher's class data archive and gets its compiler directives, as the user's
     * {@code ./finalspec explore} does.
     */
    private Explored explore(ModelEntry m) throws IOException, InterruptedException {
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-bench");
        try {
            Path file = tmp.resolve("explore.json");
            List<String> cmd = new ArrayList<>(Jvm.explorerCommand("4g", tmp, Main.class, Jvm.launcherArchive(),
                Jvm.launcherDirectives()));
            cmd.addAll(List.of("explore", m.spec().toString(), "--config", m.config().toString(), "--workers",
                String.valueOf(workers), "--json", file.toString(), "--out", tmp.toString()));
            ProcessBuilder child = new ProcessBuilder(cmd).redirectErrorStream(true);
            child.environment().put(MachineCache.ENVIRONMENT, tmp.resolve("machine-cache").toString());
            ChildProcess.Finished done = ChildProcess.run(child, Duration.ofSeconds(CHILD_SECONDS), line -> { }, line -> { });
            if (done.timedOut() || !Files.exists(file)) {
                String why = done.timedOut() ? done.describeTimeout(Duration.ofSeconds(CHILD_SECONDS)) : done.outputTail().strip();
                throw new UserError(m.name() + ": explore failed: " + why, ExitCode.FAILED);
            }
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!o.has("machine_cache") || !o.get("machine_cache").getAsString().equals(MachineCache.Status.MISS.json())) {
                throw new IllegalStateException(m.name() + ": explore's cold start was not a machine cache miss: " + o.get("machine_cache"));
            }
            return new Explored(o.get("distinct").getAsLong(), o.get("states").getAsLong(), o.get("seconds").getAsDouble(),
                o.get("load_seconds").getAsDouble(), done.seconds(), longOr(o, "peak_rss_bytes"), longOr(o, "peak_heap_bytes"));
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
    }

    private static long longOr(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsLong() : -1;
    }

    private List<ModelEntry> select() {
        Manifest manifest;
        try {
            manifest = ManifestParser.parse(manifestFile == null ? Home.defaultManifest() : manifestFile);
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
        if (!models.isEmpty()) {
            try {
                return manifest.select(models, true);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        return manifest.select(List.of(), false).stream().filter(m -> m.expect().toString().equals("pass")).toList();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
