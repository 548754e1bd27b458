package io.finalspec.toolkit.html;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.runtime.explore.FewestSwitches;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.toolkit.swimlane.LaneRules;
import io.finalspec.toolkit.swimlane.LaneTrace;
import io.finalspec.toolkit.swimlane.Swimlane;

/**
 * One counterexample of the report: its ITF file read (against its model's generated machine when
 * the manifest knows the model, so that TLC's name-only labels get their parameters back), drawn,
 * and, with a machine, the fewest-switch counterexamples of the same model found and drawn beside it.
 */
final class Counterexample {

    /** Most (state, thread) pairs a fewest-switch search may hold: far above every default model. */
    static final long MAX_PAIRS = 3_000_000;

    /** A drawn trace: its caption, the trace, and its steps and switches. */
    record Drawing(String caption, LaneTrace trace, int steps, int switches) {
    }

    final Path file;
    final String name;
    final Optional<ModelEntry> model;
    final LaneRules rules;
    final List<Drawing> drawings = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    Drawing shortestFewest;
    Drawing fewest;

    private Counterexample(Path file, String name, Optional<ModelEntry> model, LaneRules rules) {
        this.file = file;
        this.name = name;
        this.model = model;
        this.rules = rules;
    }

    /** Fails unless {@code file} is a readable ITF trace. */
    static void validate(Path file) throws ReportInputException {
        read(file, bytes(file), new NameTable());
    }

    private static byte[] bytes(Path file) throws ReportInputException {
        if (!Files.isRegularFile(file)) {
            throw new ReportInputException(file + ": trace not found");
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ReportInputException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads and draws {@code file}; {@code search} also runs the fewest-switch searches. */
    static Counterexample load(Path file, Optional<Manifest> manifest, Map<String, Machine> machines, boolean search)
        throws ReportInputException {
        byte[] bytes = bytes(file);
        // Positions of malformed input come from Itf.read below; the meta is read only when that succeeds.
        Itf.ItfTrace unbound = read(file, bytes, new NameTable());
        JsonObject meta = meta(bytes);
        String modelName = string(meta, "model");
        String violation = string(meta, "violation");
        Optional<ModelEntry> model = manifest.flatMap(m -> modelName == null ? Optional.empty() : m.find(modelName));
        String source = model.map(m -> m.spec().getFileName().toString()).orElse(string(meta, "source"));
        LaneRules rules = manifest.flatMap(m -> m.drawings().stream()
                .filter(d -> d.spec().getFileName().toString().equals(source)).findFirst())
            .map(LaneRules::of).orElse(LaneRules.defaults());
        String name = modelName != null ? modelName : file.getFileName().toString().replaceFirst("\\.itf\\.json$", "");
        Counterexample cx = new Counterexample(file, name, model, rules);
        Machine machine = model.map(m -> cx.machine(m, machines)).orElse(null);
        String title = name + (violation == null ? "" : ": " + violation);
        LaneTrace drawn = machine != null
            ? LaneTrace.of(title, LaneTrace.relabel(machine, read(file, bytes, machine.names()).toTrace(machine)), violation)
            : LaneTrace.of(title, unbound, new NameTable(), violation);
        String from = meta.has("generated-by") ? string(meta, "generated-by") : "the trace file";
        cx.drawings.add(new Drawing("as found by " + from, drawn, drawn.steps(), Swimlane.switches(drawn, rules)));
        if (machine != null && search) {
            cx.search(machine);
        }
        return cx;
    }

    private static Itf.ItfTrace read(Path file, byte[] bytes, NameTable names) throws ReportInputException {
        try {
            return Itf.read(bytes, names);
        } catch (ItfException e) {
            throw new ReportInputException(e.format(file.toString()));
        } catch (RuntimeException e) {
            throw new ReportInputException(file + ": " + e.getMessage());
        }
    }

    private static JsonObject meta(byte[] bytes) {
        JsonElement root = JsonParser.parseString(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        JsonElement meta = root.getAsJsonObject().get("#meta");
        return meta != null && meta.isJsonObject() ? meta.getAsJsonObject() : new JsonObject();
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private Machine machine(ModelEntry m, Map<String, Machine> machines) {
        String key = m.spec() + "\n" + m.config();
        if (machines.containsKey(key)) {
            return machines.get(key);
        }
        Machine machine = null;
        try {
            machine = Compiler.load(m.spec(), m.config());
        } catch (CompileFailedException e) {
            problems.add("the model's machine could not be generated, so the drawing shows the file's labels: "
                + JsonTables.firstLine(e.getMessage()));
        }
        machines.put(key, machine);
        return machine;
    }

    private void search(Machine machine) {
        try {
            FewestSwitches search = new FewestSwitches(machine, rules::actorOf, MAX_PAIRS);
            shortestFewest = found(search.search(FewestSwitches.Goal.SHORTEST), "among the shortest, the fewest thread switches");
            fewest = found(search.search(FewestSwitches.Goal.FEWEST_SWITCHES), "the fewest thread switches overall");
        } catch (IllegalStateException e) {
            problems.add("no fewest-switch search: " + e.getMessage());
        }
        for (Drawing d : new Drawing[] {shortestFewest, fewest}) {
            // A drawing as long and with as many switches as one before it would show nothing new.
            if (d != null && drawings.stream().noneMatch(x -> x.steps() == d.steps() && x.switches() == d.switches())) {
                drawings.add(d);
            }
        }
    }

    private Drawing found(Optional<FewestSwitches.Result> r, String caption) {
        if (r.isEmpty()) {
            problems.add("the generated machine reaches no violation of an invariant or a deadlock (" + caption + ")");
            return null;
        }
        FewestSwitches.Result res = r.get();
        LaneTrace t = LaneTrace.of(name + ": " + res.violation() + " (" + caption + ")", res.trace(), res.violation());
        return new Drawing(caption + ": " + res.steps() + " steps, " + res.switches() + " switches", t, res.steps(), res.switches());
    }

    /** The facts shown above the drawings. */
    Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        model.ifPresent(m -> {
            f.put("model", m.name());
            f.put("spec", m.spec().getFileName() + " with " + m.config().getFileName());
            f.put("expected", m.expect().toString());
            m.bug().ifPresent(b -> f.put("bug", b));
            f.put("CPython", String.join(", ", m.cpython()));
            if (!m.summary().isEmpty()) {
                f.put("summary", m.summary());
            }
        });
        f.put("trace file", file.toString());
        Drawing first = drawings.get(0);
        f.put("steps, switches", first.steps() + " steps, " + first.switches() + " thread switches");
        if (shortestFewest != null) {
            f.put("shortest, fewest switches", shortestFewest.steps() + " steps, " + shortestFewest.switches() + " switches");
        }
        if (fewest != null) {
            f.put("fewest switches", fewest.steps() + " steps, " + fewest.switches() + " switches");
        }
        return f;
    }
}
