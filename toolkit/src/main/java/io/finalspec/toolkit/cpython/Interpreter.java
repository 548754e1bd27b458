package io.finalspec.toolkit.cpython;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private static final String SCRIPT = "finalspec_scenarios.py";

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
     * Runs the scenario runner with {@code request}; each JSON line of its output goes to
     * {@code lines}. A runner that fails is an internal error with its stderr (the runner is ours).
     */
    void run(JsonObject request, Consumer<JsonObject> lines) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-cpython");
        try {
            Path script = dir.resolve(SCRIPT);
            try (InputStream in = Interpreter.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            Path req = dir.resolve("request.json");
            Files.writeString(req, request.toString());
            Path err = dir.resolve("stderr.txt");
            Process p = new ProcessBuilder(executable.toString(), "-I", script.toString(), req.toString())
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
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
