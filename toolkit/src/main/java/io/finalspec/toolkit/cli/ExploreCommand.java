package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.finalspec.codegen.Compiler;
import io.finalspec.distributed.DistributedExplorer;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreListener;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.toolkit.tlc.PeakMemory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec explore}: compiles a spec in memory and checks it exhaustively, safety and liveness. */
@Command(name = "explore", mixinStandardHelpOptions = true,
    header = "Explores a spec and model exhaustively with its generated machine, like TLC.",
    description = {"Parses, generates and compiles a spec and model in memory, then explores every reachable state",
        "breadth-first, checking the config's invariants, deadlock and properties like TLC (liveness under the",
        "spec's WF/SF fairness). Prints which parts of the config were checked. On a violation the shortest trace",
        "(for a liveness property a lasso: a prefix and a cycle back to a state) is printed and written as ITF.",
        "With --distributed the states are spread over Hazelcast members by fingerprint (safety only); a member",
        "lost mid-run stops it without a result (exit 7); --checkpoint DIR writes checkpoints to resume from with",
        "--resume DIR.",
        "Exit 0 when everything was checked and holds, 1 on a violation, 5 when no violation was found but a",
        "property could not be checked (safety only)."})
final class ExploreCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private SpecArgs args;

    @Mixin
    private MachineCacheOption cacheOption;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1", converter = Workers.Converter.class,
        description = "Explorer threads: a count, or auto for one per core (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    private Path json;

    @Option(names = "--out", paramLabel = "DIR", description = "Where a counterexample goes, under DIR/traces (default: target/finalspec).")
    private Path out;

    @Mixin
    private SwitchOptions switches;

    @Option(names = "--manifest", paramLabel = "FILE", description = "With --fewest-switches or --max-switches: the manifest whose [[drawing]] table for the spec names the thread of each action (default: specs/models.toml).")
    private Path manifest;

    @Mixin
    private DistributedOptions distributed;

    @Mixin
    private CheckpointOptions checkpoints;

    @Override
    public Integer call() throws IOException {
        Workers.check(workers);
        switches.checkUsage();
        distributed.checkUsage(spec.commandLine());
        checkpoints.checkUsage(spec.commandLine(), distributed.requested());
        OutputFiles.checkWritable("--json", json);
        PrintWriter stdout = spec.commandLine().getOut();
        long loadStart = System.nanoTime();
        io.finalspec.codegen.Compiler.Loaded loaded = args.load(cacheOption, spec.commandLine().getErr());
        Machine machine = loaded.machine();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        ConsoleProgress progress = ConsoleProgress.forStderr(spec.commandLine().getErr());
        AtomicLong distinctSoFar = new AtomicLong();
        ExploreListener listener = new ExploreListener() {
            @Override
            public void progress(Progress p) {
                distinctSoFar.set(p.distinct());
                progress.update(machine.specName(), p.generated(), p.distinct(), p.queue(), p.depth(), p.seconds());
            }
        };
        DistributedOptions.Run run = null;
        ExploreResult r;
        if (distributed.requested()) {
            run = ResourceExhausted.guard("explore", () -> distributed.explore(machine, checkpoints.checkpoints(args.spec(), args.config()), listener), distinctSoFar::get);
            r = run.result().result();
        } else {
            BfsExplorer.Options options = BfsExplorer.Options.defaults().withWorkers(workers).withListener(listener);
            // The checker is made inside the guarded search, so that once a full heap unwinds it nothing
            // here still reaches its states and the report has memory to be written.
            r = ResourceExhausted.guard("explore", () -> new ModelChecker(machine, options).run(), distinctSoFar::get);
        }
        progress.clear();
        Path trace = r.trace() == null ? null : writeTrace(r, machine);
        stdout.printf("%s with %s: %s%n", args.spec().getFileName(), args.config().getFileName(), describe(r));
        stdout.printf("%,d states generated, %,d distinct states, depth %d, %.2f s (%,.0f distinct states/s)%n",
            r.generated(), r.distinct(), r.depth(), r.seconds(), r.seconds() > 0 ? r.distinct() / r.seconds() : 0.0);
        stdout.println(memoryLine(PeakMemory.ofThisJvm(), r.distinct()));
        if (run != null) {
            stdout.printf("distributed: %d members (started in %.1f s), %,d states sent between members, %.1f bytes each%n",
                run.result().members(), run.startSeconds(),
                run.result().levels().stream().mapToLong(l -> l.statesSent()).sum(), run.result().bytesPerState());
            DistributedExplorer.Result d = run.result();
            if (d.resumedAt() != null) {
                stdout.printf("resumed from the checkpoint of level %d (depth %d, %,d distinct states)%n", d.resumedAt().level(),
                    d.resumedAt().depth(), d.resumedAt().distinct());
            }
            if (d.checkpoints() > 0) {
                stdout.printf("checkpoints: %d written (%.2f s)%n", d.checkpoints(), d.checkpointSeconds());
            }
        }
        stdout.print(ConfigCoverage.describe(machine, r));
        if (trace != null) {
            stdout.print(TraceDiff.format(r.trace()));
            stdout.println("trace: " + trace);
            if (switches.requested()) {
                switches.run(machine, args.spec(), args.config(), r.trace(), trace, SwitchOptions.actors(args.spec(), manifest), stdout);
            }
        }
        if (json != null) {
            writeJson(r, trace, loadSeconds, loaded, run);
        }
        stdout.flush();
        return exitCode(r).code();
    }

    /**
     * The run's peak memory, and per distinct state: the whole JVM (javac of the cold start
     * included), so on small models it measures the JVM rather than the states.
     */
    static String memoryLine(PeakMemory peak, long distinct) {
        long bytes = peak.rssBytes() >= 0 ? peak.rssBytes() : peak.heapBytes();
        String what = peak.rssBytes() >= 0 ? "resident" : "heap";
        return String.format("peak memory: %,d MB %s, %,d bytes per distinct state", bytes >> 20, what,
            bytes / Math.max(1, distinct));
    }

    static ExitCode exitCode(ExploreResult r) {
        if (!r.isOk()) {
            return ExitCode.FAILED;
        }
        return r.complete() ? ExitCode.OK : ExitCode.NOT_CHECKED;
    }

    static String describe(ExploreResult r) {
        Outcome o = r.outcome();
        return switch (o.kind()) {
            case OK -> r.complete() ? "no violation" : "safety only: " + notChecked(r.notChecked());
            case INVARIANT -> "invariant " + o.name() + " is violated";
            case PROPERTY -> "property " + o.name() + " is violated"
                + (r.trace() != null && r.trace().isLasso() ? " (" + o.message() + ")" : "");
            case DEADLOCK -> "deadlock reached";
            case ERROR -> "error: " + o.message();
        };
    }

    private static String notChecked(List<ExploreResult.NotChecked> list) {
        StringBuilder sb = new StringBuilder();
        for (ExploreResult.NotChecked n : list) {
            sb.append(sb.length() == 0 ? "" : "; ").append("property ").append(n.property()).append(" not checked (")
                .append(n.reason()).append(')');
        }
        return sb.toString();
    }

    private Path writeTrace(ExploreResult r, Machine machine) throws IOException {
        Path dir = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        Files.createDirectories(dir);
        Path file = dir.resolve(OutputFiles.traceName(args.spec(), args.config(), "explore"));
        Files.writeString(file, Itf.write(r.trace(), args.spec().getFileName().toString(), io.finalspec.runtime.trace.ItfType.declaredIn(Files.readString(args.spec()), machine.variables())) + System.lineSeparator());
        return file;
    }

    private void writeJson(ExploreResult r, Path trace, double loadSeconds, Compiler.Loaded loaded, DistributedOptions.Run run)
        throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("spec", args.spec().toString());
        o.addProperty("config", args.config().toString());
        o.addProperty("states", r.generated());
        o.addProperty("distinct", r.distinct());
        o.addProperty("depth", r.depth());
        o.addProperty("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        // cold start apart from the search: parse, generate and compile in memory
        o.addProperty("load_seconds", Math.round(loadSeconds * 1000) / 1000.0);
        // hit: javac skipped, the classes came from the machine cache; miss: compiled and stored; off: no cache
        o.addProperty("machine_cache", loaded.cache().status().json());
        // false: the spec and model were unchanged since a cached run, so nothing was parsed or generated
        o.addProperty("machine_generated", loaded.generated());
        PeakMemory peak = PeakMemory.ofThisJvm();
        o.addProperty("peak_rss_bytes", peak.rssBytes() < 0 ? null : peak.rssBytes());
        o.addProperty("peak_heap_bytes", peak.heapBytes());
        o.addProperty("result", switch (r.outcome().kind()) {
            case OK -> r.complete() ? "pass" : "safety only";
            case INVARIANT -> "invariant";
            case PROPERTY -> "property";
            case DEADLOCK -> "deadlock";
            case ERROR -> "error";
        });
        boolean named = r.outcome().kind() == Outcome.Kind.INVARIANT || r.outcome().kind() == Outcome.Kind.PROPERTY;
        o.addProperty("violated", named ? r.outcome().name() : null);
        o.addProperty("trace", trace == null ? null : trace.toString());
        if (r.trace() != null && r.trace().isLasso()) {
            o.addProperty("loop", r.trace().loop());
        }
        JsonArray unchecked = new JsonArray();
        for (ExploreResult.NotChecked n : r.notChecked()) {
            JsonObject u = new JsonObject();
            u.addProperty("property", n.property());
            u.addProperty("reason", n.reason());
            unchecked.add(u);
        }
        o.add("not_checked", unchecked);
        if (r.outcome().kind() == Outcome.Kind.ERROR) {
            o.addProperty("error", r.outcome().message());
        }
        if (run != null) {
            o.add("distributed", DistributedOptions.json(run));
        }
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(json)) {
            new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(o, w);
            w.write(System.lineSeparator());
        }
    }
}
