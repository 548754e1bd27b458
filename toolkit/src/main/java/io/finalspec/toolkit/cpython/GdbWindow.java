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
 * gh-110052's window forced with gdb: the embedding harness, built against the interpreter's debug
 * build ({@code python3.11d-config}, Debian's python3.11-dbg), runs under {@code finalspec_window.py},
 * which holds the daemon in {@code take_gil} just after its finalization check (C1) while the main
 * thread's {@code Py_FinalizeEx} frees every other thread state ({@code _PyThreadState_DeleteExcept}),
 * then lets the daemon read {@code tstate->interp}. The debug allocator fills freed memory with
 * {@code 0xdd} bytes, so a read of freed memory shows as {@code 0xdddddddddddddddd}; the model
 * gh110052-interp-window predicts exactly that dangling read (invariant NoDanglingDeref).
 */
final class GdbWindow {

    static final String SCRIPT = "finalspec_window.py";
    static final String MODEL = "gh110052-interp-window";
    private static final String FREED = "0xdddddddddddddddd";

    /** What one run under gdb showed. */
    record Observation(boolean held, boolean freed, String interpAfterFree, String signal, String error) {
        boolean danglingRead() {
            return held && freed && FREED.equals(interpAfterFree);
        }
    }

    private final Interpreter python;
    private final Embedding embedding;

    GdbWindow(Interpreter python) {
        this.python = python;
        this.embedding = new Embedding(python);
    }

    /** {@code /usr/bin/python3.11} → {@code /usr/bin/python3.11d-config}. */
    private Path debugConfig() {
        return python.executable().resolveSibling(python.executable().getFileName() + "d-config");
    }

    /** Why the window cannot be forced here, or empty. */
    Optional<String> missing() {
        Optional<String> harness = embedding.missing();
        if (harness.isPresent()) {
            return harness;
        }
        if (!Files.isExecutable(debugConfig())) {
            return Optional.of(debugConfig() + " not found (install the debug build, e.g. python3.11-dbg)");
        }
        return Embedding.onPath("gdb") ? Optional.empty() : Optional.of("gdb not found");
    }

    /** The row of gh110052-interp-window, when the manifest has it for {@code version}; none otherwise. */
    List<Row> rows(Manifest manifest, String version, int runs) throws IOException, InterruptedException {
        Optional<ModelEntry> model = manifest.find(MODEL).filter(m -> Embedding.speaksFor(m, version));
        if (model.isEmpty() || runs == 0) {
            return List.of();
        }
        ModelEntry m = model.get();
        String scenario = "C + gdb: daemon held after take_gil's check while Py_FinalizeEx frees its tstate";
        String predicted = m.expect() + " (take_gil reads the freed tstate->interp)";
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            return List.of(new Row(scenario, m.name(), predicted, "not run: " + missing.get(), 0, 0, "skipped"));
        }
        List<Observation> obs = run(runs);
        long dangling = obs.stream().filter(Observation::danglingRead).count();
        long aborted = obs.stream().filter(o -> "SIGABRT".equals(o.signal()) || "SIGSEGV".equals(o.signal())).count();
        String errors = obs.stream().map(Observation::error).filter(e -> e != null).findFirst().map(e -> "; " + e).orElse("");
        String did = "tstate->interp read " + FREED + " (freed by _PyThreadState_DeleteExcept) in " + dangling + "/"
            + obs.size() + "; the debug build's is_tstate_valid assertion then killed the process in " + aborted + "/"
            + obs.size() + errors;
        return List.of(new Row(scenario, m.name(), predicted, did, (int) dangling, obs.size(),
            dangling == obs.size() ? "ok" : "not reproduced"));
    }

    private List<Observation> run(int runs) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-window");
        try {
            // -O0 -g: the harness's own frames stay readable; libpython's come from the -dbg package
            Path exe = embedding.build(dir, debugConfig(), "-O0", "-g");
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = GdbWindow.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            List<Observation> out = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                out.add(once(exe, script));
            }
            return out;
        } finally {
            Embedding.deleteFolder(dir);
        }
    }

    private static Observation once(Path exe, Path script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("gdb", "-nx", "-batch", "-x", script.toString(), "--args", exe.toString(), "window")
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Observation(false, false, null, null, "gdb did not finish in 120 s");
        }
        String line = out.lines().filter(l -> l.startsWith("finalspec-window: ")).findFirst().orElse(null);
        if (line == null) {
            return new Observation(false, false, null, null, "gdb printed no result: " + last(out));
        }
        JsonObject o = JsonParser.parseString(line.substring("finalspec-window: ".length())).getAsJsonObject();
        return new Observation(o.get("held_after_check").getAsBoolean(), o.get("main_freed_tstates").getAsBoolean(),
            text(o, "interp_after_free"), text(o, "signal"), text(o, "error"));
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }

    private static String last(String out) {
        String s = out.strip();
        return s.length() <= 300 ? s : "..." + s.substring(s.length() - 300);
    }
}
