package io.finalspec.toolkit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TraceStep;

/**
 * Writes TLC counterexamples as ITF traces ({@code <model>.itf.json}, Apalache ADR-015). Each
 * state's {@code #meta} carries its index and the action label that produced it; a lasso
 * (liveness counterexample) sets the top-level {@code loop} index.
 */
public final class Counterexamples {

    private Counterexamples() {
    }

    public static Path write(ModelEntry model, TlcResult result, Path dir) throws IOException {
        return write(model, result.outcome(), result.trace(), dir);
    }

    /** Writes a counterexample TLC found with {@code outcome}, e.g. one a document keeps. */
    public static Path write(ModelEntry model, Expectation outcome, List<TraceStep> trace, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(model.name() + ".itf.json");
        try (Writer w = Files.newBufferedWriter(file)) {
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(itf(model, outcome, trace), w);
            w.write(System.lineSeparator());
        }
        return file;
    }

    static JsonObject itf(ModelEntry model, Expectation outcome, List<TraceStep> trace) {
        List<TraceStep> steps = trace.stream().filter(s -> !s.vars().isEmpty()).toList();
        JsonObject root = new JsonObject();
        root.add("#meta", meta(model, outcome));
        JsonArray vars = new JsonArray();
        if (!steps.isEmpty()) {
            steps.get(0).vars().keySet().forEach(vars::add);
        }
        root.add("vars", vars);
        JsonArray states = new JsonArray();
        for (int i = 0; i < steps.size(); i++) {
            states.add(state(i, steps.get(i)));
        }
        root.add("states", states);
        trace.stream().filter(s -> s.backTo() > 0).findFirst()
            .ifPresent(s -> root.addProperty("loop", s.backTo() - 1));
        return root;
    }

    private static JsonObject meta(ModelEntry model, Expectation outcome) {
        JsonObject meta = new JsonObject();
        meta.addProperty("format", "ITF");
        meta.addProperty("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
        meta.addProperty("source", model.spec().getFileName().toString());
        meta.addProperty("config", model.config().getFileName().toString());
        meta.addProperty("model", model.name());
        meta.addProperty("violation", outcome.toString());
        meta.addProperty("generated-by", "finalspec check (TLC 2.18)");
        return meta;
    }

    private static JsonObject state(int index, TraceStep step) {
        JsonObject s = new JsonObject();
        JsonObject meta = new JsonObject();
        meta.addProperty("index", index);
        meta.addProperty("action", step.action());
        s.add("#meta", meta);
        for (Map.Entry<String, String> var : step.vars().entrySet()) {
            s.add(var.getKey(), TlcValueJson.parse(var.getValue()));
        }
        return s;
    }
}
