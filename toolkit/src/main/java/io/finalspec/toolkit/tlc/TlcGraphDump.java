package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs TLC once on a model with {@code -dump dot,actionlabels FILE}: TLC 2.18 then writes its whole
 * labelled state graph as Graphviz text (format in {@code io.finalspec.toolkit.conform.DotGraphReader}).
 *
 * <p>The model's invariants, properties, deadlock checking and ALIAS are left out (as for the
 * simulator, {@link CfgNames#forSimulation}): TLC stops writing the graph at the first violation,
 * and an ALIAS changes how states print. One worker, so that TLC's enumeration order is its
 * breadth-first order. Every generated transition is written, duplicates and self-loops included;
 * successors outside the CONSTRAINTs are not.
 */
public final class TlcGraphDump {

    /**
     * A finished dump.
     *
     * @param file       the graph TLC wrote, under {@code dir}
     * @param exitCode   TLC's exit code (0: it explored the whole model)
     * @param distinct   the distinct states TLC reported, or -1 when it did not print the count
     * @param seconds    wall-clock seconds of the TLC run
     * @param outputTail TLC's last output lines, for messages
     */
    public record Dump(Path file, int exitCode, long distinct, double seconds, String outputTail) {
        public boolean complete() {
            return exitCode == 0 && distinct >= 0;
        }
    }

    private static final Pattern DISTINCT = Pattern.compile("([0-9,]+) distinct states? found");

    private static final String FILE = "graph.dot";

    private final TlcOptions options;

    public TlcGraphDump(TlcOptions options) {
        this.options = options;
    }

    /** What reads the graph while TLC writes it. */
    @FunctionalInterface
    public interface GraphTask<T> {
        T read(Reader graph) throws Exception;
    }

    /** A dump and what the task made of the graph while TLC wrote it. */
    public record Streamed<T>(Dump dump, T result) {
    }

    /**
     * Dumps the graph and hands it to {@code task} while TLC writes it (the task sees the end of
     * the graph once TLC has exited). The task's exception, if any, is rethrown after TLC ends.
     */
    public <T> Streamed<T> dumpWhileReading(Path spec, Path config, Path dir, GraphTask<T> task) throws Exception {
        AtomicBoolean finished = new AtomicBoolean();
        FutureTask<T> reading = new FutureTask<>(() -> {
            try (Reader in = new InputStreamReader(new GrowingFileReader(dir.resolve(FILE), finished::get), StandardCharsets.UTF_8)) {
                return task.read(in);
            }
        });
        Thread reader = new Thread(reading, "tlc-graph-reader");
        reader.setDaemon(true);
        reader.start();
        Dump dump;
        try {
            dump = dump(spec, config, dir);
        } finally {
            finished.set(true);
        }
        try {
            return new Streamed<>(dump, reading.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IOException(e.getCause());
        }
    }

    /** Dumps the graph of {@code spec} with {@code config} into {@code dir} (which the caller owns and deletes). */
    public Dump dump(Path spec, Path config, Path dir) throws IOException, InterruptedException {
        Path specAbs = spec.toAbsolutePath().normalize();
        Path cfg = dir.resolve("graph.cfg");
        Files.writeString(cfg, CfgNames.forSimulation(Files.readString(config)));
        Path file = dir.resolve(FILE);
        List<String> cmd = new ArrayList<>(TlcRunner.javaCommand(options, dir));
        cmd.addAll(List.of("-dump", "dot,actionlabels", file.toString(), "-workers", "1",
            "-metadir", dir.resolve("meta").toString(), "-config", cfg.toString(), specAbs.getFileName().toString()));
        StringBuilder output = new StringBuilder();
        ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(cmd).directory(specAbs.getParent().toFile())
            .redirectErrorStream(true), options.timeout(), line -> keepCount(line, output), line -> { });
        if (done.timedOut()) {
            throw new IOException("TLC's graph dump " + done.describeTimeout(options.timeout()));
        }
        return new Dump(file, done.exitCode(), distinct(output), done.seconds(), done.outputTail());
    }

    private static void keepCount(String line, StringBuilder sink) {
        if (DISTINCT.matcher(line).find()) {
            synchronized (sink) {
                sink.setLength(0);
                sink.append(line);
            }
        }
    }

    private static long distinct(StringBuilder line) {
        synchronized (line) {
            Matcher m = DISTINCT.matcher(line);
            return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
        }
    }
}
