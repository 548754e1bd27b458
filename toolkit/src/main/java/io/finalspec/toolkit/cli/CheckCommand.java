package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.toolkit.report.CheckRow;
import io.finalspec.toolkit.report.Counterexamples;
import io.finalspec.toolkit.report.DocTraces;
import io.finalspec.toolkit.report.JsonReport;
import io.finalspec.toolkit.report.ResultsTable;
import io.finalspec.toolkit.report.TraceText;
import io.finalspec.toolkit.report.WitnessResult;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec check}: runs TLC on the manifest's models and compares outcomes with expectations. */
@Command(name = "check", mixinStandardHelpOptions = true,
    header = "Checks every model of the manifest with TLC against its declared outcome.",
    description = {"Runs TLC on every selected model of the manifest and compares each outcome with the declared one.",
        "Counterexamples are written as ITF traces (.itf.json) under <out>/traces and printed step by step.",
        "Each declared witness W (manifest key witnesses) is checked in its own TLC run with ~W as the invariant;",
        "it is reached when TLC finds a state satisfying W.",
        "With --fewest-switches (or --max-switches K), each counterexample is also searched again in the model's",
        "generated machine for the fewest thread switches; the result is printed with both figures and replayed in TLC.",
        "Exits 0 exactly when every actual outcome equals its expectation and every witness is reached."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private MachineCacheOption cacheOption;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "Check only this model (repeatable). Default: every default-tier model.")
    private List<String> models = new ArrayList<>();

    @Option(names = "--all", description = "Also check the large-tier models.")
    private boolean all;

    @Option(names = "--list", description = "List the manifest's models and exit.")
    private boolean list;

    @Option(names = {"-w", "--workers"}, paramLabel = "N", defaultValue = "1", converter = Workers.Converter.class,
        description = "TLC worker threads: a count, or auto for one per core (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--doc", paramLabel = "FILE", description = "Rewrite the <!-- tlc-trace: MODEL --> blocks of this Markdown file with what TLC found in this run (outcome, trace, witnesses).")
    private Path doc;

    @Option(names = "--check-doc", paramLabel = "FILE", description = "Fail (exit 1) when a <!-- tlc-trace: MODEL --> block of this file differs from what TLC found in this run.")
    private Path checkDoc;

    @Option(names = {"-q", "--quiet"}, description = "Do not print counterexamples, only the table.")
    private boolean quiet;

    @Mixin
    private SwitchOptions switches;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        OutputFiles.checkWritable("--json", json);
        for (Path d : new Path[] {doc, checkDoc}) {
            if (d != null) {
                readDoc(d);
            }
        }
        Manifest manifest = loadManifest();
        if (list) {
            listModels(manifest, stdout);
            return ExitCode.OK.code();
        }
        List<ModelEntry> selected = select(manifest);
        Workers.check(workers);
        switches.checkUsage();
        TlcRunner runner = new TlcRunner(options());
        Path traces = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        ConsoleProgress progress = ConsoleProgress.forStderr(stderr);
        List<CheckRow> rows = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            ModelEntry model = selected.get(i);
            String tag = String.format("[%d/%d] %s", i + 1, selected.size(), model.name());
            // TLC's own log of each model, for what the table does not say (its warnings, its statistics)
            Path log = traces.resolveSibling("logs").resolve(model.name() + ".tlc.log");
            TlcResult result = runner.check(model.spec(), model.config(), p -> progress.update(tag, p), log);
            progress.clear();
            Path trace = result.trace().isEmpty() ? null : Counterexamples.write(model, result, traces);
            List<WitnessResult> witnesses = reachWitnesses(runner, model, result, tag, progress);
            CheckRow row = new CheckRow(model, result, trace, witnesses);
            rows.add(row);
            report(row, tag, stdout);
            if (trace != null && switches.requested()) {
                fewestSwitches(manifest, model, trace, stdout);
            }
        }
        stdout.println();
        stdout.print(ResultsTable.render(rows));
        long failed = rows.stream().filter(r -> !r.ok()).count();
        stdout.printf("%n%d of %d models as expected%s%n", rows.size() - failed, rows.size(),
            failed == 0 ? "." : "; " + failed + " MISMATCH or UNREACHED.");
        printWitnessTotals(rows, stdout);
        if (json != null) {
            JsonReport.write(rows, json);
        }
        boolean docOk = documents(rows, stdout, stderr);
        List<String> full = rows.stream().filter(r -> r.result().outOfMemory()).map(r -> r.model().name()).toList();
        if (!full.isEmpty()) {
            // a full heap says nothing about the model: not a failed check but a resource (exit 6)
            stderr.printf("finalspec: out of memory: TLC filled its heap (--heap %s) on %s; raise --heap, give TLC a "
                + "bigger machine, or pick a smaller model%n", heap, String.join(", ", full));
            return ExitCode.RESOURCES.code();
        }
        return failed == 0 && docOk ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /**
     * Writes (--doc) or compares (--check-doc) the trace blocks of a document; false when a
     * compared block differs from this run.
     */
    private boolean documents(List<CheckRow> rows, PrintWriter stdout, PrintWriter stderr) throws IOException {
        Map<String, CheckRow> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.model().name(), r));
        if (doc != null) {
            DocTraces.Filled f = DocTraces.fill(readDoc(doc), byName);
            Files.writeString(doc, f.text());
            stdout.printf("%s: %d trace blocks written from this run, %d of them changed.%n", doc, f.filled().size(),
                f.changed().size());
        }
        if (checkDoc == null) {
            return true;
        }
        DocTraces.Filled f = DocTraces.fill(readDoc(checkDoc), byName);
        for (String name : f.changed()) {
            stderr.printf("%s: the trace block of %s differs from what TLC found (regenerate with --doc %s)%n", checkDoc, name,
                checkDoc);
        }
        stdout.printf("%s: %d trace blocks compared with this run, %d differ.%n", checkDoc, f.filled().size(), f.changed().size());
        return f.changed().isEmpty();
    }

    private static String readDoc(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserError(file + ":1:1: cannot read: " + e.getMessage());
        }
    }

    /**
     * Runs TLC once per declared witness with the witness's negation as the invariant. Each run stops
     * at the first state satisfying the witness, so a reachable one costs a JVM start and a short
     * breadth-first search. A model whose own run failed to produce an outcome is not probed further.
     */
    private static List<WitnessResult> reachWitnesses(TlcRunner runner, ModelEntry model, TlcResult result, String tag,
            ConsoleProgress progress) throws IOException, InterruptedException {
        List<WitnessResult> out = new ArrayList<>();
        if (result.outcome().kind() == Expectation.Kind.ERROR) {
            return out;
        }
        for (String w : model.witnesses()) {
            TlcResult reach = runner.reach(model.spec(), model.config(), w, p -> progress.update(tag + " witness " + w, p));
            progress.clear();
            out.add(new WitnessResult(w, reach));
        }
        return out;
    }

    private static void printWitnessTotals(List<CheckRow> rows, PrintWriter stdout) {
        long declared = rows.stream().mapToLong(r -> r.model().witnesses().size()).sum();
        if (declared == 0) {
            return;
        }
        long reached = rows.stream().mapToLong(CheckRow::witnessesReached).sum();
        double seconds = rows.stream().flatMap(r -> r.witnesses().stream()).mapToDouble(w -> w.result().seconds()).sum();
        stdout.printf("%d of %d witnesses reached (%d models declare witnesses; witness runs took %.1f s).%n", reached,
            declared, rows.stream().filter(r -> !r.model().witnesses().isEmpty()).count(), seconds);
    }

    private void report(CheckRow row, String tag, PrintWriter stdout) {
        TlcResult r = row.result();
        stdout.printf("%s: %s (expected %s) %s, %,d distinct states in %.1f s%n", tag, r.outcome(), row.expected(),
            row.outcomeOk() ? "ok" : "MISMATCH", Math.max(0, r.distinct()), r.seconds());
        if (!r.errorMessage().isEmpty()) {
            stdout.println("  " + r.errorMessage());
        }
        for (WitnessResult w : row.witnesses()) {
            TlcResult wr = w.result();
            stdout.printf("  witness %s: %s%s%n", w.name(), w.verdict(), w.reached()
                ? String.format(" at depth %d (%.1f s)", wr.trace().size(), wr.seconds())
                : wr.outcome().kind() == Expectation.Kind.PASS
                    ? String.format(": no reachable state of %,d satisfies it", Math.max(0, wr.distinct())) : "");
        }
        if (row.trace() != null && !quiet) {
            stdout.print(TraceText.render(r.trace()));
            stdout.println("  trace: " + row.trace());
        }
        stdout.flush();
    }

    /**
     * TLC's counterexample against the fewest-switch ones: the search runs in the model's generated
     * machine (TLC's trace is replayed there to get each action's parameters, hence its thread), and
     * the result is replayed in TLC.
     */
    private void fewestSwitches(Manifest manifest, ModelEntry model, Path trace, PrintWriter stdout) throws IOException {
        Machine machine;
        try {
            machine = Compiler.load(model.spec(), model.config(), cacheOption.cache()).machine();
        } catch (CompileFailedException e) {
            stdout.println("  fewest switches: no search, the model's machine could not be generated: "
                + e.diagnostics().get(0).format());
            return;
        }
        switches.run(machine, model.spec(), model.config(), SwitchOptions.machineTrace(machine, trace), trace,
            SwitchOptions.actors(manifest, model.spec()), stdout);
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
            out.printf("%-34s %-8s %-32s %-12s %s%s%n", m.name(), m.tier().name().toLowerCase(), m.expect(),
                m.bug().orElse("-"), String.join(",", m.cpython()),
                m.witnesses().isEmpty() ? "" : "  witnesses " + String.join(",", m.witnesses()));
        }
    }
}
