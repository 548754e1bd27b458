package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.finalspec.toolkit.tlc.Jvm;

/**
 * Runs {@code finalspec} as a user does: {@link Main#main} in a fresh JVM, so that the real exit
 * code, flushing at exit, shutdown hooks and signals are what the tests see.
 */
final class CliProcess {

    static final Path TLC = Path.of("src/test/resources/tlc").toAbsolutePath();
    static final Path RELIABILITY = Path.of("src/test/resources/reliability").toAbsolutePath();

    /** The outcome of one run; {@code home} is its FINALSPEC_HOME (traces go to home/target/finalspec). */
    record Result(int code, String out, String err, Path home) {
        String all() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private CliProcess() {
    }

    /** Starts {@code finalspec args} with its temporary folder, home and outputs in the folder {@code tmp}. */
    static Process start(Path tmp, String heap, String... args) throws IOException {
        return start(tmp, heap, Map.of(), args);
    }

    /** As {@link #start(Path, String, String...)}, with {@code env} added to the child's environment. */
    static Process start(Path tmp, String heap, Map<String, String> env, String... args) throws IOException {
        Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        List<String> cmd = new ArrayList<>(Jvm.command(heap, javaTmp, Main.class));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .redirectError(tmp.resolve("stderr.txt").toFile());
        // Defaults such as target/finalspec resolve under tmp (the current folder), never in the source tree.
        pb.environment().put("FINALSPEC_HOME", tmp.toString());
        pb.environment().putAll(env);
        pb.directory(tmp.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /** Runs {@code finalspec args} to its end (at most five minutes) in a new folder under {@code tmp}. */
    static Result runWithHeap(Path tmp, String heap, String... args) throws IOException, InterruptedException {
        return runWithEnvironment(tmp, heap, Map.of(), args);
    }

    /** As {@link #runWithHeap}, with {@code env} added to the child's environment. */
    static Result runWithEnvironment(Path tmp, String heap, Map<String, String> env, String... args)
        throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(tmp, "run-");
        Process p = start(dir, heap, env, args);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError("finalspec " + String.join(" ", args) + " did not end within 300 s");
        }
        return result(dir, p.exitValue());
    }

    static Result run(Path tmp, String... args) throws IOException, InterruptedException {
        return runWithHeap(tmp, "512m", args);
    }

    static Result result(Path dir, int code) throws IOException {
        return new Result(code, Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
            Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8), dir);
    }
}
