package io.finalspec.toolkit.tlc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way finalspec waits for a child JVM (TLC, its simulator, the oracle, a CLI run in a
 * test): with a deadline, after which the child <em>and every process it started</em> are killed,
 * and with the last lines it printed kept for the failure message. While it runs the child is
 * owned by {@link Children}, so a JVM stopped by a signal takes it down too.
 *
 * <p>Why: a TLC child once stopped doing anything and {@code CorpusExploreTest} waited on it for
 * more than 25 minutes (the same model takes TLC two seconds). A test suite must fail with the
 * child's output instead. Children started without an explicit limit get
 * {@link #defaultTimeout()}: {@value #TIMEOUT_PROPERTY} seconds if that system property is set,
 * else 120 s, far above the few seconds any test model takes.
 */
public final class ChildProcess {

    /** System property: the default deadline of a child, in seconds. */
    public static final String TIMEOUT_PROPERTY = "finalspec.child.timeout";

    /** Lines of output (both streams, in arrival order) kept for a failure message. */
    static final int TAIL_LINES = 60;

    private ChildProcess() {
    }

    /**
     * How a child ended.
     *
     * @param exitCode   its exit code (after a kill: the code the killed process reports)
     * @param timedOut   true when it was killed because the deadline passed
     * @param seconds    wall-clock seconds from start to end
     * @param outputTail its last {@value #TAIL_LINES} lines of standard output and error
     */
    public record Finished(int exitCode, boolean timedOut, double seconds, String outputTail) {

        /** "did not finish within 120 s and was killed; its last output: ..." for messages. */
        public String describeTimeout(Duration timeout) {
            return "did not finish within " + ChildProcess.seconds(timeout) + " s and was killed with its child processes"
                + (outputTail.isBlank() ? " (it printed nothing)" : "; its last output:\n" + outputTail);
        }
    }

    /** {@code -D}{@value #TIMEOUT_PROPERTY}{@code =SECONDS}, else 120 s. */
    public static Duration defaultTimeout() {
        String p = System.getProperty(TIMEOUT_PROPERTY);
        if (p == null || p.isBlank()) {
            return Duration.ofSeconds(120);
        }
        try {
            double s = Double.parseDouble(p.strip());
            if (s > 0) {
                return Duration.ofMillis(Math.round(s * 1000));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("-D" + TIMEOUT_PROPERTY + " must be a positive number of seconds, not '" + p + "'");
    }

    /**
     * Starts {@code builder}'s command, hands each line of its standard output and standard error
     * to the two consumers (on reader threads) and waits until it exits or {@code timeout} passes
     * ({@link Duration#ZERO}: no limit, only for a limit a user chose on the command line).
     * Standard input is closed at once.
     */
    public static Finished run(ProcessBuilder builder, Duration timeout, Consumer<String> stdout, Consumer<String> stderr)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = Children.ofThisJvm().start(builder);
        try {
            return await(process, builder.redirectErrorStream(), timeout, start, stdout, stderr);
        } finally {
            Children.ofThisJvm().release(process);
        }
    }

    private static Finished await(Process process, boolean mergedStreams, Duration timeout, long start,
            Consumer<String> stdout, Consumer<String> stderr) throws InterruptedException, IOException {
        process.getOutputStream().close();
        Deque<String> tail = new ArrayDeque<>();
        Thread out = reader(process.getInputStream(), stdout, tail, "child-stdout");
        Thread err = mergedStreams ? null : reader(process.getErrorStream(), stderr, tail, "child-stderr");
        boolean timedOut = false;
        try {
            if (timeout.isZero()) {
                process.waitFor();
            } else {
                timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            killTree(process);
            throw e;
        }
        if (timedOut) {
            killTree(process);
        }
        // The pipes close when the child dies; a grandchild that inherited them could keep them open, so wait boundedly.
        out.join(5000);
        if (err != null) {
            err.join(5000);
        }
        String kept;
        synchronized (tail) {
            kept = String.join("\n", tail);
        }
        int code = process.isAlive() ? -1 : process.exitValue();
        return new Finished(code, timedOut, (System.nanoTime() - start) / 1e9, kept);
    }

    /** Kills the process and all its descendants (descendants first, so none is re-parented and left running). */
    public static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
    }

    private static Thread reader(InputStream stream, Consumer<String> sink, Deque<String> tail, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(TlcLauncher.PROGRESS_PREFIX) || line.startsWith(PeakMemory.PREFIX)) {
                        sink.accept(line); // our own progress and memory samples: not output worth showing in a failure
                        continue;
                    }
                    synchronized (tail) {
                        if (tail.size() == TAIL_LINES) {
                            tail.removeFirst();
                        }
                        tail.addLast(line);
                    }
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the child is gone; what it printed so far is kept
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
