package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private static final List<String> REQUIRED = List.of("spec", "model", "cpython", "module", "target", "joiners",
        "location", "variables", "ends", "target_step", "stage");

    static Mapping load(Path file) {
        JsonObject json = TomlSubset.read(file);
        for (String key : REQUIRED) {
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

    /** The actions the locations and stages name, for checking against the spec. */
    List<String> actions() {
        List<String> out = new ArrayList<>();
        json.getAsJsonArray("location").forEach(e -> out.add(e.getAsJsonObject().get("action").getAsString()));
        json.getAsJsonArray("stage").forEach(e -> out.add(e.getAsJsonObject().get("action").getAsString()));
        out.add(json.getAsJsonObject("target_step").get("action").getAsString());
        return out;
    }

    List<String> variables() {
        return List.copyOf(json.getAsJsonObject("variables").keySet());
    }

    String target() {
        return json.get("target").getAsString();
    }
}
