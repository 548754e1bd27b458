package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.toolkit.html.HtmlReport;
import io.finalspec.toolkit.html.ReportInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec report}: the static HTML report of the last check, its counterexamples drawn as swimlanes. */
@Command(name = "report", mixinStandardHelpOptions = true,
    header = "Writes a static HTML report: the models of the last check and every counterexample as a swimlane drawing.",
    description = {"Reads the JSON of the last check (default target/finalspec/check.json, as `check --json` writes it",
        "in CI), draws each counterexample it names and every --trace file as swimlanes (one lane per thread), finds",
        "for each model the counterexamples with the fewest thread switches, links the bug table of docs/bugs.md to",
        "the drawings, and writes DIR/index.html (no network needed to open it) and DIR/switches.md."})
final class ReportCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the report goes (default: target/finalspec/report).")
    private Path out;

    @Option(names = "--trace", paramLabel = "FILE.itf.json", description = "Also draw this ITF trace (repeatable).")
    private List<Path> traces = new ArrayList<>();

    @Option(names = "--check", paramLabel = "FILE", description = "The JSON of a check run (default: target/finalspec/check.json when it exists).")
    private Path check;

    @Option(names = "--results", paramLabel = "FILE", description = "A JSON result of explore, conform or bench (--json) to show as a table (repeatable).")
    private List<Path> results = new ArrayList<>();

    @Option(names = "--manifest", paramLabel = "FILE", description = "The model manifest (default: specs/models.toml).")
    private Path manifest;

    @Option(names = "--bugs", paramLabel = "FILE", description = "The bug table (default: docs/bugs.md).")
    private Path bugs;

    @Option(names = "--no-search", description = "Do not search for the counterexamples with the fewest thread switches.")
    private boolean noSearch;

    @Override
    public Integer call() throws IOException {
        Path dir = out == null ? Home.defaultOut().resolve("report") : out.toAbsolutePath();
        Path checkFile = check != null ? check : Home.defaultOut().resolve("check.json");
        Optional<Manifest> m = manifest();
        List<Path> resultFiles = new ArrayList<>(results);
        for (String name : List.of("explore.json", "conform.json", "bench.json")) {
            Path p = Home.defaultOut().resolve(name);
            if (results.isEmpty() && Files.isRegularFile(p)) {
                resultFiles.add(p);
            }
        }
        Path bugFile = bugs != null ? bugs : Home.root().resolve("docs").resolve("bugs.md");
        if (bugs != null && !Files.isRegularFile(bugs)) {
            throw new UserError(bugs + ": bug table not found");
        }
        HtmlReport.Written w;
        try {
            w = HtmlReport.write(new HtmlReport.Options(dir, checkFile, check != null, traces, resultFiles, m, bugFile, !noSearch));
        } catch (ReportInputException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (!w.switches().isEmpty()) {
            stdout.print(Files.readString(w.switchTable()));
        }
        stdout.printf("report: %s (%d counterexample%s drawn); switch table: %s%n", w.page(), w.counterexamples(),
            w.counterexamples() == 1 ? "" : "s", w.switchTable());
        stdout.flush();
        return ExitCode.OK.code();
    }

    private Optional<Manifest> manifest() {
        Path file = manifest != null ? manifest : Home.defaultManifest();
        if (manifest == null && !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestParser.parse(file));
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }
}
