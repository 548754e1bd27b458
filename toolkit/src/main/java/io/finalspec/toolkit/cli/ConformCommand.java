package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.finalspec.distributed.DistributedGraph;
import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.machine.ForwardingMachine;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.toolkit.conform.GraphStepConformance;
import io.finalspec.toolkit.conform.Mismatch;
import io.finalspec.toolkit.conform.MismatchReport;
import io.finalspec.toolkit.conform.StepConformance;
import io.finalspec.toolkit.conform.TlcOracleAdapter;
import io.finalspec.toolkit.conform.ToolGraphConformance;
import io.finalspec.toolkit.conform.TraceConformance;
import io.finalspec.toolkit.oracle.OracleException;
import io.finalspec.toolkit.tlc.Children;
import io.finalspec.toolkit.tlc.TlcGraphDump;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;
import io.finalspec.toolkit.tlc.TlcSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec conform}: checks that the generated machine behaves exactly as TLC says the spec does. */
@Command(name = "conform", mixinStandardHelpOptions = true,
    header = "Checks a spec's generated machine against TLC as the oracle.",
    description = {"Compiles a spec and model in memory and checks the generated machine against TLC:",
        "step conformance (graph mode: for every state of TLC's whole state graph, searched in TLC's JVM where the",
        "machine is built too, or dumped by one TLC run with --dump/--distributed, the machine's successors equal",
        "TLC's as multisets of (action, state); walk mode: TLC as an oracle,",
        "breadth-first then seeded random walks, labels with their parameters), then trace conformance (TLC's",
        "simulated behaviours and TLC's counterexample, if the model has one, replay in the machine; the machine's",
        "behaviours, written as ITF and read back, are accepted by TLC; --traces 0 skips it).",
        "With --distributed the graph is compared on Hazelcast members, each state by the member that owns its",
        "fingerprint; the first mismatch reported is the single machine's.",
        "Exit 0 when nothing differs, 1 on a mismatch."})
final class ConformCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private MachineCacheOption cacheOption;

    @Mixin
    private SpecArgs args;

    /** How steps are compared; {@code auto} picks {@code graph} when the machine exhausts the model within --states. */
    enum Mode { auto, graph, walk, traces }

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "auto", description = {
        "graph: every transition of TLC's whole state graph against the machine's (compared in TLC's JVM;",
        "from TLC's -dump with --dump or --distributed);",
        "walk: TLC as an oracle, breadth-first then seeded random walks (for models too big to exhaust);",
        "traces: only TLC's -simulate behaviours, TLC's counterexample and the machine's traces;",
        "auto (default): graph when the machine's reachable space has at most --states states, else walk."})
    private Mode mode;

    @Option(names = "--states", paramLabel = "N", defaultValue = "1000000", description = "Compare at most N distinct states (default: ${DEFAULT-VALUE}).")
    private long states;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60", description = "Stop the walks after S seconds (default: ${DEFAULT-VALUE}; 0: no limit).")
    private double seconds;

    @Option(names = "--seed", paramLabel = "X", description = "Seed of the walks and simulations (default: random, printed).")
    private Long seed;

    @Option(names = "--traces", paramLabel = "K", defaultValue = "20", description = "TLC simulations replayed and machine walks validated (default: ${DEFAULT-VALUE}).")
    private int traces;

    @Option(names = "--depth", paramLabel = "D", defaultValue = "100", description = "Maximum length of a walk or simulated behaviour (default: ${DEFAULT-VALUE}).")
    private int depth;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
    private Path json;

    @Option(names = "--dump", paramLabel = "FILE", description = {"Graph mode: compare with this labelled state graph, written by",
        "TLC with -dump dot,actionlabels FILE (on another machine, say), instead of running TLC to write one."})
    private Path dump;

    @Mixin
    private DistributedOptions distributed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where a mismatch's behaviour goes, under DIR/traces (default: target/finalspec).")
    private Path out;

    /** Where graph mode took TLC's graph from: its Tool API in TLC's JVM, or its dump. */
    enum GraphSource { tool, dump }

    /** What the step part compared, whichever mode ran it; {@code source} only in graph mode. */
    private record Steps(Mode mode, GraphSource source, long states, long transitions, double seconds, boolean exhausted,
                         List<Mismatch> mismatches) {
        static final Steps NONE = new Steps(Mode.traces, null, 0, 0, 0, false, List.of());

        double statesPerSecond() {
            return seconds <= 0 ? 0 : states / seconds;
        }

        double transitionsPerSecond() {
            return seconds <= 0 ? 0 : transitions / seconds;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (states < 1 || traces < 0 || depth < 2 || seconds < 0) {
            throw new UserError("--states must be positive, --traces non-negative, --depth at least 2, --seconds non-negative", ExitCode.USAGE);
        }
        checkUsage();
        OutputFiles.checkWritable("--json", json);
        long theSeed = seed != null ? seed : new java.util.Random().nextLong();
        PrintWriter stdout = spec.commandLine().getOut();
        Machine machine = args.load(cacheOption, spec.commandLine().getErr()).machine();
        failOnInitialError(machine);
        long start = System.nanoTime();
        List<Mismatch> mismatches = new ArrayList<>();
        Steps steps;
        int traceCount = 0;
        int unreadable = 0;
        try (LazyOracle oracle = new LazyOracle(machine)) {
            // --dump and --distributed compare a graph: auto is graph, without a search of the machine's space first
            boolean graphOnly = dump != null || distributed.requested();
            long reachable = mode == Mode.auto && !graphOnly ? reachable(machine) : -1;
            Mode chosen = mode == Mode.auto ? (reachable >= 0 || graphOnly ? Mode.graph : Mode.walk) : mode;
            steps = switch (chosen) {
                case graph -> graph(machine, theSeed, oracle, stdout, reachable >= 0 && reachable <= QUICK_START_STATES);
                case walk -> walk(machine, theSeed, oracle);
                default -> Steps.NONE;
            };
            mismatches.addAll(steps.mismatches());
            if (mismatches.isEmpty() && (traces > 0 || chosen == Mode.traces)) {
                int k = Math.max(1, traces);
                TraceConformance tc = new TraceConformance(machine);
                for (String module : new TlcSimulator(new TlcOptions(1, "2g", 600)).simulate(args.spec(), args.config(), k, depth, theSeed)) {
                    try {
                        addIfPresent(mismatches, tc.replayTlcTraceModule(module, theSeed));
                        traceCount++;
                    } catch (TlaEvalException e) {
                        // TLC prints functions it has not evaluated as lambdas; such a behaviour cannot be read back.
                        unreadable++;
                    }
                }
                addIfPresent(mismatches, tc.machineTracesAccepted(oracle.get(), theSeed, k, depth));
                traceCount += k;
                traceCount += replayCounterexample(tc, theSeed, mismatches);
            }
        } catch (OracleException e) {
            throw new UserError(e.getMessage());
        } catch (IOException e) {
            throw new UserError("TLC failed on " + args.spec().getFileName() + ": " + e.getMessage());
        }
        double secs = (System.nanoTime() - start) / 1e9;
        stdout.printf("%s with %s, seed %d%n", args.spec().getFileName(), args.config().getFileName(), theSeed);
        stdout.printf("%,d states checked against TLC (%,d transitions) in %.1f s: %,.0f states/s, %,.0f transitions/s, mode %s%s%s%n",
            steps.states(), steps.transitions(), steps.seconds(), steps.statesPerSecond(), steps.transitionsPerSecond(),
            steps.mode(), steps.exhausted() ? " (reachable space covered)" : "",
            steps.source() == null ? "" : steps.source() == GraphSource.tool ? ", TLC's graph from its Tool API" : ", TLC's graph from its dump");
        stdout.printf("%d traces checked%s; %d mismatch%s%n", traceCount,
            unreadable == 0 ? "" : " (" + unreadable + " TLC simulations skipped: TLC printed a value as an unevaluated lambda)",
            mismatches.size(), mismatches.size() == 1 ? "" : "es");
        for (Mismatch m : mismatches) {
            stdout.print(MismatchReport.format(m, machine));
            stdout.println("behaviour: " + writeTrace(m, machine));
        }
        if (json != null) {
            writeJson(steps, traceCount, secs, mismatches.size(), theSeed);
        }
        return mismatches.isEmpty() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /**
     * Graphs of at most this many states are dumped by a TLC JVM tuned for start-up (serial GC,
     * first JIT tier only): TLC explores them in well under a second, and its start-up is most of
     * the run.
     */
    static final long QUICK_START_STATES = 5_000;

    /** The machine's reachable states (constraints honoured) when there are at most --states of them, else -1. */
    private long reachable(Machine machine) {
        ExploreResult r = new BfsExplorer(ForwardingMachine.withoutChecks(machine),
            BfsExplorer.Options.defaults().withMaxDistinct(states + 1)).run();
        return r.outcome().isOk() && r.queueLeft() == 0 && r.distinct() <= states ? r.distinct() : -1;
    }

    /**
     * Graph mode. On this machine TLC's JVM compares its whole graph with the machine built there
     * ({@link ToolGraphConformance}); with --distributed or --dump, or when TLC's JVM cannot build the
     * machine, TLC's labelled graph is dumped once (or --dump names one) and every state in it is
     * compared, here or over the members. Falls back to walk when TLC cannot finish its graph.
     */
    private Steps graph(Machine machine, long theSeed, LazyOracle oracle, PrintWriter stdout, boolean small)
            throws IOException, InterruptedException {
        if (!distributed.requested() && dump == null) {
            try {
                GraphStepConformance.Result r = new ToolGraphConformance(machine, theSeed).check(args.spec(), args.config(), small, n -> { });
                return new Steps(Mode.graph, GraphSource.tool, r.statesChecked(), r.transitionsCompared(), r.seconds(), true, r.mismatches());
            } catch (OracleException e) {
                switch (e.kind()) {
                    case MACHINE -> stdout.println("graph mode: TLC's JVM cannot build the machine (" + e.getMessage()
                        + "); comparing TLC's graph dump instead");
                    case EVAL -> {
                        stdout.println("graph mode: " + e.getMessage() + "; comparing by walks instead");
                        return walk(machine, theSeed, oracle);
                    }
                    default -> throw e;
                }
            }
        }
        return graphFromDump(machine, theSeed, oracle, stdout, small);
    }

    /** Graph mode from TLC's labelled graph dump, on this machine or over the members. */
    private Steps graphFromDump(Machine machine, long theSeed, LazyOracle oracle, PrintWriter stdout, boolean small)
            throws IOException, InterruptedException {
        GraphStepConformance graph = new GraphStepConformance(machine, theSeed);
        try {
            GraphStepConformance.Result r = distributed.requested()
                ? distributed.withMembers(machine, "conform", m -> {
                    stdout.printf("distributed: %d members (started in %.1f s)%n", m.members(), m.startSeconds());
                    OverMembers side = new OverMembers(graph, m);
                    GraphStepConformance.Result compared = compare(side, small, stdout);
                    overMembers = compared == null ? null : side.figures();
                    return compared;
                })
                : compare(new GraphSide<GraphStepConformance.Pass>() {
                    @Override
                    public GraphStepConformance.Pass stream(Reader in) throws Exception {
                        return graph.stream(in);
                    }

                    @Override
                    public GraphStepConformance.Result finish(GraphStepConformance.Pass pass, Path file, long distinct) throws Exception {
                        return graph.finish(pass, file, distinct);
                    }
                }, small, stdout);
            if (r == null) {
                return walk(machine, theSeed, oracle);
            }
            return new Steps(Mode.graph, GraphSource.dump, r.statesChecked(), r.transitionsCompared(), r.seconds(), true, r.mismatches());
        } catch (GraphStepConformance.UnreadableDump e) {
            stdout.println("graph mode: " + e.getMessage() + "; comparing by walks instead");
            return walk(machine, theSeed, oracle);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who compares TLC's graph as it is read, and how the comparison is judged once it is all read. */
    private interface GraphSide<P> {
        P stream(Reader in) throws Exception;

        GraphStepConformance.Result finish(P pass, Path file, long tlcDistinct) throws Exception;
    }

    /** A graph comparison over members: how many took part, their start-up, and what crossed between them. */
    private record OverMembersFigures(int members, double startSeconds, long bytesSent, long batchesSent) {
    }

    /** The figures of the graph comparison over members, once one has compared the whole graph; else null. */
    private OverMembersFigures overMembers;

    /** The graph sent to the members as it is read, each state to the member that owns its fingerprint. */
    private static final class OverMembers implements GraphSide<DistributedGraph.Tally> {
        private final GraphStepConformance graph;
        private final DistributedOptions.Started members;
        private final long start = System.nanoTime();
        private DistributedGraph.Tally tally;

        OverMembers(GraphStepConformance graph, DistributedOptions.Started members) {
            this.graph = graph;
            this.members = members;
        }

        @Override
        public DistributedGraph.Tally stream(Reader in) throws IOException {
            try (DistributedGraph g = new DistributedGraph(members.hz(), members.members(), JOIN_MILLIS, BATCH_BYTES)) {
                return GraphStepConformance.overMembers(in, g);
            }
        }

        @Override
        public GraphStepConformance.Result finish(DistributedGraph.Tally t, Path file, long tlcDistinct) throws Exception {
            tally = t;
            return graph.finish(t, file, tlcDistinct, start);
        }

        OverMembersFigures figures() {
            return new OverMembersFigures(tally.members(), members.startSeconds(), tally.bytesSent(), tally.batchesSent());
        }
    }

    /** How long a distributed run waits for its members to join, and the bytes of a batch sent to one. */
    private static final long JOIN_MILLIS = 60_000;
    private static final int BATCH_BYTES = 1 << 16;

    /** TLC's graph compared by {@code side}: from --dump, or as TLC writes it; null when TLC did not finish it. */
    private <P> GraphStepConformance.Result compare(GraphSide<P> side, boolean small, PrintWriter stdout) throws Exception {
        if (dump != null) {
            P pass;
            try (Reader in = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
                pass = side.stream(in);
            }
            return side.finish(pass, dump, -1);
        }
        Path dir = Children.ofThisJvm().tempFolder("finalspec-graph");
        try {
            // The machine compares states on one core while TLC writes its graph on the other.
            TlcGraphDump.Streamed<P> run = new TlcGraphDump(new TlcOptions(1, "2g", 600, small))
                .dumpWhileReading(args.spec(), args.config(), dir, side::stream);
            TlcGraphDump.Dump tlc = run.dump();
            if (!tlc.complete()) {
                stdout.println("graph mode: TLC did not finish its graph (exit " + tlc.exitCode() + "); comparing by walks instead. TLC said:");
                stdout.println(tlc.outputTail().strip());
                return null;
            }
            return side.finish(run.result(), tlc.file(), tlc.distinct());
        } finally {
            Children.ofThisJvm().delete(dir);
        }
    }

    /** Option combinations that compare nothing: exit 2. */
    private void checkUsage() {
        picocli.CommandLine cli = spec.commandLine();
        distributed.checkUsage(cli);
        if (distributed.requested() && (mode == Mode.walk || mode == Mode.traces)) {
            throw new picocli.CommandLine.ParameterException(cli, "--distributed compares TLC's whole graph: it takes --mode graph"
                + " (or auto), not --mode " + mode);
        }
        if (dump != null && (mode == Mode.walk || mode == Mode.traces)) {
            throw new picocli.CommandLine.ParameterException(cli, "--dump is a graph to compare: it takes --mode graph (or auto), not --mode " + mode);
        }
        if (dump != null && !Files.isRegularFile(dump)) {
            throw new UserError(dump + ": no such graph dump");
        }
    }

    private Steps walk(Machine machine, long theSeed, LazyOracle oracle) throws IOException {
        StepConformance.Result r = new StepConformance(machine, oracle.get(), new StepConformance.Options(theSeed, states, seconds, depth, 64)).run();
        return new Steps(Mode.walk, null, r.statesChecked(), r.transitionsCompared(), r.seconds(), r.exhausted(), r.mismatches());
    }

    /** The oracle's TLC JVM, started only when a part of the run needs it. */
    private final class LazyOracle implements AutoCloseable {
        private final Machine machine;
        private TlcOracleAdapter oracle;

        LazyOracle(Machine machine) {
            this.machine = machine;
        }

        TlcOracleAdapter get() throws IOException {
            if (oracle == null) {
                oracle = TlcOracleAdapter.start(machine, args.spec(), args.config());
            }
            return oracle;
        }

        @Override
        public void close() {
            if (oracle != null) {
                oracle.close();
            }
        }
    }

    /** Runs TLC on the model; a counterexample it finds must replay in the machine. Returns the traces checked. */
    private int replayCounterexample(TraceConformance tc, long theSeed, List<Mismatch> mismatches) throws IOException, InterruptedException {
        TlcResult tlc = new TlcRunner(new TlcOptions(1, "2g", 600)).check(args.spec(), args.config(), p -> { });
        if (tlc.trace().isEmpty()) {
            return 0;
        }
        addIfPresent(mismatches, tc.replayCounterexample(tlc.trace(), theSeed));
        return 1;
    }

    private static void addIfPresent(List<Mismatch> list, Mismatch m) {
        if (m != null) {
            list.add(m);
        }
    }

    private Path writeTrace(Mismatch m, Machine machine) throws IOException {
        Path dir = (out == null ? Home.defaultOut() : out.toAbsolutePath()).resolve("traces");
        Files.createDirectories(dir);
        Path file = dir.resolve(OutputFiles.traceName(args.spec(), args.config(), "mismatch"));
        Files.writeString(file, Itf.write(m.path(), machine.specName(), io.finalspec.runtime.trace.ItfType.declaredIn(Files.readString(args.spec()), machine.variables())) + System.lineSeparator());
        return file;
    }

    private void writeJson(Steps steps, int tracesChecked, double secs, int mismatches, long theSeed) throws IOException {
        JsonObject o = new JsonObject();
        o.addProperty("spec", args.spec().toString());
        o.addProperty("config", args.config().toString());
        o.addProperty("mode", steps.mode().name());
        if (steps.source() != null) {
            o.addProperty("graph_source", steps.source().name());
        }
        o.addProperty("states_checked", steps.states());
        o.addProperty("transitions_checked", steps.transitions());
        o.addProperty("states_per_second", Math.round(steps.statesPerSecond()));
        o.addProperty("transitions_per_second", Math.round(steps.transitionsPerSecond()));
        o.addProperty("traces_checked", tracesChecked);
        o.addProperty("seconds", Math.round(secs * 1000) / 1000.0);
        o.addProperty("mismatches", mismatches);
        // A string: a 64-bit seed would be rounded by JSON readers that hold numbers as doubles.
        o.addProperty("seed", Long.toString(theSeed));
        if (overMembers != null) {
            JsonObject d = new JsonObject();
            d.addProperty("members", overMembers.members());
            d.addProperty("start_seconds", Math.round(overMembers.startSeconds() * 1000) / 1000.0);
            d.addProperty("bytes_sent", overMembers.bytesSent());
            d.addProperty("batches", overMembers.batchesSent());
            o.add("distributed", d);
        }
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(json)) {
            new GsonBuilder().setPrettyPrinting().create().toJson(o, w);
            w.write(System.lineSeparator());
        }
    }

    /**
     * TLC checks the ASSUMEs and evaluates Init before anything else and stops on an error there; so
     * does conform, as a failed check (exit 1) that names the error, not as a crash of finalspec.
     */
    private void failOnInitialError(Machine machine) {
        try {
            machine.initStates(s -> { });
        } catch (TlaEvalException e) {
            throw new UserError(args.spec().getFileName() + ": " + e.getMessage().strip()
                + " (TLC stops there too: there are no behaviours to compare)", ExitCode.FAILED);
        }
    }
}
