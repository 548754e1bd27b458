package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
 * load; the medians and their ratio are reported, never a single timing.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    header = "Measures the generated explorer against TLC, side by side.",
    description = {"Measures the generated explorer against TLC on the same models in one run: rounds alternate",
        "a TLC run and an explore run (each in a fresh JVM, one worker by default) and the medians are compared.",
        "Search time excludes JVM start: TLC's own 'Finished in' (parse and check) against explore's search time",
        "(generation and compilation are reported apart). Distinct counts must agree or the row is flagged."})
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

    /** Medians of one model's rounds. */
    record Row(String model, long distinct, double tlcSeconds, double exploreSeconds, boolean countsAgree) {
        double ratio() {
            return exploreSeconds <= 0 ? 0 : tlcSeconds / exploreSeconds;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (rounds < 1) {
            throw new UserError("--rounds must be at least 1", ExitCode.USAGE);
        }
        Workers.check(workers);
        List<ModelEntry> selected = select();
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = new ArrayList<>();
        for (ModelEntry m : selected) {
            rows.add(measure(m, out));
        }
        out.println();
        out.printf("%-30s %10s %10s %10s %12s %12s %7s%n", "model", "distinct", "TLC s", "explore s", "TLC dist/s", "expl dist/s", "ratio");
        for (Row r : rows) {
            out.printf("%-30s %,10d %10.2f %10.2f %,12.0f %,12.0f %6.1fx%s%n", r.model(), r.distinct(), r.tlcSeconds(), r.exploreSeconds(),
                r.distinct() / r.tlcSeconds(), r.distinct() / r.exploreSeconds(), r.ratio(), r.countsAgree() ? "" : "  COUNTS DIFFER");
        }
        return rows.stream().allMatch(Row::countsAgree) ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** Each TLC or explore child of a benchmark round is killed after an hour. */
    private static final int CHILD_SECONDS = 3600;

    private Row measure(ModelEntry m, PrintWriter out) throws IOException, InterruptedException {
        TlcRunner tlc = new TlcRunner(new TlcOptions(workers, "4g", CHILD_SECONDS));
        double[] tlcTimes = new double[rounds];
        double[] exploreTimes = new double[rounds];
        long tlcDistinct = -1;
        long exploreDistinct = -1;
        for (int i = 0; i < rounds; i++) {
            TlcResult r = tlc.check(m.spec(), m.config(), p -> { });
            tlcTimes[i] = r.tlcSeconds() > 0 ? r.tlcSeconds() : r.seconds();
            tlcDistinct = r.distinct();
            JsonObject e = explore(m);
            exploreTimes[i] = e.get("seconds").getAsDouble();
            exploreDistinct = e.get("distinct").getAsLong();
            out.printf("%s round %d: TLC %.2f s, explore %.2f s%n", m.name(), i + 1, tlcTimes[i], exploreTimes[i]);
            out.flush();
        }
        return new Row(m.name(), exploreDistinct, median(tlcTimes), median(exploreTimes), tlcDistinct == exploreDistinct);
    }

    /** One {@code finalspec explore} in a fresh JVM, as a user runs it. */
    private JsonObject explore(ModelEntry m) throws IOException, InterruptedException {
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-bench");
        try {
            Path json = tmp.resolve("explore.json");
            List<String> cmd = new ArrayList<>(Jvm.command("4g", tmp, Main.class));
            cmd.addAll(List.of("explore", m.spec().toString(), "--config", m.config().toString(), "--workers",
                String.valueOf(workers), "--json", json.toString(), "--out", tmp.toString()));
            ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(cmd).redirectErrorStream(true),
                Duration.ofSeconds(CHILD_SECONDS), line -> { }, line -> { });
            if (done.timedOut() || !Files.exists(json)) {
                String why = done.timedOut() ? done.describeTimeout(Duration.ofSeconds(CHILD_SECONDS)) : done.outputTail().strip();
                throw new UserError(m.name() + ": explore failed: " + why, ExitCode.FAILED);
            }
            return JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
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
