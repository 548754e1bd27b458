package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs TLC in simulation mode ({@code -simulate file=...,num=N -depth D -seed S}) and returns the
 * random behaviours it wrote, as the text of TLC's trace modules ({@code STATE_1 == /\ x = ...}).
 * They carry no action labels; replaying them in a generated machine (which must find a
 * transition for every step) is the trace half of conformance. The model's invariants,
 * properties and deadlock checking are left out of the simulation: the behaviours are wanted,
 * not the verdict, and TLC's simulator writes nothing once it finds a violation.
 */
public final class TlcSimulator {

    private final TlcOptions options;

    public TlcSimulator(TlcOptions options) {
        this.options = options;
    }

    /**
     * Simulates {@code traces} behaviours of at most {@code depth} states each, reproducibly for a
     * given {@code seed}.
     */
    public List<String> simulate(Path spec, Path config, int traces, int depth, long seed) throws IOException, InterruptedException {
        Path specAbs = spec.toAbsolutePath().normalize();
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-sim");
        try {
            Path out = Files.createDirectories(tmp.resolve("traces"));
            Path cfg = tmp.resolve("simulate.cfg");
            Files.writeString(cfg, CfgNames.forSimulation(Files.readString(config)));
            List<String> cmd = new ArrayList<>(TlcRunner.javaCommand(options, tmp));
            cmd.addAll(List.of("-simulate", "file=" + out.resolve("trace") + ",num=" + traces, "-depth", String.valueOf(depth),
                "-seed", String.valueOf(seed), "-workers", "1", "-metadir", tmp.resolve("meta").toString(),
                "-config", cfg.toString(), specAbs.getFileName().toString()));
            ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(cmd).directory(specAbs.getParent().toFile())
                .redirectErrorStream(true), options.timeout(), line -> { }, line -> { });
            if (done.timedOut()) {
                throw new IOException("TLC simulation " + done.describeTimeout(options.timeout()));
            }
            List<String> result = readTraces(out);
            if (result.isEmpty()) {
                throw new IOException("TLC simulation wrote no trace (exit " + done.exitCode() + "): " + tail(done.outputTail()));
            }
            return result;
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
    }

    private static List<String> readTraces(Path dir) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }

    private static String tail(String log) {
        String[] lines = log.strip().split("\n");
        return String.join(" ", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 4), lines.length));
    }
}
