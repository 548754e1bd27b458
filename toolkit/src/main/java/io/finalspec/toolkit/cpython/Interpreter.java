package io.finalspec.toolkit.cpython;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.toolkit.cli.UserError;

/**
 * A CPython interpreter given by its path (never the one on PATH: a pyenv shim there is not the
 * interpreter under test). Runs the scenario runner shipped as a resource and streams its JSON lines.
 */
final class Interpreter {

    static final Path DEFAULT = Path.of("/usr/bin/python3.11");
    /** Every runner imports this one's resolver and ITF helpers, so it is always copied next to the runner. */
    private static final String COMMON = "finalspec_scenarios.py";

    private final Path executable;

    Interpreter(Path executable) {
        if (!Files.isExecutable(executable)) {
            throw new UserError(executable + ": no Python interpreter there (on Debian: apt-get install python3.11; or give --python PATH)");
        }
        this.executable = executable;
    }

    Path executable() {
        return executable;
    }

    /** The version as {@code major.minor.micro}. */
    String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable.toString(), "-I", "-c",
            "import sys; print('%d.%d.%d' % sys.version_info[:3])").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("\\d+\\.\\d+\\.\\d+")) {
            p.destroyForcibly();
            throw new UserError(executable + ": not a working Python interpreter: " + out);
        }
        return out;
    }

    /**
     * Runs the scenario runner {@code runner} (a resource next to this class) with {@code request}; each JSON line of its output goes to
     * {@code lines}. A runner that fails is an internal error with its stderr (the runner is ours).
     */
    void run(String runner, JsonObject request, Consumer<JsonObject> lines) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-cpython");
        try {
            for (String resource : new java.util.LinkedHashSet<>(List.of(COMMON, runner))) {
                try (InputStream in = Interpreter.class.getResourceAsStream(resource)) {
                    Files.copy(in, dir.resolve(resource));
                }
            }
            Path script = dir.resolve(runner);
            Path req = dir.resolve("request.json");
            Files.writeString(req, request.toString());
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(executable.toString(), "-I", "-B", script.toString(), req.toString())
                .redirectError(err.toFile()).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.accept(JsonParser.parseString(l).getAsJsonObject());
                }
            } finally {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("the scenario runner failed on " + executable + ": " + Files.readString(err).strip());
            }
        } finally {
            // Deepest first: the runner may leave folders of its own (-B keeps __pycache__ out).
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
