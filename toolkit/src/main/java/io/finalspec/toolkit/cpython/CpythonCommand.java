package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.cli.ExitCode;
import io.finalspec.toolkit.cli.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec cpython}: the specs held against a real CPython interpreter. */
@Command(name = "cpython", mixinStandardHelpOptions = true,
    header = "Runs the specs' scenarios on a real CPython and validates what it does against the models.",
    description = {"Detects the interpreter's version and, for every refinement mapping (specs/*.mapping.toml) that",
        "speaks for it: checks the mapped source locations in the interpreter's own library, runs the scenario",
        "threads on the unmodified interpreter under seeded random schedules and validates every recorded trace",
        "against the spec, and drives TLC's counterexample on the interpreter step by step. One row per scenario.",
        "Exit 1 when the interpreter did something the model does not allow (or a predicted bug did not reproduce);",
        "exit 3 when the interpreter is missing or a mapped location is not in its library."})
public final class CpythonCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--python", paramLabel = "PATH", description = "The interpreter (default: /usr/bin/python3.11).")
    private Path python = Interpreter.DEFAULT;

    @Option(names = "--runs", paramLabel = "N", description = "Random schedules per scenario (default: 1000).")
    private int runs = 1000;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the schedules (default: 1).")
    private long seed = 1;

    @Option(names = "--embed-runs", paramLabel = "N", description = "Runs of the C embedding harness (default: 1000; 0 skips it).")
    private int embedRuns = 1000;

    @Option(names = "--gdb-runs", paramLabel = "N",
        description = "Runs of gh-110052's window forced with gdb on the debug build (default: 3; 0 skips it).")
    private int gdbRuns = 3;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the rows as a JSON array.")
    private Path json;

    @Option(names = "--traces", paramLabel = "DIR", description = "Write every recorded trace as ITF into DIR.")
    private Path traces;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The model manifest (default: specs/models.toml).")
    private Path manifestFile;

    @Option(names = "--mappings", paramLabel = "DIR", description = "Where the *.mapping.toml files are (default: the manifest's folder).")
    private Path mappings;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (runs < 0 || embedRuns < 0 || gdbRuns < 0) {
            throw new UserError("--runs, --embed-runs and --gdb-runs must be 0 or more", ExitCode.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        Interpreter interpreter = new Interpreter(python);
        String version = interpreter.version();
        Path root = root();
        Manifest manifest = manifest(root);
        out.printf("CPython %s (%s)%n", version, python);
        List<Row> rows = new ArrayList<>();
        Path mappingDir = mappings != null ? mappings : manifest.file().toAbsolutePath().getParent();
        if (!Files.isDirectory(mappingDir)) {
            throw new UserError(mappingDir + ": no such folder of mappings");
        }
        for (Mapping m : Mapping.all(mappingDir)) {
            ModelEntry model = manifest.find(m.model())
                .orElseThrow(() -> new UserError(m.file() + ": model " + m.model() + " is not in the manifest"));
            if (!m.speaksFor(version)) {
                rows.add(new Row("(mapping " + m.file().getFileName() + ")", model.name(), model.expect().toString(),
                    "not run: the mapping speaks for " + String.join(", ", m.versions()), 0, 0, "skipped"));
                continue;
            }
            Scenarios s = new Scenarios(interpreter, m, model, out, root.resolve("target").resolve("finalspec"));
            out.printf("%s: %s%n", m.file().getFileName(), String.join(", ", s.locations()));
            rows.add(s.random(runs, seed, traces));
            Row replay = s.replay();
            if (replay != null) {
                rows.add(replay);
            }
        }
        if (embedRuns > 0) {
            rows.addAll(new Embedding(interpreter).rows(manifest, version, embedRuns));
        }
        rows.addAll(new GdbWindow(interpreter).rows(manifest, version, gdbRuns));
        print(out, rows);
        if (json != null) {
            Files.writeString(json, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(rows.stream().map(Scenarios::json).toList()) + System.lineSeparator());
        }
        return rows.stream().anyMatch(Row::failed) ? ExitCode.FAILED.code() : ExitCode.OK.code();
    }

    private Manifest manifest(Path root) {
        Path file = manifestFile != null ? manifestFile : root.resolve("specs").resolve("models.toml");
        try {
            return ManifestParser.parse(file);
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The repository root: FINALSPEC_HOME from the launcher, else the current directory. */
    private static Path root() {
        String home = System.getenv("FINALSPEC_HOME");
        return Path.of(home == null || home.isBlank() ? "." : home).toAbsolutePath().normalize();
    }

    /** The rows as a Markdown table: readable on a terminal, and docs/cpython.md quotes it unedited. */
    static void print(PrintWriter out, List<Row> rows) {
        out.println("| scenario | model | predicted | interpreter did | validated | verdict |");
        out.println("|---|---|---|---|---|---|");
        for (Row r : rows) {
            out.printf("| %s | %s | %s | %s | %d/%d | %s |%n", r.scenario(), r.model(), r.predicted(), r.interpreter(),
                r.validated(), r.traces(), r.verdict());
        }
    }
}
