package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestException;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.runtime.explore.FewestSwitches;
import io.finalspec.runtime.explore.liveness.LivenessChecker;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.toolkit.conform.Mismatch;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.conform.TraceConformance;
import io.finalspec.toolkit.swimlane.LaneRules;
import io.finalspec.toolkit.swimlane.LaneTrace;
import picocli.CommandLine.Option;

/**
 * {@code --fewest-switches} and {@code --max-switches K}: after a command found a counterexample,
 * the ones with the fewest changes of acting thread ({@link FewestSwitches}), printed with their
 * steps and switches next to the command's own. The actor of an action is the one the spec's
 * {@code [[drawing]]} table of the manifest gives, else its first parameter, else {@code main}.
 */
final class SwitchOptions {

    @Option(names = "--fewest-switches", description = "On a violation, also find the counterexample with the fewest thread switches (and, among the shortest, the one with the fewest) and print both with their steps and switches.")
    boolean fewest;

    @Option(names = "--max-switches", paramLabel = "K", description = "On a violation, also find the shortest counterexample with at most K thread switches (a context-bounded search).")
    Integer maxSwitches;

    /** (state, thread) pairs a search may hold before it gives up: far above every default model. */
    static final long MAX_PAIRS = 5_000_000;

    boolean requested() {
        return fewest || maxSwitches != null;
    }

    void checkUsage() {
        if (maxSwitches != null && maxSwitches < 0) {
            throw new UserError("--max-switches must be 0 or more, not " + maxSwitches, ExitCode.USAGE);
        }
    }

    /**
     * The actors of {@code spec}'s actions, from the drawing table of {@code manifest} (null: the
     * default manifest, when there is one) for the spec when it has one.
     */
    static Function<ActionLabel, String> actors(Path spec, Path manifest) {
        Path file = manifest != null ? manifest : Home.defaultManifest();
        if (manifest == null && !Files.isRegularFile(file)) {
            return LaneRules.defaults()::actorOf;
        }
        try {
            return actors(ManifestParser.parse(file), spec);
        } catch (ManifestException e) {
            throw new UserError(e.getMessage());
        }
    }

    static Function<ActionLabel, String> actors(Manifest manifest, Path spec) {
        return manifest.drawing(spec).map(LaneRules::of).orElse(LaneRules.defaults())::actorOf;
    }

    /**
     * A trace file read into {@code machine}'s states, with each label completed from the machine
     * (TLC writes only action names; the actor may be a parameter).
     */
    static Trace machineTrace(Machine machine, Path itf) throws IOException {
        try {
            return LaneTrace.relabel(machine, Itf.read(Files.readAllBytes(itf), machine.names()).toTrace(machine));
        } catch (ItfException e) {
            throw new UserError(e.format(itf.toString()));
        }
    }

    /**
     * The trace a command should follow instead of its shortest one: with {@code --max-switches K}
     * the shortest with at most K switches, else with {@code --fewest-switches} the one with the
     * fewest switches; empty when none is requested or none exists.
     */
    Optional<FewestSwitches.Result> preferred(Machine machine, Function<ActionLabel, String> actors) {
        FewestSwitches search = new FewestSwitches(machine, actors, MAX_PAIRS);
        if (maxSwitches != null) {
            return search.search(FewestSwitches.Goal.SHORTEST, maxSwitches);
        }
        return fewest ? search.search(FewestSwitches.Goal.FEWEST_SWITCHES) : Optional.empty();
    }

    /**
     * A liveness counterexample: the explorer's lasso with the way into the state where its
     * violation begins replaced by the way there with the fewest switches. The rest (the part that
     * violates the property and the cycle) is the liveness checker's, so the lasso still violates
     * it; this is not a search over every lasso.
     */
    private void lasso(Machine machine, Function<ActionLabel, String> actors, Path traceFile, Path spec, PrintWriter out)
            throws IOException {
        LivenessChecker.Result live = new LivenessChecker(machine).run();
        if (live.lasso() == null) {
            out.println("fewest switches: the liveness check of the generated machine finds no lasso (" + live.outcome() + ")");
            return;
        }
        Trace lasso = live.lasso();
        int entry = live.entry();
        out.printf("the explorer's lasso: %d steps, %s, back to state %d; its violation begins at state %d%n", lasso.size() - 1,
            switches(FewestSwitches.switches(lasso, actors)), lasso.loop(), entry);
        Optional<FewestSwitches.Result> way = new FewestSwitches(machine, actors, MAX_PAIRS).pathTo(lasso.state(entry));
        if (way.isEmpty()) {
            out.println("fewest switches: state " + entry + " of the lasso is not reachable under the model's constraints");
            return;
        }
        List<Trace.Step> steps = new ArrayList<>(way.get().trace().steps());
        steps.addAll(lasso.steps().subList(entry + 1, lasso.size()));
        int shift = way.get().steps() - entry;
        Trace better = new Trace(lasso.variables(), steps, lasso.loop() + shift);
        TraceReplayer.Report replay = new TraceReplayer(machine).replay(better);
        out.printf("with the fewest switches into state %d: %d steps, %s, back to state %d (%s)%n", way.get().steps(),
            better.size() - 1, switches(FewestSwitches.switches(better, actors)), better.loop(),
            replay.ok() ? "replays as a behaviour of the spec, its back edge included" : "DOES NOT REPLAY: " + replay);
        out.print(TraceDiff.format(better));
        if (traceFile != null) {
            write(better, traceFile, spec, out);
        }
    }

    private static void write(Trace trace, Path traceFile, Path spec, PrintWriter out) throws IOException {
        Path file = traceFile.resolveSibling(traceFile.getFileName().toString().replaceFirst("\\.itf\\.json$", ".fewest.itf.json"));
        Files.writeString(file, Itf.write(trace, spec.getFileName().toString()) + System.lineSeparator());
        out.println("trace: " + file);
    }

    /** The machine found the trace; TLC, the reference semantics, must accept it as a behaviour too. */
    private static String confirmedByTlc(Machine machine, Path spec, Path config, Trace trace) throws IOException {
        try (TlcOracleAdapter oracle = TlcOracleAdapter.start(machine, spec, config)) {
            Mismatch m = new TraceConformance(machine).accepted(oracle, trace, 0);
            return m == null ? "TLC accepts it as a behaviour of the spec" : "TLC does NOT accept it: " + m.kind();
        }
    }

    static String switches(int n) {
        return n + (n == 1 ? " switch" : " switches");
    }

    /**
     * Runs the requested searches for {@code found} (the command's counterexample) and prints them;
     * the fewest-switch trace is written next to {@code traceFile} as {@code .fewest.itf.json}.
     */
    void run(Machine machine, Path spec, Path config, Trace found, Path traceFile, Function<ActionLabel, String> actors,
             PrintWriter out) throws IOException {
        out.printf("counterexample found: %d steps, %s%n", found.size() - 1, switches(FewestSwitches.switches(found, actors)));
        if (found.isLasso()) {
            lasso(machine, actors, traceFile, spec, out);
            return;
        }
        FewestSwitches search = new FewestSwitches(machine, actors, MAX_PAIRS);
        if (fewest) {
            search.search(FewestSwitches.Goal.SHORTEST).ifPresent(r ->
                out.printf("among the shortest, the fewest switches: %d steps, %s (%s)%n", r.steps(), switches(r.switches()), r.violation()));
            Optional<FewestSwitches.Result> best = search.search(FewestSwitches.Goal.FEWEST_SWITCHES);
            if (best.isPresent()) {
                FewestSwitches.Result r = best.get();
                out.printf("the fewest switches: %d steps, %s (%s)%n", r.steps(), switches(r.switches()), r.violation());
                out.print(TraceDiff.format(r.trace()));
                out.println(confirmedByTlc(machine, spec, config, r.trace()));
                if (traceFile != null) {
                    write(r.trace(), traceFile, spec, out);
                }
            } else {
                out.println("the fewest switches: no invariant violation or deadlock is reachable");
            }
        }
        if (maxSwitches != null) {
            Optional<FewestSwitches.Result> bounded = search.search(FewestSwitches.Goal.SHORTEST, maxSwitches);
            if (bounded.isPresent()) {
                FewestSwitches.Result r = bounded.get();
                out.printf("at most %s: %d steps, %s (%s)%n", switches(maxSwitches), r.steps(), switches(r.switches()), r.violation());
                out.print(TraceDiff.format(r.trace()));
            } else {
                out.printf("at most %s: no counterexample%n", switches(maxSwitches));
            }
        }
    }
}
