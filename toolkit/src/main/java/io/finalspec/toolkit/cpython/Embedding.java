package io.finalspec.toolkit.cpython;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ModelEntry;

/**
 * The C level: {@code finalspec_embed.c}, built with gcc against the interpreter's libpython
 * ({@code <python>-config --embed}), run many times. A thread in Py_BEGIN_ALLOW_THREADS while the
 * main thread runs Py_FinalizeEx; the prediction of gh87135-unwind (ThreadExitPolicy: the thread is
 * unwound by pthread_exit, never runs again) and of gh96387-fixed (GilFinalize: the finalizer
 * terminates) is compared with what each run did.
 */
final class Embedding {

    static final String SOURCE = "finalspec_embed.c";

    /** What one run did. */
    record Observation(int exitCode, int finalizeStatus, boolean unwound, boolean returned) {
        boolean unwoundOnly() {
            return exitCode == 0 && unwound && !returned;
        }

        boolean finalizerTerminated() {
            return exitCode == 0 && finalizeStatus == 0;
        }
    }

    private final Interpreter python;

    Embedding(Interpreter python) {
        this.python = python;
    }

    /** Why the harness cannot be built here, or empty. */
    Optional<String> missing() {
        if (!Files.isExecutable(config())) {
            return Optional.of(config() + " not found (install the -dev package, e.g. python3.11-dev)");
        }
        if (!onPath("gcc")) {
            return Optional.of("gcc not found");
        }
        return Optional.empty();
    }

    private Path config() {
        return python.executable().resolveSibling(python.executable().getFileName() + "-config");
    }

    /** The rows: one per model of the manifest that speaks for {@code version} and predicts this scenario. */
    List<Row> rows(Manifest manifest, String version, int runs) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        Optional<ModelEntry> unwind = manifest.find("gh87135-unwind").filter(m -> speaksFor(m, version));
        Optional<ModelEntry> fixed = manifest.find("gh96387-fixed").filter(m -> speaksFor(m, version));
        if (unwind.isEmpty() && fixed.isEmpty()) {
            return rows;
        }
        Optional<String> missing = missing();
        String scenario = "C: thread in ALLOW_THREADS vs Py_FinalizeEx";
        if (missing.isPresent()) {
            unwind.ifPresent(m -> rows.add(new Row(scenario, m.name(), m.expect().toString(), "not run: " + missing.get(), 0, 0, "skipped")));
            return rows;
        }
        List<Observation> obs = run(runs);
        long unwound = obs.stream().filter(Observation::unwoundOnly).count();
        long terminated = obs.stream().filter(Observation::finalizerTerminated).count();
        long crashed = obs.stream().filter(o -> o.exitCode() != 0).count();
        long back = obs.stream().filter(Observation::returned).count();
        unwind.ifPresent(m -> rows.add(new Row(scenario, m.name(), m.expect() + " (pthread_exit unwinds the thread)",
            "unwound by pthread_exit in " + unwound + "/" + obs.size() + " (cleanup handler ran); back in Python after "
                + "Py_FinalizeEx began: " + back + "; crashed or hung: " + crashed, (int) unwound, obs.size(), unwound == obs.size() ? "ok" : "NOT ALLOWED")));
        fixed.ifPresent(m -> rows.add(new Row(scenario, m.name(), m.expect() + " (the finalizer terminates)",
            "Py_FinalizeEx returned 0 and the process exited 0 in " + terminated + "/" + obs.size(),
            (int) terminated, obs.size(), terminated == obs.size() ? "ok" : "NOT ALLOWED")));
        return rows;
    }

    static boolean speaksFor(ModelEntry m, String version) {
        return m.cpython().stream().anyMatch(v -> version.equals(v) || version.startsWith(v + "."));
    }

    List<Observation> run(int runs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-embed");
        try {
            Path exe = build(dir, config(), "-O1");
            List<Observation> out = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                out.add(once(exe));
            }
            return out;
        } finally {
            deleteFolder(dir);
        }
    }

    static void deleteFolder(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    /**
     * Builds the harness in {@code dir} with gcc against the libpython that {@code pythonConfig}
     * describes ({@code python3.11-config}, or {@code python3.11d-config} for the debug build).
     */
    Path build(Path dir, Path pythonConfig, String... gccFlags) throws IOException, InterruptedException {
        Path src = dir.resolve(SOURCE);
        try (InputStream in = Embedding.class.getResourceAsStream(SOURCE)) {
            Files.copy(in, src);
        }
        String cflags = output(pythonConfig.toString(), "--cflags", "--embed");
        String ldflags = output(pythonConfig.toString(), "--ldflags", "--embed");
        List<String> cmd = new ArrayList<>(List.of("gcc"));
        cmd.addAll(List.of(gccFlags));
        cmd.addAll(List.of("-o", dir.resolve("embed").toString(), src.toString()));
        cmd.addAll(List.of(cflags.trim().split("\\s+")));
        cmd.addAll(List.of(ldflags.trim().split("\\s+")));
        // A libpython outside the loader's path (a pyenv build) is found through the rpath.
        cmd.add("-Wl,-rpath," + output(python.executable().toString(), "-I", "-c",
            "import sysconfig; print(sysconfig.get_config_var('LIBDIR'))").strip());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("gcc failed on the embedding harness: " + log.strip());
        }
        return dir.resolve("embed");
    }

    private static Observation once(Path exe) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(exe.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Observation(-1, -1, false, false);
        }
        String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
        if (p.exitValue() != 0 || !last.startsWith("{")) {
            return new Observation(p.exitValue() == 0 ? -2 : p.exitValue(), -1, false, false);
        }
        JsonObject o = JsonParser.parseString(last).getAsJsonObject();
        return new Observation(0, o.get("finalize").getAsInt(), o.get("unwound").getAsInt() == 1, o.get("returned").getAsInt() == 1);
    }

    static String output(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
