package io.finalspec.toolkit.oracle;

import java.io.BufferedReader;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import tlc2.tool.TLCState;
import util.ToolIO;

/**
 * The child JVM of {@link TlcOracle}: loads one spec into TLC and answers requests, one JSON
 * object per line on standard input, one JSON answer per line on standard output (the protocol is
 * in README.md). Everything TLC and SANY print goes to standard error, so standard output carries
 * nothing but answers.
 *
 * <p>Usage: {@code java -cp <toolkit class path> io.finalspec.toolkit.oracle.OracleServer
 * <spec.tla> <config.cfg>}. One spec per process: TLC keeps the loaded spec in static fields.
 */
public final class OracleServer {

    private final TlcModel model;
    private final OutputStream out;
    private final StringBuilder buf = new StringBuilder(1 << 12);

    private OracleServer(TlcModel model, OutputStream out) {
        this.model = model;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        PrintStream stderr = System.err;
        System.setOut(stderr);
        if (args.length != 2) {
            answer(out, "{\"ok\":false,\"error\":\"usage: OracleServer <spec.tla> <config.cfg>\"}");
            System.exit(2);
        }
        Path spec = Path.of(args[0]).toAbsolutePath().normalize();
        Path cfg = Path.of(args[1]).toAbsolutePath().normalize();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ToolIO.out = new PrintStream(new Tee(printed, stderr), true, StandardCharsets.UTF_8);
        ToolIO.err = ToolIO.out;
        TlcModel model;
        try {
            model = TlcModel.load(spec, cfg);
        } catch (Throwable t) {
            String message = new LoadErrors(spec, cfg).describe(t, printed.toString(StandardCharsets.UTF_8));
            answer(out, JsonText.string(new StringBuilder("{\"ok\":false,\"error\":"), message).append('}').toString());
            System.exit(1);
            return;
        } finally {
            ToolIO.out = stderr;
            ToolIO.err = stderr;
        }
        OracleServer server = new OracleServer(model, out);
        answer(out, server.hello());
        server.serve(new BufferedReader(new InputStreamReader(new FileInputStream(FileDescriptor.in),
            StandardCharsets.UTF_8), 1 << 16));
        System.exit(0); // TLC may leave non-daemon threads behind
    }

    private String hello() {
        StringBuilder b = new StringBuilder("{\"ok\":true,\"vars\":");
        JsonText.stringArray(b, model.varNames()).append(",\"actions\":");
        JsonText.stringArray(b, model.actionNames()).append(",\"labels\":[");
        for (int a = 0; a < model.actionCount(); a++) {
            b.append(a > 0 ? ",{" : "{").append(model.labelJson(a)).append('}');
        }
        b.append("],\"invariants\":");
        return JsonText.stringArray(b, model.invariantNames()).append('}').toString();
    }

    private void serve(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            buf.setLength(0);
            try {
                JsonObject req = JsonParser.parseString(line).getAsJsonObject();
                String op = req.has("op") ? req.get("op").getAsString() : "";
                switch (op) {
                    case "init" -> init(req.has("fps") && req.get("fps").getAsBoolean());
                    case "next" -> next(req.get("state"));
                    case "nextBatch" -> nextBatch(req.get("states"));
                    case "nextCompact" -> nextCompact(req.get("states"));
                    case "check" -> check(req.get("state"));
                    case "fp" -> fingerprint(req.get("state"));
                    case "explore" -> explore(req);
                    case "graph" -> graph(req);
                    case "quit" -> {
                        answer(out, "{\"ok\":true}");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown op \"" + op + "\"");
                }
            } catch (Exception | StackOverflowError | AssertionError e) {
                buf.setLength(0);
                buf.append(JsonText.error(describe(e)));
            }
            answer(out, buf.toString());
        }
    }

    /** With {@code fps}, also TLC's own fingerprints of the states, to check JSON round trips against. */
    private void init(boolean fps) {
        buf.append("{\"states\":[");
        List<TLCState> states = model.initStates();
        for (int i = 0; i < states.size(); i++) {
            if (i > 0) {
                buf.append(',');
            }
            model.writeState(states.get(i), buf);
        }
        buf.append(']');
        if (fps) {
            buf.append(",\"fps\":[");
            for (int i = 0; i < states.size(); i++) {
                buf.append(i > 0 ? ",\"" : "\"").append(Long.toHexString(states.get(i).fingerPrint())).append('"');
            }
            buf.append(']');
        }
        buf.append('}');
    }

    private void next(JsonElement state) {
        buf.append("{\"successors\":");
        successors(model.readState(state));
        buf.append('}');
    }

    private void nextBatch(JsonElement states) {
        if (states == null || !states.isJsonArray()) {
            throw new IllegalArgumentException("nextBatch takes \"states\": an array of states");
        }
        JsonArray all = states.getAsJsonArray();
        buf.append("{\"results\":[");
        for (int i = 0; i < all.size(); i++) {
            if (i > 0) {
                buf.append(',');
            }
            try {
                successors(model.readState(all.get(i)));
            } catch (RuntimeException | StackOverflowError e) {
                // One failing state fails the whole batch; say which one.
                throw new IllegalStateException("state " + i + " of the batch: " + describe(e), e);
            }
        }
        buf.append("]}");
    }

    /**
     * Like nextBatch, but each successor is {@code [labelIndex, {changed variables}]}: the index
     * into the labels announced at start, and only the variables that differ from the source
     * state. Most steps change one or two variables, so this cuts both encoding and decoding.
     */
    private void nextCompact(JsonElement states) {
        if (states == null || !states.isJsonArray()) {
            throw new IllegalArgumentException("nextCompact takes \"states\": an array of states");
        }
        JsonArray all = states.getAsJsonArray();
        buf.append("{\"results\":[");
        for (int i = 0; i < all.size(); i++) {
            buf.append(i > 0 ? ",[" : "[");
            try {
                TLCState source = model.readState(all.get(i));
                boolean first = true;
                for (TlcModel.Step step : model.successors(source)) {
                    buf.append(first ? "[" : ",[").append(step.action()).append(',');
                    model.writeDelta(source, step.state(), buf);
                    buf.append(']');
                    first = false;
                }
            } catch (RuntimeException | StackOverflowError e) {
                throw new IllegalStateException("state " + i + " of the batch: " + describe(e), e);
            }
            buf.append(']');
        }
        buf.append("]}");
    }

    private void successors(TLCState s) {
        buf.append('[');
        boolean first = true;
        for (TlcModel.Step step : model.successors(s)) {
            if (!first) {
                buf.append(',');
            }
            first = false;
            buf.append('{').append(model.labelJson(step.action())).append(",\"state\":");
            model.writeState(step.state(), buf);
            buf.append('}');
        }
        buf.append(']');
    }

    private void check(JsonElement state) {
        TLCState s = model.readState(state);
        buf.append("{\"violated\":");
        JsonText.stringArray(buf, model.violated(s)).append(",\"constraint\":").append(model.inModel(s)).append('}');
    }

    private void fingerprint(JsonElement state) {
        buf.append("{\"fp\":\"").append(Long.toHexString(model.readState(state).fingerPrint())).append("\"}");
    }

    /** Streams one line per distinct state, then the statistics; flushes every few thousand lines. */
    private void explore(JsonObject req) throws IOException {
        long limit = req.has("limit") ? req.get("limit").getAsLong() : 0;
        boolean invariants = req.has("invariants") && req.get("invariants").getAsBoolean();
        StringBuilder line = new StringBuilder(1 << 10);
        Explorer.Stats stats = new Explorer(model, invariants).run(limit, (s, depth, violated) -> {
            line.setLength(0);
            line.append("{\"state\":");
            model.writeState(s, line);
            line.append(",\"depth\":").append(depth);
            if (!violated.isEmpty()) {
                JsonText.stringArray(line.append(",\"violated\":"), violated);
            }
            line.append("}\n");
            try {
                out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        buf.append("{\"done\":true,\"distinct\":").append(stats.distinct()).append(",\"generated\":")
            .append(stats.generated()).append(",\"depth\":").append(stats.depth()).append(",\"complete\":")
            .append(stats.complete()).append('}');
    }

    /**
     * Compares TLC's whole state graph with the machine the request names, built in this JVM
     * ({@link GraphComparison}); streams progress and at most two mismatches (the initial states, the
     * first state whose successors differ), then the counts. A machine that cannot be built here is
     * answered with {@code "stage":"machine"}.
     */
    private void graph(JsonObject req) throws IOException {
        long start = System.nanoTime();
        io.finalspec.runtime.machine.Machine machine;
        try {
            MachineFactory factory = (MachineFactory) Class.forName(req.get("factory").getAsString()).getConstructor().newInstance();
            machine = factory.load(Path.of(req.get("spec").getAsString()), Path.of(req.get("config").getAsString()));
        } catch (Exception | LinkageError e) {
            JsonText.string(buf.append("{\"error\":"), describe(e)).append(",\"stage\":\"machine\"}");
            return;
        }
        StringBuilder line = new StringBuilder(1 << 10);
        GraphComparison.Stats stats = new GraphComparison(model, machine, req.has("threads") ? req.get("threads").getAsInt() : 1).run(new GraphComparison.Sink() {
            @Override
            public void progress(long states, long transitions) {
                line.setLength(0);
                line.append("{\"progress\":true,\"states\":").append(states).append(",\"transitions\":").append(transitions).append('}');
                send(line);
            }

            @Override
            public void initMismatch(List<TLCState> tlcInit) {
                line.setLength(0);
                line.append("{\"mismatch\":\"init\",\"tlc\":[");
                for (int i = 0; i < tlcInit.size(); i++) {
                    model.writeState(tlcInit.get(i), line.append(i > 0 ? "," : ""));
                }
                send(line.append("]}"));
            }

            @Override
            public void graphMismatch(TLCState state, List<TlcModel.Step> tlcSteps) {
                line.setLength(0);
                model.writeState(state, line.append("{\"mismatch\":\"graph\",\"state\":"));
                line.append(",\"tlc\":[");
                for (int i = 0; i < tlcSteps.size(); i++) {
                    JsonText.string(line.append(i > 0 ? ",{" : "{").append("\"action\":"), model.actionName(tlcSteps.get(i).action()));
                    model.writeState(tlcSteps.get(i).state(), line.append(",\"state\":"));
                    line.append('}');
                }
                send(line.append("]}"));
            }

            private void send(StringBuilder json) {
                try {
                    answer(out, json.toString());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        buf.append("{\"done\":true,\"states\":").append(stats.states()).append(",\"transitions\":").append(stats.transitions())
            .append(",\"seconds\":").append((System.nanoTime() - start) / 1e9).append('}');
    }

    /** TLC's evaluation errors carry their position in the message; keep it whole, on one line. */
    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Encodes in one go: {@code String.getBytes} copies ASCII text, where a {@code Writer} encodes per chunk. */
    private static void answer(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }

    /** Copies SANY's output both to a buffer (for positioning load errors) and to standard error. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
