package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreListener;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.TraceDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec explore}: compiles a spec in memory and explores it exhaustively. */
@Command(name = "explore", mixinStandardHelpOptions = true,
    header = "Explores a spec and model exhaustively with its generated machine, like TLC.",
    description = {"Parses, generates and compiles a spec and model in memory, then explores every reachable state",
        "breadth-first, checking the config's invariants and deadlock like TLC. On a violation the shortest trace is",
        "printed and written as ITF. Exit 0 when no violation is found, 1 otherwise."})
final class ExploreCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private SpecArgs args;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1", description = "Explorer threads (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    private Path json;

    @Option(names = "--out", paramLabel = "DIR", description = "Where a counterexample goes, under DIR/traces (default: target/finalspec).")
    private Path out;

    @Override
    public Integer call() throws IOException {
        if (workers < 1) {
            throw new UserError("--workers must be at least 1", ExitCode.USAGE);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Machine machine = args.load();
        ConsoleProgress progress = ConsoleProgress.forStderr(spec.commandLine().getErr());
        ExploreListener listener = new ExploreListener() {
            @Override
            public void progress(Progress p) {
                progress.update(machine.specName(), p.generated(), p.distinct(), p.queue(), p.depth(), p.seconds());
            }
        };
        ExploreResult r = new BfsExplorer(machine, BfsExplorer.Options.defaults().withWorkers(workers).withListener(listener)).run();
        progress.clear();
        Path trace = r.trace() == null ? null : writeTrace(r, machine);
        stdout.printf("%s with %s: %s%n", args.spec().getFileName(), args.config().getFileName(), describe(r.outcome()));
        stdout.printf("%,d states generated, %,d distinct states, depth %d, %.2f s (%,.0f distinct states/s)%n",
            r.generated(), r.distinct(), r.depth(), r.seconds(), r.seconds() > 0 ? r.distinct() / r.seconds() : 0.0);
        if (trace != null) {
            stdout.print(TraceDiff.format(r.trace()));
            stdout.println("trace: " + trace);
        }
        if (json != null) {
            writeJson(r, trace);
        }
        return r.isOk() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    static String describe(Outcome o) {
        return switch (o.kind()) {
            case OK -> "no violation";
            case INVARIANT -> "invariant " + o.name() + " is violated";
            case PROPERTY -> "property " + o.name() + " is violated";
            case DEADLOCK -> "deadlock reached";
            case ERROR -> "error: " + o.message();
        };
    }

    private Path writeTrace(ExploreResult r, Machine machine) throws IOException {
        Path dir = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        Files.createDirectories(dir);
        String base = args.config().getFileName().toString().replaceFirst("\\.cfg$", "");
        Path file = dir.resolve(base + ".explore.itf.json");
        Files.writeString(file, Itf.write(r.trace(), args.spec().getFileName().toString()) + System.lineSeparator());
        return file;
    }

    private void writeJson(ExploreResult r, Path trace) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("spec", args.spec().toString());
        o.addProperty("config", args.config().toString());
        o.addProperty("states", r.generated());
        o.addProperty("distinct", r.distinct());
        o.addProperty("depth", r.depth());
        o.addProperty("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        o.addProperty("result", switch (r.outcome().kind()) {
            case OK -> "pass";
            case INVARIANT -> "invariant";
            case PROPERTY -> "property";
            case DEADLOCK -> "deadlock";
            case ERROR -> "error";
        });
        o.addProperty("violated", r.outcome().kind() == Outcome.Kind.INVARIANT ? r.outcome().name() : null);
        o.addProperty("trace", trace == null ? null : trace.toString());
        if (r.outcome().kind() == Outcome.Kind.ERROR) {
            o.addProperty("error", r.outcome().message());
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
