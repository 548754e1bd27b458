package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.finalspec.toolkit.cli.UserError;

/**
 * A refinement mapping ({@code specs/<Spec>.mapping.toml}): which model of the manifest it maps,
 * the CPython versions it speaks for, and (kept as JSON for the scenario runner) each action's
 * source locations and each variable's observation. See docs/cpython.md.
 */
record Mapping(Path file, String spec, String model, List<String> versions, JsonObject json) {

    /** The keys every mapping needs, by scenario: its runner and what that runner reads. */
    private static final Map<String, List<String>> REQUIRED = Map.of(
        "join", List.of("spec", "model", "cpython", "module", "target", "joiners", "location", "variables", "ends",
            "target_step", "stage"),
        "shutdown", List.of("spec", "model", "cpython", "module", "location", "point", "variables"));

    /** The scenario runner (a resource next to this class) of each scenario. */
    private static final Map<String, String> RUNNERS = Map.of("join", "finalspec_scenarios.py", "shutdown", "finalspec_shutdown.py");

    static Mapping load(Path file) {
        JsonObject json = TomlSubset.read(file);
        String scenario = json.has("scenario") ? json.get("scenario").getAsString() : "join";
        if (!REQUIRED.containsKey(scenario)) {
            throw new UserError(file + ":1:1: unknown scenario \"" + scenario + "\" (known: " + new TreeSet<>(REQUIRED.keySet()) + ")");
        }
        json.addProperty("scenario", scenario);
        for (String key : REQUIRED.get(scenario)) {
            if (!json.has(key)) {
                throw new UserError(file + ":1:1: the mapping has no " + key);
            }
        }
        List<String> versions = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("cpython")) {
            versions.add(e.getAsString());
        }
        return new Mapping(file, json.get("spec").getAsString(), json.get("model").getAsString(), List.copyOf(versions), json);
    }

    /** Every {@code *.mapping.toml} of a folder, by name. */
    static List<Mapping> all(Path specsDir) {
        try (Stream<Path> files = Files.list(specsDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".mapping.toml")).sorted().map(Mapping::load).toList();
        } catch (IOException e) {
            throw new UserError(specsDir + ": cannot list the mappings: " + e.getMessage());
        }
    }

    /** Whether {@code version} (e.g. 3.11.2) is one this mapping speaks for (3.11 covers 3.11.x). */
    boolean speaksFor(String version) {
        return versions.stream().anyMatch(v -> version.equals(v) || version.startsWith(v + "."));
    }

    /** The actions the locations, points and stages name, for checking against the spec. */
    List<String> actions() {
        List<String> out = new ArrayList<>();
        for (String key : List.of("location", "point", "stage")) {
            if (json.has(key)) {
                json.getAsJsonArray(key).forEach(e -> {
                    // A stop without an action is the end of what the scenario drives.
                    if (e.getAsJsonObject().has("action")) {
                        out.add(e.getAsJsonObject().get("action").getAsString());
                    }
                });
            }
        }
        if (json.has("target_step")) {
            out.add(json.getAsJsonObject("target_step").get("action").getAsString());
        }
        return out;
    }

    /** What the scenario is, for the rows of a mapping that is not the first of its kind. */
    Optional<String> title() {
        return json.has("title") ? Optional.of(json.get("title").getAsString()) : Optional.empty();
    }

    /** The runner script of this mapping's scenario. */
    String runner() {
        return RUNNERS.get(json.get("scenario").getAsString());
    }

    /**
     * Why TLC's counterexample cannot be driven on the interpreter (its steps are code no tracer
     * holds), or empty when the runner replays it.
     */
    Optional<String> notReplayable() {
        return json.has("replay") ? Optional.of(json.get("replay").getAsString()) : Optional.empty();
    }

    List<String> variables() {
        return List.copyOf(json.getAsJsonObject("variables").keySet());
    }

    String target() {
        return json.get("target").getAsString();
    }
}
