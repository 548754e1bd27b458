package io.finalspec.toolkit.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Writes the check rows as a JSON array with the fields
 * {@code model, spec, expected, actual, states, distinct, depth, seconds, ok, trace, witnesses}.
 * Unknown counts are null; {@code trace} is the counterexample path or null; {@code witnesses} is an
 * array of {@code {name, reached, distinct, depth, seconds}} (empty when the model declares none),
 * where {@code depth} is the length of TLC's shortest path to the witness.
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(List<CheckRow> rows, Path file) throws IOException {
        JsonArray array = new JsonArray();
        for (CheckRow r : rows) {
            array.add(row(r));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file)) {
            new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(array, w);
            w.write(System.lineSeparator());
        }
    }

    static JsonObject row(CheckRow r) {
        JsonObject o = new JsonObject();
        o.addProperty("model", r.model().name());
        o.addProperty("spec", r.model().spec().getFileName().toString());
        o.addProperty("expected", r.expected().toString());
        o.addProperty("actual", r.actual().toString());
        o.add("states", count(r.result().generated()));
        o.add("distinct", count(r.result().distinct()));
        o.add("depth", count(r.result().depth()));
        o.addProperty("seconds", Math.round(r.result().seconds() * 1000) / 1000.0);
        o.addProperty("ok", r.ok());
        o.add("trace", r.trace() == null ? JsonNull.INSTANCE : new JsonPrimitive(r.trace().toString()));
        JsonArray witnesses = new JsonArray();
        for (WitnessResult w : r.witnesses()) {
            JsonObject o2 = new JsonObject();
            o2.addProperty("name", w.name());
            o2.addProperty("reached", w.reached());
            o2.add("distinct", count(w.result().distinct()));
            o2.add("depth", w.reached() ? new JsonPrimitive(w.result().trace().size()) : JsonNull.INSTANCE);
            o2.addProperty("seconds", Math.round(w.result().seconds() * 1000) / 1000.0);
            if (!w.result().errorMessage().isEmpty()) {
                o2.addProperty("error", w.result().errorMessage());
            }
            witnesses.add(o2);
        }
        o.add("witnesses", witnesses);
        if (!r.result().errorMessage().isEmpty()) {
            o.addProperty("error", r.result().errorMessage());
        }
        return o;
    }

    private static com.google.gson.JsonElement count(long n) {
        return n < 0 ? JsonNull.INSTANCE : new JsonPrimitive(n);
    }
}
