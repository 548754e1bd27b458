package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.report.CheckRow;
import io.finalspec.toolkit.report.Counterexamples;
import io.finalspec.toolkit.report.JsonReport;
import io.finalspec.toolkit.report.ResultsTable;
import io.finalspec.toolkit.report.TraceText;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec check}: runs TLC on the manifest's models and compares outcomes with expectations. */
@Command(name = "check", mixinStandardHelpOptions = true,
    header = "Checks every model of the manifest with TLC against its declared outcome.",
    description = {"Runs TLC on every selected model of the manifest and compares each outcome with the declared one.",
        "Counterexamples are written as ITF traces (.itf.json) under <out>/traces and printed step by step.",
        "Exits 0 exactly when every actual outcome equals its expectation."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Check only this model (repeatable). Default: every default-tier model.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--all", description = "Also check the large-tier models.")
    private boolean all;

    @Option(names = "--list", description = "List the manifest's models and exit.")
    private boolean list;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1", description = "TLC worker threads (default: ${DEFAULT-VALUE}).")
    private int workers;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "4g", description = "Maximum heap of each TLC JVM, e.g. 2g (default: ${DEFAULT-VALUE}).")
    private String heap;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800", description = "Kill a model's TLC run (and what it started) after this many seconds and report its last output; 0 means no limit (default: ${DEFAULT-VALUE}).")
    private double timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as a JSON array to FILE.")
    private Path json;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The model manifest (default: specs/models.toml).")
    private Path manifestFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Where counterexamples go, under DIR/traces (default: target/finalspec).")
    private Path out;

    @Option(names = {"-q", "--quiet"}, description = "Do not print counterexamples, only the table.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OutputFiles.checkWritable("--json", json);
        Manifest manifest = loadManifest();
        if (list) {
            listModels(manifest, stdout);
            return ExitCode.OK.code();
        }
        List<ModelEntry> selected = select(manifest);
        Workers.check(workers);
        TlcRunner runner = new TlcRunner(options());
        Path traces = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        ConsoleProgress progress = ConsoleProgress.forStderr(stderr);
        List<CheckRow> rows = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            ModelEntry model = selected.get(i);
            String tag = String.format("[%d/%d] %s", i + 1, selected.size(), model.name());
            TlcResult result = runner.check(model.spec(), model.config(), p -> progress.update(tag, p));
            progress.clear();
            Path trace = result.trace().isEmpty() ? null : Counterexamples.write(model, result, traces);
            CheckRow row = new CheckRow(model, result, trace);
            rows.add(row);
            report(row, tag, stdout);
        }
        stdout.println();
        stdout.print(ResultsTable.render(rows));
        long failed = rows.stream().filter(r -> !r.ok()).count();
        stdout.printf("%n%d of %d models as expected%s%n", rows.size() - failed, rows.size(),
            failed == 0 ? "." : "; " + failed + " MISMATCH.");
        if (json != null) {
            JsonReport.write(rows, json);
        }
        List<String> full = rows.stream().filter(r -> r.result().outOfMemory()).map(r -> r.model().name()).toList();
        if (!full.isEmpty()) {
            // a full heap says nothing about the model: not a failed check but a resource (exit 6)
            stderr.printf("finalspec: out of memory: TLC filled its heap (--heap %s) on %s; raise --heap, give TLC a "
                + "bigger machine, or pick a smaller model%n", heap, String.join(", ", full));
            return ExitCode.RESOURCES.code();
        }
        return failed == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private void report(CheckRow row, String tag, PrintWriter stdout) {
        TlcResult r = row.result();
        stdout.printf("%s: %s (expected %s) %s, %,d distinct states in %.1f s%n", tag, r.outcome(), row.expected(),
            row.ok() ? "ok" : "MISMATCH", Math.max(0, r.distinct()), r.seconds());
        if (!r.errorMessage().isEmpty()) {
            stdout.println("  " + r.errorMessage());
        }
        if (row.trace() != null && !quiet) {
            stdout.print(TraceText.render(r.trace()));
            stdout.println("  trace: " + row.trace());
        }
        stdout.flush();
    }

    private Manifest loadManifest() {
        Path file = manifestFile == null ? Home.defaultManifest() : manifestFile;
        try {
            return ManifestParser.parse(file);
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }

    private List<ModelEntry> select(Manifest manifest) {
        try {
            List<ModelEntry> selected = manifest.select(models, all);
            if (selected.isEmpty()) {
                throw new UserError(manifest.file() + ": no models selected");
            }
            return selected;
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    private TlcOptions options() {
        try {
            return new TlcOptions(workers, heap, timeout);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), ExitCode.USAGE);
        }
    }

    private static void listModels(Manifest manifest, PrintWriter out) {
        for (ModelEntry m : manifest.models()) {
            out.printf("%-34s %-8s %-32s %-12s %s%n", m.name(), m.tier().name().toLowerCase(), m.expect(),
                m.bug().orElse("-"), String.join(",", m.cpython()));
        }
    }
}
