package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.google.gson.JsonParseException;

import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.FewestSwitches;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.live.ActorDriver;
import io.finalspec.runtime.live.Actors;
import io.finalspec.runtime.live.LiveRuntime;
import io.finalspec.runtime.live.PctBound;
import io.finalspec.runtime.live.PctScheduler;
import io.finalspec.runtime.live.PctSearch;
import io.finalspec.runtime.live.RandomScheduler;
import io.finalspec.runtime.live.Scheduler;
import io.finalspec.runtime.live.TraceScheduler;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.runtime.value.TlaEvalException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finalspec run}: the model as a concurrent program, real threads performing spec actions. */
@Command(name = "run", mixinStandardHelpOptions = true,
    header = "Runs a model as a real concurrent program, one thread per actor.",
    description = {"Runs a model as a real concurrent program: one Java thread per actor (the first parameter of",
        "an action, e.g. each daemon thread; parameterless actions run on 'main'), each performing its spec actions",
        "through the live runtime. A scheduler decides which thread moves next:",
        "  pct     (default) priority-based, Burckhardt et al. 2010: explores first, and prints the probability",
        "          per run it guarantees for the shortest counterexample and the runs that gives 95% confidence",
        "  trace   drives the threads along a trace: the explorer's shortest counterexample (--replay) or",
        "          --trace FILE.itf.json; the historical crash replayed by real threads, deterministically",
        "  random  a uniformly random thread at each step",
        "  free    no scheduler: the JVM interleaves the threads, which pause at random (--pause-us)",
        "Reports in how many runs an invariant broke and the first such behaviour, which is replayed in the",
        "machine and written as ITF. With --fewest-switches (or --max-switches K), --replay drives the threads along",
        "the counterexample with the fewest thread switches (or the shortest with at most K), and a run broken under",
        "another scheduler is followed by those counterexamples and both figures (steps, switches).",
        "Exit 0 when no run broke an invariant, 1 otherwise."})
final class RunCommand implements Callable<Integer> {

    /** How the runs are scheduled. */
    enum Mode { PCT, TRACE, RANDOM, FREE }

    /** Runs when --runs is not given and PCT has no bound to size them by, or for random and free runs. */
    static final int DEFAULT_RUNS = 20;

    /** PCT runs at most, when the runs for 95% confidence are not given with --runs. */
    static final long MAX_PCT_RUNS = 100_000;

    /** (state, priority order) pairs the search for PCT's easiest counterexample looks at, at most. */
    static final int MAX_SEARCH_NODES = 2_000_000;

    /** Per-run lines are printed up to this many runs. */
    static final int RUNS_SHOWN = 20;

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

    @Option(names = "--scheduler", paramLabel = "S", description = "pct, trace, random or free (default: pct; trace with --replay or --trace).")
    private String scheduler;

    @Option(names = "--replay", description = "Drive the threads along the explorer's shortest counterexample (--scheduler trace).")
    private boolean replay;

    @Option(names = "--trace", paramLabel = "FILE.itf.json", description = "Drive the threads along this ITF trace (--scheduler trace).")
    private Path traceFile;

    @Option(names = "--runs", paramLabel = "N", description = "Runs (default: pct: the runs its bound needs for 95%% confidence, at most "
        + MAX_PCT_RUNS + "; trace: 1; otherwise " + DEFAULT_RUNS + ").")
    private Long runs;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200", description = "Steps per run at most (default: ${DEFAULT-VALUE}).")
    private int steps;

    @Option(names = "--depth", paramLabel = "D", description = "PCT: bug depth d, d-1 priority change points (default: from the counterexample, else 3).")
    private Integer depth;

    @Option(names = "--window", paramLabel = "K", description = "PCT: change points fall in the first K steps (default: the counterexample's length, else --steps).")
    private Integer window;

    @Option(names = "--pause-us", paramLabel = "US", defaultValue = "200", description = "free: longest random pause of a thread between steps, in microseconds (default: ${DEFAULT-VALUE}).")
    private long pauseMicros;

    @Option(names = "--seed", paramLabel = "X", defaultValue = "1", description = "Seeds run i with X+i: schedule, threads' choices (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the first broken run goes, under DIR/traces (default: target/finalspec).")
    private Path out;

    @Mixin
    private SwitchOptions switches;

    @Mixin
    private MachineCacheOption cacheOption;

    /** What the runs share: where they start, how each is scheduled, how many, what a broken run must show. */
    private record Plan(State init, IntFunction<Scheduler> scheduler, long runs, Trace expected) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Mode mode = mode();
        switches.checkUsage();
        if (traceFile != null && switches.requested()) {
            throw new UserError("--fewest-switches and --max-switches choose the trace --replay follows; with --trace the file does",
                ExitCode.USAGE);
        }
        if ((runs != null && runs < 1) || steps < 1 || pauseMicros < 0 || (depth != null && depth < 1) || (window != null && window < 1)) {
            throw new UserError("--runs, --steps, --depth and --window must be positive, --pause-us non-negative", ExitCode.USAGE);
        }
        Path[] files = specAndConfig();
        Machine machine = SpecArgs.load(files[0], files[1], cacheOption, spec.commandLine().getErr()).machine();
        PrintWriter stdout = spec.commandLine().getOut();
        List<State> inits = new ArrayList<>();
        machine.initStates(inits::add);
        if (inits.isEmpty()) {
            throw new UserError(files[0] + ": the model has no initial state");
        }
        stdout.printf("%s with %s: threads %s%n", files[0].getFileName(), files[1].getFileName(),
            String.join(", ", Actors.discover(machine, inits.get(0)).names()));
        Plan plan = switch (mode) {
            case PCT -> pctPlan(machine, inits.get(0), stdout);
            case TRACE -> tracePlan(machine, inits.get(0), stdout);
            case RANDOM -> new Plan(inits.get(0), i -> new RandomScheduler(seed + i), runs == null ? DEFAULT_RUNS : runs, null);
            case FREE -> new Plan(inits.get(0), null, runs == null ? DEFAULT_RUNS : runs, null);
        };
        stdout.flush();
        if (plan == null) {
            return ExitCode.OK.code();
        }
        return runAll(machine, inits, plan, files, stdout);
    }

    private Mode mode() {
        Mode m = scheduler == null ? (replay || traceFile != null ? Mode.TRACE : Mode.PCT) : switch (scheduler) {
            case "pct" -> Mode.PCT;
            case "trace" -> Mode.TRACE;
            case "random" -> Mode.RANDOM;
            case "free" -> Mode.FREE;
            default -> throw new UserError("--scheduler must be pct, trace, random or free, not " + scheduler, ExitCode.USAGE);
        };
        if ((replay || traceFile != null) && m != Mode.TRACE) {
            throw new UserError("--replay and --trace drive the trace scheduler, not " + scheduler, ExitCode.USAGE);
        }
        if (replay && traceFile != null) {
            throw new UserError("--replay replays the explorer's counterexample, --trace a file: give one", ExitCode.USAGE);
        }
        return m;
    }

    /** The explorer's shortest counterexample to an invariant, printed in one line, or null. */
    private static Trace explore(Machine machine, PrintWriter stdout) {
        ExploreResult r = new BfsExplorer(machine).run();
        if (r.outcome().kind() != Outcome.Kind.INVARIANT || r.trace() == null) {
            stdout.printf("explore: %s (%,d distinct states): no run can break an invariant%n", r.outcome(), r.distinct());
            return null;
        }
        stdout.printf("explore: invariant %s violated after %d steps (shortest counterexample; %,d distinct states, %.1f s)%n",
            r.outcome().name(), r.trace().size() - 1, r.distinct(), r.seconds());
        return r.trace();
    }

    private Plan pctPlan(Machine machine, State firstInit, PrintWriter stdout) {
        Trace shortest = explore(machine, stdout);
        State init = shortest == null ? firstInit : shortest.state(0);
        Actors actors = Actors.discover(machine, init);
        Trace ce = shortest == null ? null
            : PctSearch.easiestCounterexample(machine, actors, init, MAX_SEARCH_NODES).orElse(shortest);
        int k = window != null ? window : ce == null ? steps : Math.max(1, ce.size() - 1);
        Optional<PctBound> bound = ce == null ? Optional.empty() : PctBound.of(machine, actors, ce, k);
        int d = depth != null ? depth : bound.map(PctBound::depth).orElse(3);
        long n = runs != null ? runs : bound.map(b -> Math.min(MAX_PCT_RUNS, b.runsFor(0.95))).orElse((long) DEFAULT_RUNS);
        if (ce != null && ce != shortest) {
            stdout.printf("pct: the counterexample with the fewest priority changes has %d steps%n", ce.size() - 1);
        }
        if (bound.isPresent() && depth == null) {
            PctBound b = bound.get();
            stdout.printf("scheduler pct: %s; 95%% confidence within %,d runs%n", b.describe(), b.runsFor(0.95));
        } else {
            stdout.printf("scheduler pct: depth d = %d, change points in the first %d steps%s%n", d, k,
                ce == null ? "" : bound.isEmpty() ? " (no bound: the counterexample needs more change points than that)"
                    : " (the bound is for d = " + bound.get().depth() + ")");
        }
        if (ce != null) {
            stdout.println("runs start in the counterexample's initial state");
        }
        return new Plan(init, i -> new PctScheduler(seed + i, d, k), n, null);
    }

    private Plan tracePlan(Machine machine, State firstInit, PrintWriter stdout) throws IOException {
        Trace t;
        if (traceFile != null) {
            t = readTrace(machine);
            stdout.printf("scheduler trace: %s (%d steps)%n", traceFile.getFileName(), t.size() - 1);
        } else {
            Trace shortest = explore(machine, stdout);
            if (shortest == null) {
                return null;
            }
            if (switches.requested()) {
                t = fewestSwitches(machine, shortest, stdout);
                if (t == null) {
                    return null;
                }
            } else {
                t = shortest;
                stdout.printf("scheduler trace: the explorer's counterexample (%d steps)%n", t.size() - 1);
            }
        }
        if (t.size() == 0) {
            throw new UserError(traceFile + ": the trace has no state");
        }
        return new Plan(t.state(0), i -> new TraceScheduler(t), runs == null ? 1 : runs, t);
    }

    /**
     * {@code --replay --fewest-switches} (or {@code --max-switches K}): the threads follow the
     * counterexample with the fewest thread switches (or the shortest with at most K) instead of
     * the explorer's shortest one; null when a bound of K switches leaves none (a context-bounded
     * search found no violation, so there is nothing to replay).
     */
    private Trace fewestSwitches(Machine machine, Trace shortest, PrintWriter stdout) {
        Path[] files = specAndConfig();
        Function<ActionLabel, String> actors = SwitchOptions.actors(files[0], manifestFile);
        stdout.printf("the explorer's counterexample: %d steps, %s%n", shortest.size() - 1,
            SwitchOptions.switches(FewestSwitches.switches(shortest, actors)));
        Optional<FewestSwitches.Result> r = switches.preferred(machine, actors);
        if (r.isEmpty()) {
            stdout.printf("no counterexample with at most %s: nothing to replay%n", SwitchOptions.switches(switches.maxSwitches));
            return null;
        }
        FewestSwitches.Result f = r.get();
        stdout.printf("scheduler trace: the counterexample with %s (%d steps, %s; %s)%n",
            switches.maxSwitches != null ? "at most " + SwitchOptions.switches(switches.maxSwitches) : "the fewest switches",
            f.steps(), SwitchOptions.switches(f.switches()), f.violation());
        return f.trace();
    }

    private Trace readTrace(Machine machine) throws IOException {
        if (!Files.isRegularFile(traceFile)) {
            throw new UserError(traceFile + ": trace not found");
        }
        try {
            return Itf.read(Files.readAllBytes(traceFile), machine.names()).toTrace(machine);
        } catch (ItfException e) {
            // ITF is user input: a malformed file is reported where it is malformed.
            throw new UserError(e.format(traceFile.toString()));
        }
    }

    private int runAll(Machine machine, List<State> inits, Plan plan, Path[] files, PrintWriter stdout)
            throws IOException, InterruptedException {
        long broken = 0;
        long firstBroken = 0;
        ActorDriver.Run first = null;
        boolean diverged = false;
        Actors actors = plan.scheduler() == null ? null : Actors.discover(machine, plan.init());
        for (long i = 0; i < plan.runs(); i++) {
            ActorDriver driver = new ActorDriver(machine, new ActorDriver.Options(steps, Duration.ofNanos(pauseMicros * 1000), seed + i), actors);
            State init = plan.scheduler() == null ? inits.get((int) (i % inits.size())) : plan.init();
            ActorDriver.Run run = plan.scheduler() == null ? driver.run(init) : driver.run(init, plan.scheduler().apply((int) i));
            if (plan.runs() <= RUNS_SHOWN) {
                stdout.printf("run %2d: %3d steps, %s%n", i + 1, run.trace().size() - 1, ending(run, plan));
            }
            diverged |= run.ending() == ActorDriver.Ending.SCHEDULE_END && run.trace().size() < plan.expected().size();
            if (run.ending() == ActorDriver.Ending.VIOLATION) {
                broken++;
                if (first == null) {
                    first = run;
                    firstBroken = i + 1;
                }
            }
        }
        stdout.printf("%,d of %,d runs broke an invariant%s%n", broken, plan.runs(),
            broken > 0 && plan.runs() > RUNS_SHOWN ? " (first: run " + firstBroken + ")" : "");
        if (first != null) {
            Path file = report(first, machine, files[1], stdout);
            if (switches.requested() && plan.expected() == null) {
                // A run found by a scheduler: how far its interleaving is from the simplest one.
                switches.run(machine, files[0], files[1], first.violations().get(0).trace(), file,
                    SwitchOptions.actors(files[0], manifestFile), stdout);
            }
        }
        if (diverged) {
            stdout.println("the trace is not a behaviour of the spec: the threads could not follow it");
        }
        return broken == 0 && !diverged ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    private static String ending(ActorDriver.Run run, Plan plan) {
        return switch (run.ending()) {
            case VIOLATION -> "invariant " + run.violations().get(0).invariant() + " broken"
                + (plan.expected() == null ? "" : run.violations().get(0).step() == plan.expected().size() - 1
                    ? " at the trace's last step" : " at step " + run.violations().get(0).step() + " of the trace");
            case FINISHED -> "no thread can move";
            case STEP_LIMIT -> "step limit";
            case TIME_LIMIT -> "time limit";
            case SCHEDULE_END -> run.detail();
        };
    }

    private Path report(ActorDriver.Run run, Machine machine, Path cfg, PrintWriter stdout) throws IOException {
        LiveRuntime.Violation v = run.violations().get(0);
        TraceReplayer.Report replay = new TraceReplayer(machine).replay(v.trace());
        stdout.printf("first broken run (%s after %d steps; %s):%n", v.invariant(), v.step(),
            replay.ok() ? "replays as a behaviour of the spec" : "DOES NOT REPLAY: " + replay);
        stdout.print(TraceDiff.format(v.trace()));
        Path dir = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        Files.createDirectories(dir);
        Path file = dir.resolve(OutputFiles.traceName(Path.of(machine.specName() + ".tla"), cfg, "run"));
        Files.writeString(file, Itf.write(v.trace(), machine.specName()) + System.lineSeparator());
        stdout.println("trace: " + file);
        return file;
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
}
