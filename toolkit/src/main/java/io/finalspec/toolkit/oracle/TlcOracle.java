package io.finalspec.toolkit.oracle;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.toolkit.tlc.ChildProcess;
import io.finalspec.toolkit.tlc.Children;

/**
 * TLC as an oracle: one spec loaded into TLC's Tool API in a child JVM ({@link OracleServer}),
 * asked for initial states, labelled successors, invariant verdicts and whole state graphs.
 * States are JSON objects mapping each variable to its value in ITF encoding (README.md).
 *
 * <p>A child JVM because TLC keeps the loaded spec in static fields: one spec per process, and
 * several oracles can run side by side. Requests are answered one at a time; every method blocks
 * until the answer arrives or the timeout passes, in which case the child is killed. Evaluation
 * errors come back as {@link OracleException} of kind {@code EVAL} and leave the oracle usable.
 */
public final class TlcOracle implements AutoCloseable {

    /** An action as TLC labels it: operator name and the values of its bound formal parameters. */
    public record Label(String action, List<Map.Entry<String, JsonElement>> params) {
    }

    /** One successor of a state: the label of the action that produced it and the new state. */
    public record Successor(String action, List<Map.Entry<String, JsonElement>> params, JsonObject state) {
        public Label label() {
            return new Label(action, params);
        }
    }

    /** The verdict on one state: invariants it violates, and whether it satisfies the CONSTRAINTs. */
    public record Check(List<String> violated, boolean constraint) {
    }

    /** One state reached by {@link #explore(long, boolean, Consumer)}, with its 1-based BFS depth. */
    public record Explored(JsonObject state, int depth, List<String> violated) {
    }

    /** TLC-style statistics of an exploration; {@code complete} is false if it stopped at the limit. */
    public record ExploreStats(long distinct, long generated, int depth, boolean complete) {
    }

    /** True between {@link #submitDeltas(List)} and {@link #receiveDeltas()}. */
    private boolean inFlight;

    private static final int STDERR_LINES = 40;

    private final Path spec;
    private final Process process;
    private final Path tmp;
    private final OutputStream requests;
    private final BufferedReader answers;
    private final long timeoutNanos;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrReader;
    private volatile long deadline; // System.nanoTime() by which the pending answer must arrive; 0 = idle
    private volatile boolean timedOut;
    private volatile boolean closed;
    private List<String> vars = List.of();
    private List<String> actions = List.of();
    private List<Label> labels = List.of();
    private List<String> invariants = List.of();

    private TlcOracle(Path spec, Process process, Path tmp, Duration timeout) {
        this.spec = spec;
        this.process = process;
        this.tmp = tmp;
        this.timeoutNanos = timeout.toNanos();
        this.requests = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8),
            1 << 16);
        this.stderrReader = new Thread(this::drainStderr, "tlc-oracle-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
        Thread watchdog = new Thread(this::watch, "tlc-oracle-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Starts an oracle whose answers may each take {@link ChildProcess#defaultTimeout()} (120 s unless set). */
    public static TlcOracle start(Path spec, Path cfg) throws IOException {
        return start(spec, cfg, ChildProcess.defaultTimeout());
    }

    /**
     * Starts a child JVM and loads {@code spec} with {@code cfg} into TLC.
     *
     * @param timeout how long to wait for any one answer (the load included)
     * @throws OracleException of kind {@code LOAD}, with a positioned message, if TLC cannot load the spec
     */
    public static TlcOracle start(Path spec, Path cfg, Duration timeout) throws IOException {
        return start(spec, cfg, timeout, MachineFactory.Compiled.class, false);
    }

    /**
     * {@link #start(Path, Path, Duration)} with {@code factory}'s classes also on the child's class
     * path, for {@link #compareGraph}; with {@code quickStart}, for a child that lives a few seconds,
     * the serial collector and only the first JIT tier, which spend less CPU on start-up.
     */
    public static TlcOracle start(Path spec, Path cfg, Duration timeout, Class<? extends MachineFactory> factory, boolean quickStart)
            throws IOException {
        Path specAbs = spec.toAbsolutePath().normalize();
        Path cfgAbs = cfg.toAbsolutePath().normalize();
        if (!Files.isRegularFile(specAbs)) {
            throw new OracleException(OracleException.Kind.LOAD, specAbs + ": spec not found");
        }
        if (!Files.isRegularFile(cfgAbs)) {
            throw new OracleException(OracleException.Kind.LOAD, cfgAbs + ": config not found");
        }
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-oracle");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(quickStart ? List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1") : List.of("-XX:+UseParallelGC"));
        cmd.addAll(List.of("-Xss16m", "-Djava.io.tmpdir=" + tmp, "-cp", childClassPath(factory),
            OracleServer.class.getName(), specAbs.toString(), cfgAbs.toString()));
        Process process;
        try {
            process = Children.ofThisJvm().start(new ProcessBuilder(cmd).directory(tmp.toFile()));
        } catch (IOException e) {
            Children.ofThisJvm().delete(tmp);
            throw e;
        }
        TlcOracle oracle = new TlcOracle(specAbs, process, tmp, timeout);
        try {
            oracle.hello(oracle.readAnswer());
        } catch (RuntimeException e) {
            oracle.close();
            throw e;
        }
        return oracle;
    }

    /**
     * The child needs our classes, TLC and Gson, and for {@link #compareGraph} the code generator
     * (with ANTLR, JavaPoet), the runtime and {@code factory}. Take them from where they were loaded
     * rather than from {@code java.class.path}, which under surefire or a launcher may be a
     * manifest-only jar.
     */
    private static String childClassPath(Class<? extends MachineFactory> factory) {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> c : List.of(OracleServer.class, tlc2.tool.impl.FastTool.class, com.google.gson.Gson.class,
                io.finalspec.codegen.Compiler.class, io.finalspec.runtime.machine.Machine.class,
                io.finalspec.distributed.PrintedStates.class, org.antlr.v4.runtime.Parser.class,
                com.palantir.javapoet.JavaFile.class, factory)) {
            try {
                entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot locate the classes of " + c.getName(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private void hello(JsonObject hello) {
        if (!hello.has("ok") || !hello.get("ok").getAsBoolean()) {
            String error = hello.has("error") ? hello.get("error").getAsString() : hello.toString();
            throw new OracleException(OracleException.Kind.LOAD, error);
        }
        vars = strings(hello.getAsJsonArray("vars"));
        actions = strings(hello.getAsJsonArray("actions"));
        invariants = strings(hello.getAsJsonArray("invariants"));
        List<Label> ls = new ArrayList<>();
        for (JsonElement l : hello.getAsJsonArray("labels")) {
            JsonObject o = l.getAsJsonObject();
            ls.add(new Label(o.get("action").getAsString(), params(o.getAsJsonArray("params"))));
        }
        labels = List.copyOf(ls);
    }

    /** The spec's variables in declaration order. */
    public List<String> vars() {
        return vars;
    }

    /** The distinct action names, in the order of TLC's actions. */
    public List<String> actions() {
        return actions;
    }

    /** Every action TLC split the next-state relation into, labelled, in TLC's order. */
    public List<Label> labels() {
        return labels;
    }

    /** The config's INVARIANTs, in order. */
    public List<String> invariants() {
        return invariants;
    }

    /** All initial states, in TLC's order. */
    public synchronized List<JsonObject> initStates() {
        JsonObject answer = request("{\"op\":\"init\"}");
        List<JsonObject> out = new ArrayList<>();
        for (JsonElement s : answer.getAsJsonArray("states")) {
            out.add(s.getAsJsonObject());
        }
        return out;
    }

    /** TLC's own fingerprints of the initial states, in the order of {@link #initStates()}. */
    public synchronized List<Long> initFingerprints() {
        JsonObject answer = request("{\"op\":\"init\",\"fps\":true}");
        List<Long> out = new ArrayList<>();
        for (JsonElement fp : answer.getAsJsonArray("fps")) {
            out.add(Long.parseUnsignedLong(fp.getAsString(), 16));
        }
        return out;
    }

    /** Every successor of {@code state}: action by action in TLC's order, states in TLC's order. */
    public synchronized List<Successor> successors(JsonObject state) {
        JsonObject answer = request(withState("next", state));
        return successorList(answer.getAsJsonArray("successors"));
    }

    /** {@link #successors(JsonObject)} for many states in one round trip. */
    public synchronized List<List<Successor>> successors(List<JsonObject> states) {
        StringBuilder req = new StringBuilder("{\"op\":\"nextBatch\",\"states\":[");
        for (int i = 0; i < states.size(); i++) {
            JsonText.element(req.append(i > 0 ? "," : ""), states.get(i));
        }
        JsonObject answer = request(req.append("]}").toString());
        List<List<Successor>> out = new ArrayList<>(states.size());
        for (JsonElement r : answer.getAsJsonArray("results")) {
            out.add(successorList(r.getAsJsonArray()));
        }
        return out;
    }

    /**
     * A successor in the compact protocol: the index of its label in {@link #labels()} and only the
     * variables that differ from the state it was computed from.
     */
    public record Delta(int label, JsonObject changed) {
    }

    /**
     * Sends a batch of states for their successors without waiting for the answer, so that TLC
     * computes while the caller works on the previous batch. At most one batch may be in flight;
     * {@link #receiveDeltas()} collects it.
     */
    public synchronized void submitDeltas(List<JsonObject> states) {
        if (inFlight) {
            throw new IllegalStateException("a batch is already in flight");
        }
        StringBuilder req = new StringBuilder("{\"op\":\"nextCompact\",\"states\":[");
        for (int i = 0; i < states.size(); i++) {
            JsonText.element(req.append(i > 0 ? "," : ""), states.get(i));
        }
        send(req.append("]}").toString());
        inFlight = true;
    }

    /** The answer to the last {@link #submitDeltas(List)}: per state, its successors as deltas, in TLC's order. */
    public synchronized List<List<Delta>> receiveDeltas() {
        if (!inFlight) {
            throw new IllegalStateException("no batch in flight");
        }
        inFlight = false;
        JsonObject answer = readAnswer();
        if (answer.has("error")) {
            throw new OracleException(OracleException.Kind.EVAL, answer.get("error").getAsString());
        }
        List<List<Delta>> out = new ArrayList<>();
        for (JsonElement r : answer.getAsJsonArray("results")) {
            JsonArray succ = r.getAsJsonArray();
            List<Delta> ds = new ArrayList<>(succ.size());
            for (JsonElement e : succ) {
                JsonArray pair = e.getAsJsonArray();
                ds.add(new Delta(pair.get(0).getAsInt(), pair.get(1).getAsJsonObject()));
            }
            out.add(ds);
        }
        return out;
    }

    public synchronized Check check(JsonObject state) {
        JsonObject answer = request(withState("check", state));
        return new Check(strings(answer.getAsJsonArray("violated")), answer.get("constraint").getAsBoolean());
    }

    /** The names of the invariants {@code state} violates, in config order. */
    public List<String> violated(JsonObject state) {
        return check(state).violated();
    }

    /** TLC's fingerprint of {@code state} (FP64 with polynomial 0, as {@code -fp 0}). */
    public synchronized long fingerprint(JsonObject state) {
        JsonObject answer = request(withState("fp", state));
        return Long.parseUnsignedLong(answer.get("fp").getAsString(), 16);
    }

    /** Explores breadth-first and hands over each distinct state; see {@link #explore(long, boolean, Consumer)}. */
    public ExploreStats explore(long limit, Consumer<JsonObject> state) {
        return explore(limit, false, e -> state.accept(e.state()));
    }

    /**
     * Explores the state graph breadth-first as TLC does (CONSTRAINTs and ACTION_CONSTRAINTs
     * honoured, states identified by TLC's fingerprint) and hands over every distinct state as
     * it is found.
     *
     * @param limit stop after this many distinct states; 0 for no limit
     * @param checkInvariants also evaluate the invariants on every state (slower)
     */
    public synchronized ExploreStats explore(long limit, boolean checkInvariants, Consumer<Explored> sink) {
        send("{\"op\":\"explore\",\"limit\":" + limit + ",\"invariants\":" + checkInvariants + "}");
        while (true) {
            JsonObject line = readAnswer();
            if (line.has("error")) {
                throw new OracleException(OracleException.Kind.EVAL, line.get("error").getAsString());
            }
            if (line.has("done")) {
                return new ExploreStats(line.get("distinct").getAsLong(), line.get("generated").getAsLong(),
                    line.get("depth").getAsInt(), line.get("complete").getAsBoolean());
            }
            List<String> violated = line.has("violated") ? strings(line.getAsJsonArray("violated")) : List.of();
            sink.accept(new Explored(line.getAsJsonObject("state"), line.get("depth").getAsInt(), violated));
        }
    }

    /** What the machine built in TLC's JVM and TLC disagree on first: the initial states, or one state's successors. */
    public record GraphMismatch(String kind, JsonObject state, List<Successor> tlc) {
    }

    /** A finished {@link #compareGraph}: TLC's distinct states, the transitions compared and what differs. */
    public record GraphResult(long states, long transitions, List<GraphMismatch> mismatches) {
    }

    /**
     * Compares TLC's whole state graph with a machine built in TLC's JVM by {@code factory} from
     * {@code machineSpec} and {@code machineConfig}, without printing a state: for every state of a
     * breadth-first search on TLC's Tool API (counted as TLC's model checker counts), the machine's
     * successors against TLC's as multisets of (action name, successor). The factory must be on the
     * child's class path ({@link #start(Path, Path, Duration, Class, boolean)}).
     *
     * @param progress called with the states compared so far, about once a second
     * @throws OracleException of kind {@code MACHINE} if the child cannot build the machine
     * @throws OracleException of kind {@code EVAL} if TLC or the machine fails to evaluate a state
     */
    public synchronized GraphResult compareGraph(Path machineSpec, Path machineConfig, Class<? extends MachineFactory> factory,
            int threads, java.util.function.LongConsumer progress) {
        StringBuilder req = new StringBuilder("{\"op\":\"graph\",\"spec\":");
        JsonText.string(req, machineSpec.toAbsolutePath().normalize().toString()).append(",\"config\":");
        JsonText.string(req, machineConfig.toAbsolutePath().normalize().toString()).append(",\"factory\":");
        JsonText.string(req, factory.getName()).append(",\"threads\":").append(threads);
        send(req.append('}').toString());
        List<GraphMismatch> mismatches = new ArrayList<>();
        while (true) {
            JsonObject line = readAnswer();
            if (line.has("error")) {
                String error = line.get("error").getAsString();
                throw new OracleException(line.has("stage") ? OracleException.Kind.MACHINE : OracleException.Kind.EVAL, error);
            }
            if (line.has("done")) {
                return new GraphResult(line.get("states").getAsLong(), line.get("transitions").getAsLong(), List.copyOf(mismatches));
            }
            if (line.has("progress")) {
                progress.accept(line.get("states").getAsLong());
            } else {
                mismatches.add(graphMismatch(line));
            }
        }
    }

    private static GraphMismatch graphMismatch(JsonObject line) {
        String kind = line.get("mismatch").getAsString();
        List<Successor> tlc = new ArrayList<>();
        for (JsonElement e : line.getAsJsonArray("tlc")) {
            JsonObject o = e.getAsJsonObject();
            tlc.add(kind.equals("init") ? new Successor("Init", List.of(), o)
                : new Successor(o.get("action").getAsString(), List.of(), o.getAsJsonObject("state")));
        }
        return new GraphMismatch(kind, line.has("state") ? line.getAsJsonObject("state") : null, List.copyOf(tlc));
    }

    /** Asks the child to quit, then makes sure it is gone and deletes its temporary folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                requests.write("{\"op\":\"quit\"}\n".getBytes(StandardCharsets.UTF_8));
                requests.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                ChildProcess.killTree(process);
            }
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            ChildProcess.killTree(process);
            Thread.currentThread().interrupt();
        }
        Children.ofThisJvm().release(process);
        try {
            Children.ofThisJvm().delete(tmp);
        } catch (IOException e) {
            // a leftover temporary folder is not worth failing over
        }
    }

    // ---- protocol ----------------------------------------------------------------------------

    private static String withState(String op, JsonObject state) {
        StringBuilder b = new StringBuilder(512).append("{\"op\":\"").append(op).append("\",\"state\":");
        return JsonText.element(b, state).append('}').toString();
    }

    private JsonObject request(String json) {
        if (inFlight) {
            throw new IllegalStateException("a compact batch is in flight; receive it first");
        }
        send(json);
        JsonObject answer = readAnswer();
        if (answer.has("error")) {
            throw new OracleException(OracleException.Kind.EVAL, answer.get("error").getAsString());
        }
        return answer;
    }

    private void send(String json) {
        if (closed) {
            throw new OracleException(OracleException.Kind.DIED, "the TLC oracle for " + spec + " is closed");
        }
        try {
            requests.write(json.getBytes(StandardCharsets.UTF_8)); // one copy for ASCII; a Writer encodes per chunk
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw died(e);
        }
    }

    private JsonObject readAnswer() {
        String line;
        deadline = System.nanoTime() + timeoutNanos;
        try {
            line = answers.readLine();
        } catch (IOException e) {
            throw died(e);
        } finally {
            deadline = 0;
        }
        if (line == null) {
            throw died(null);
        }
        try {
            return JsonParser.parseString(line).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new OracleException(OracleException.Kind.DIED, "the TLC oracle answered garbage: " + line, e);
        }
    }

    private OracleException died(Throwable cause) {
        closed = true;
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                ChildProcess.killTree(process);
            }
            stderrReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String why = timedOut
            ? "gave no answer within " + timeoutNanos / 1_000_000_000.0 + " s and was killed"
            : "exited" + (process.isAlive() ? "" : " with code " + process.exitValue());
        String tail;
        synchronized (stderrTail) {
            tail = String.join("\n", stderrTail);
        }
        OracleException e = new OracleException(OracleException.Kind.DIED,
            "the TLC oracle for " + spec + " " + why + (tail.isBlank() ? "" : "; its last output:\n" + tail), cause);
        try {
            Children.ofThisJvm().delete(tmp);
        } catch (IOException ignored) {
            // best effort
        }
        return e;
    }

    private void watch() {
        try {
            while (!closed && process.isAlive()) {
                long d = deadline;
                if (d != 0 && System.nanoTime() - d > 0) {
                    timedOut = true;
                    ChildProcess.killTree(process);
                    return;
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainStderr() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (stderrTail) {
                    if (stderrTail.size() == STDERR_LINES) {
                        stderrTail.removeFirst();
                    }
                    stderrTail.addLast(line);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    // ---- JSON helpers ------------------------------------------------------------------------

    private static List<Successor> successorList(JsonArray array) {
        List<Successor> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            JsonObject o = e.getAsJsonObject();
            out.add(new Successor(o.get("action").getAsString(), params(o.getAsJsonArray("params")),
                o.getAsJsonObject("state")));
        }
        return out;
    }

    private static List<Map.Entry<String, JsonElement>> params(JsonArray array) {
        if (array.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, JsonElement>> out = new ArrayList<>(array.size());
        for (JsonElement p : array) {
            JsonArray pair = p.getAsJsonArray();
            out.add(Map.entry(pair.get(0).getAsString(), pair.get(1)));
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>(array.size());
        for (JsonElement e : array) {
            out.add(e.getAsString());
        }
        return List.copyOf(out);
    }

}
