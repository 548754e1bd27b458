package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceReplayer;
import io.finalspec.toolkit.cli.UserError;
import io.finalspec.toolkit.report.Counterexamples;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;

/**
 * The scenarios of one mapping on one interpreter: seeded random schedules whose recorded traces
 * the spec must accept, and TLC's counterexample driven on the interpreter step by step.
 */
final class Scenarios {

    private final Interpreter python;
    private final Mapping mapping;
    private final ModelEntry model;
    private final Machine machine;
    private final PrintWriter out;
    private final Path outDir;

    Scenarios(Interpreter python, Mapping mapping, ModelEntry model, PrintWriter out, Path outDir) {
        this.python = python;
        this.mapping = mapping;
        this.model = model;
        this.out = out;
        this.outDir = outDir;
        try {
            this.machine = Compiler.load(model.spec(), model.config());
        } catch (CompileFailedException e) {
            throw new IllegalStateException("the model " + model.name() + " does not compile: " + e.getMessage(), e);
        }
        checkAgainstSpec();
    }

    /** The mapping must speak the spec's language: its actions exist, its variables are exactly the spec's. */
    private void checkAgainstSpec() {
        for (String a : mapping.actions()) {
            if (!machine.actionNames().contains(a)) {
                throw new UserError(mapping.file() + ": action " + a + " is not an action of " + mapping.spec()
                    + " (its actions: " + machine.actionNames() + ")");
            }
        }
        if (!new HashSet<>(mapping.variables()).equals(new HashSet<>(machine.variables()))) {
            throw new UserError(mapping.file() + ": the mapping's variables " + mapping.variables()
                + " are not the spec's " + machine.variables());
        }
    }

    /** The mapping's locations resolved in the interpreter's module; a missing one is an error naming the version. */
    List<String> locations() throws IOException, InterruptedException {
        JsonObject req = request("check");
        List<String> resolved = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        python.run(mapping.runner(), req, line -> {
            if (line.get("kind").getAsString().equals("locations")) {
                line.getAsJsonArray("errors").forEach(e -> errors.add(e.getAsString()));
                line.getAsJsonArray("resolved").forEach(e -> {
                    JsonObject o = e.getAsJsonObject();
                    resolved.add(o.get("name").getAsString() + " -> " + o.get("function").getAsString() + " line " + o.get("line").getAsInt());
                });
            }
        });
        if (!errors.isEmpty()) {
            throw new UserError(mapping.file() + ": " + String.join("; ", errors));
        }
        return resolved;
    }

    /** {@code runs} seeded random schedules; every recorded trace is validated in process. */
    Row random(int runs, long seed, Path tracesDir) throws IOException, InterruptedException {
        JsonObject req = request("random");
        req.addProperty("runs", runs);
        req.addProperty("seed", seed);
        int[] validated = {0};
        int[] total = {0};
        int[] stuck = {0};
        Map<String, Integer> violations = new TreeMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> firstBad = new ArrayList<>();
        Set<List<String>> interleavings = new HashSet<>();
        python.run(mapping.runner(), req, line -> {
            if (!line.get("kind").getAsString().equals("run")) {
                return;
            }
            total[0]++;
            JsonObject itf = line.getAsJsonObject("itf");
            interleavings.add(actions(itf));
            Validation v = Validation.of(machine, itf);
            if (v.ok()) {
                validated[0]++;
            } else if (firstBad.isEmpty()) {
                Path file = outDir.resolve("cpython").resolve(model.name() + "-not-allowed.itf.json");
                save(itf, file);
                firstBad.add("run " + line.get("index").getAsInt() + " (seed " + line.get("seed").getAsLong() + ", trace " + file
                    + "): " + v.report());
            }
            if (v.violated() != null) {
                violations.merge(v.violated(), 1, Integer::sum);
            }
            // A runner says what the interpreter did in one line of its own, or per joiner.
            outcomes.merge(line.has("summary") ? line.get("summary").getAsString() : outcome(line.getAsJsonObject("outcome")),
                1, Integer::sum);
            if (!line.getAsJsonArray("stuck").isEmpty()) {
                stuck[0]++;
            }
            if (tracesDir != null) {
                save(itf, tracesDir.resolve(model.name() + "-" + line.get("index").getAsInt() + ".itf.json"));
            }
        });
        if (!firstBad.isEmpty()) {
            out.println("first trace the spec does not allow: " + firstBad.get(0));
        }
        String did = violations.isEmpty() ? "no invariant violated" : violations.entrySet().stream()
            .map(e -> e.getKey() + " violated in " + e.getValue() + "/" + total[0]).reduce((a, b) -> a + ", " + b).get();
        String joins = outcomes.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).reduce((a, b) -> a + "; " + b).orElse("");
        if (stuck[0] > 0) {
            // A thread left at a step it can never take (a joiner waiting for a lock no one will release).
            joins += "; a thread could not move at the end in " + stuck[0] + " runs";
        }
        joins += "; " + interleavings.size() + " distinct interleavings";
        String verdict = validated[0] < total[0] || stuck[0] > 0 ? "NOT ALLOWED" : "ok";
        return new Row(mapping.title().map(t -> t + ", ").orElse("") + "random schedules (seed " + seed + ")", model.name(), model.expect().toString(), did + " [" + joins + "]",
            validated[0], total[0], verdict);
    }

    /** The trace's steps as the runner labelled them: two runs with the same list are one interleaving. */
    private static List<String> actions(JsonObject itf) {
        List<String> out = new ArrayList<>();
        itf.getAsJsonArray("states").forEach(s -> out.add(s.getAsJsonObject().getAsJsonObject("#meta").get("action").getAsString()));
        return out;
    }

    /** TLC's counterexample driven on the interpreter, one mapped step at a time. */
    Row replay() throws IOException, InterruptedException {
        if (!model.expect().isViolation()) {
            return null;
        }
        if (mapping.notReplayable().isPresent()) {
            return new Row("TLC counterexample", model.name(), model.expect().toString(),
                "not driven: " + mapping.notReplayable().get(), 0, 0, "skipped");
        }
        TlcResult tlc = new TlcRunner(TlcOptions.defaults()).check(model.spec(), model.config(), p -> { });
        if (!tlc.outcome().isViolation()) {
            throw new IllegalStateException("TLC found no counterexample for " + model.name() + ": " + tlc.outcome());
        }
        Path cex = Counterexamples.write(model, tlc, outDir.resolve("cpython"));
        Trace predicted = Itf.read(Files.readAllBytes(cex), machine.names()).toTrace(machine);
        List<String[]> plan = plan(predicted);
        JsonObject req = request("replay");
        JsonArray steps = new JsonArray();
        plan.forEach(p -> {
            JsonArray a = new JsonArray();
            a.add(p[0]);
            a.add(p[1]);
            steps.add(a);
        });
        req.add("plan", steps);
        JsonObject[] result = {null};
        python.run(mapping.runner(), req, line -> {
            if (line.get("kind").getAsString().equals("run")) {
                result[0] = line;
            }
        });
        Validation v = Validation.of(machine, result[0].getAsJsonObject("itf"));
        printSideBySide(plan, result[0]);
        boolean allDone = true;
        for (JsonElement e : result[0].getAsJsonArray("steps")) {
            allDone &= e.getAsJsonObject().get("did").getAsString().startsWith(e.getAsJsonObject().get("action").getAsString());
        }
        allDone &= result[0].getAsJsonArray("steps").size() == plan.size();
        JsonObject failure = result[0].getAsJsonObject("failure");
        String did = (failure.size() == 0 ? "no assertion failed" : failures(failure)) + "; then "
            + outcomeDetail(result[0].getAsJsonObject("outcome"));
        String verdict = !v.ok() ? "NOT ALLOWED"
            : allDone && model.expect().detail().equals(v.violated()) ? "ok" : "not reproduced";
        if (!v.ok()) {
            out.println("the replay's trace is not a behaviour of " + mapping.spec() + ": " + v.report());
        }
        return new Row("TLC counterexample replayed (" + (predicted.size() - 1) + " steps)", model.name(),
            model.expect() + " at step " + (predicted.size() - 1), did, v.ok() ? 1 : 0, 1, verdict);
    }

    /** Who performs each step: the joiner the machine's label names, or the target. */
    private List<String[]> plan(Trace predicted) {
        List<String[]> plan = new ArrayList<>();
        for (int i = 1; i < predicted.size(); i++) {
            State from = predicted.state(i - 1);
            State to = predicted.state(i);
            ActionLabel[] label = {null};
            machine.successors(from, (l, t) -> {
                if (label[0] == null && TraceReplayer.sameState(t, to)) {
                    label[0] = l;
                }
            });
            String actor = label[0].params().isEmpty() ? mapping.target() : label[0].params().get(0).value().toString();
            plan.add(new String[] {actor, label[0].name()});
        }
        return plan;
    }

    private void printSideBySide(List<String[]> plan, JsonObject result) {
        out.printf("%s on CPython: TLC's counterexample, step by step%n", model.name());
        out.printf("  %-4s %-22s %-45s%n", "step", "model (TLC)", "interpreter");
        JsonArray steps = result.getAsJsonArray("steps");
        for (int i = 0; i < plan.size(); i++) {
            JsonObject step = i < steps.size() ? steps.get(i).getAsJsonObject() : null;
            String did = step == null ? "(not reached)"
                : step.get("did").getAsString() + (step.has("at") ? ": " + step.get("at").getAsString() : "");
            out.printf("  %-4d %-22s %-45s%n", i + 1, plan.get(i)[1] + "(" + plan.get(i)[0] + ")", did);
        }
        out.printf("  end  %-22s %s%n", model.expect(), failures(result.getAsJsonObject("failure")));
        out.printf("  then %-22s %s%n", "(nothing: the spec stops)", outcomeDetail(result.getAsJsonObject("outcome")));
    }

    private String failures(JsonObject failure) {
        List<String> out = new ArrayList<>();
        for (String t : new java.util.TreeSet<>(failure.keySet())) {
            JsonObject f = failure.getAsJsonObject(t);
            out.add(t + ": AssertionError in Thread." + f.get("function").getAsString() + " (threading.py line " + f.get("line").getAsInt() + ")");
        }
        return String.join(", ", out);
    }

    private static String outcome(JsonObject outcome) {
        List<String> parts = new ArrayList<>();
        for (String t : new java.util.TreeSet<>(outcome.keySet())) {
            JsonObject o = outcome.getAsJsonObject(t);
            parts.add(t + " " + (o.get("result").getAsString().equals("returned") ? "returned" : "raised " + o.get("exception").getAsString()));
        }
        return String.join(", ", parts);
    }

    private static String outcomeDetail(JsonObject outcome) {
        List<String> parts = new ArrayList<>();
        for (String t : new java.util.TreeSet<>(outcome.keySet())) {
            JsonObject o = outcome.getAsJsonObject(t);
            parts.add(t + ".join() " + (o.get("result").getAsString().equals("returned") ? "returned"
                : "raised " + o.get("exception").getAsString() + (o.get("message").getAsString().isEmpty() ? "" : "('" + o.get("message").getAsString() + "')")
                  + " in " + o.get("function").getAsString()));
        }
        return String.join(", ", parts);
    }

    private JsonObject request(String mode) {
        JsonObject req = new JsonObject();
        req.add("mapping", mapping.json());
        req.addProperty("mode", mode);
        return req;
    }

    private static void save(JsonObject itf, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(itf));
        } catch (IOException e) {
            throw new UserError(file + ": cannot write the trace: " + e.getMessage());
        }
    }

    static Map<String, Object> json(Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", r.scenario());
        m.put("model", r.model());
        m.put("predicted", r.predicted());
        m.put("interpreter", r.interpreter());
        m.put("validated", r.validated());
        m.put("traces", r.traces());
        m.put("verdict", r.verdict());
        return m;
    }
}
