package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.live.ActorDriver;
import io.finalspec.runtime.live.LiveRuntime;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finalspec run}: the model as a concurrent program, real threads performing spec actions. */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Runs a model as a real concurrent program, one thread per actor.",
    description = {"Runs a model as a real concurrent program: one Java thread per actor (the first parameter of",
        "an action, e.g. each daemon thread; parameterless actions run on 'main'), each performing its enabled",
        "actions through the live runtime with random pauses, as threads doing I/O would. Repeats the run and",
        "reports in how many runs an invariant broke (the historical crash) and the first such behaviour, which is",
        "replayed in the machine and written as ITF. Exit 0 when no run broke an invariant, 1 otherwise."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Option(names = {"-m", "--model"}, paramLabel = "NAME", description = "A model of the manifest.")
        String model;

        @Parameters(index = "0", paramLabel = "SPEC.tla", description = "A spec (with --config).")
        Path spec;
    }

    @Option(names = {"-c", "--config"}, paramLabel = "CFG", description = "The TLC config of SPEC.tla (default: SPEC.cfg).")
    private Path config;

    @Option(names = "--manifest", paramLabel = "FILE", description = "The model manifest (default: specs/models.toml).")
    private Path manifestFile;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "20", description = "Runs (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "Steps per run at most (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--pause-us", paramLabel = "US", defaultValue = "200", description = "Longest random pause of a thread between steps, in microseconds (default: ${DEFAULT-VALUE}).")
    private long pauseMicros;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Seeds the threads' choices; the schedule is the JVM's (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the first broken run goes, under DIR/traces (default: target/finalspec).")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (runs < 1 || steps < 1 || pauseMicros < 0) {
            throw new UserError("--runs and --steps must be positive, --pause-us non-negative", ExitCode.USAGE);
        }
        Path[] files = specAndConfig();
        Machine machine = load(files[0], files[1]);
        PrintWriter stdout = spec.commandLine().getOut();
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        if (inits.isEmpty()) {
            throw new UserError(files[0] + ": the model has no initial state");
        }
        int broken = 0;
        ActorDriver.Run first = null;
        for (int i = 0; i < runs; i++) {
            ActorDriver driver = new ActorDriver(machine, new ActorDriver.Options(steps, Duration.ofNanos(pauseMicros * 1000), seed + i));
            ActorDriver.Run run = driver.run(inits.get(i % inits.size()));
            if (i == 0) {
                stdout.printf("%s: threads %s%n", machine.specName(), String.join(", ", run.actors()));
            }
            String how = switch (run.ending()) {
                case VIOLATION -> "invariant " + run.violations().get(0).invariant() + " broken";
                case FINISHED -> "no thread can move";
                case STEP_LIMIT -> "step limit";
                case TIME_LIMIT -> "time limit";
                case SCHEDULE_END -> run.detail();
            };
            stdout.printf("run %2d: %3d steps, %s%n", i + 1, run.trace().size() - 1, how);
            if (run.ending() == ActorDriver.Ending.VIOLATION) {
                broken++;
                first = first == null ? run : first;
            }
        }
        stdout.printf("%d of %d runs broke an invariant%n", broken, runs);
        if (first != null) {
            report(first, machine, files[1], stdout);
        }
        return broken == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private void report(ActorDriver.Run run, Machine machine, Path cfg, PrintWriter stdout) throws IOException {
        LiveRuntime.Violation v = run.violations().get(0);
        TraceReplayer.Report replay = new TraceReplayer(machine).replay(v.trace());
        stdout.printf("first broken run (%s after %d steps; %s):%n", v.invariant(), v.step(),
            replay.ok() ? "replays as a behaviour of the spec" : "DOES NOT REPLAY: " + replay);
        stdout.print(TraceDiff.format(v.trace()));
        Path dir = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        Files.createDirectories(dir);
        Path file = dir.resolve(cfg.getFileName().toString().replaceFirst("\\.cfg$", "") + ".run.itf.json");
        Files.writeString(file, Itf.write(v.trace(), machine.specName()) + System.lineSeparator());
        stdout.println("trace: " + file);
    }

    private Path[] specAndConfig() {
        if (target.model != null) {
            try {
                ModelEntry m = ManifestParser.parse(manifestFile == null ? Home.defaultManifest() : manifestFile)
                    .select(List.of(target.model), true).get(0);
                return new Path[] {m.spec(), m.config()};
            } catch (ManifestException e) {
                throw new UserError(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
        Path cfg = config != null ? config
            : target.spec.resolveSibling(target.spec.getFileName().toString().replaceFirst("\\.tla$", "") + ".cfg");
        if (!Files.isRegularFile(target.spec)) {
            throw new UserError(target.spec + ": spec not found");
        }
        if (!Files.isRegularFile(cfg)) {
            throw new UserError(cfg + ": config not found");
        }
        return new Path[] {target.spec, cfg};
    }

    private static Machine load(Path spec, Path cfg) {
        try {
            return Compiler.load(spec, cfg);
        } catch (CompileFailedException e) {
            throw new UserError(e.getMessage());
        }
    }
}
