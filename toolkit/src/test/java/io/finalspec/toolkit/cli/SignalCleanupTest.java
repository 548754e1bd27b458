package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM and SIGINT (Ctrl-C) to a running {@code finalspec check} leave no TLC process and no
 * temporary folder behind: the shutdown hook kills the TLC JVM's process tree and deletes its
 * folder, TLC's metadir included.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalCleanupTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aSignalLeavesNoProcessAndNoFolder(String signal) throws Exception {
        Process finalspec = CliProcess.start(tmp, "256m", "check", "--manifest",
            CliProcess.RELIABILITY.resolve("slow.toml").toString(), "--out", tmp.resolve("out").toString());
        List<ProcessHandle> tlc = awaitTlcRunning(finalspec, tmp);
        Path javaTmp = tmp.resolve("java-tmp");
        assertTrue(owned(javaTmp).stream().anyMatch(p -> p.getFileName().toString().startsWith("finalspec-tlc")),
            "TLC's folder exists while it runs: " + owned(javaTmp));

        new ProcessBuilder("kill", "-" + signal, String.valueOf(finalspec.pid())).inheritIO().start().waitFor();
        assertTrue(finalspec.waitFor(60, TimeUnit.SECONDS), "finalspec ended after SIG" + signal);
        assertEquals(128 + (signal.equals("TERM") ? 15 : 2), finalspec.exitValue(), CliProcess.result(tmp, finalspec.exitValue()).all());

        for (ProcessHandle child : tlc) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "TLC process " + child.pid() + " is gone");
        }
        assertEquals(List.of(), owned(javaTmp), "no temporary folder is left");
    }

    /** Waits until the TLC child JVM has run for a second (its metadir exists), and returns the processes under finalspec. */
    private static List<ProcessHandle> awaitTlcRunning(Process finalspec, Path dir) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = finalspec.descendants().toList();
            if (!children.isEmpty()) {
                Thread.sleep(1500);
                return finalspec.descendants().toList();
            }
            if (!finalspec.isAlive()) {
                throw new AssertionError("finalspec ended before TLC started: " + CliProcess.result(dir, finalspec.exitValue()).all());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("TLC did not start within 120 s");
    }

    private static List<Path> owned(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("finalspec-")).toList();
        }
    }
}
