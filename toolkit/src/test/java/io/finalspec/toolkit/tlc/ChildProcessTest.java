package io.finalspec.toolkit.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.manifest.Expectation;

/**
 * A child that stops doing anything must not hang its parent: it is killed at its deadline with
 * every process it started, and what it printed so far is kept for the failure message. The
 * children here are fakes that sleep.
 */
class ChildProcessTest {

    @TempDir
    Path tmp;

    /** A fake child: prints a line, starts a grandchild that sleeps too (printing its pid), then sleeps. */
    public static final class Sleeper {
        public static void main(String[] args) throws Exception {
            if (args.length > 0 && args[0].equals("grandchild")) {
                Thread.sleep(300_000);
                return;
            }
            System.out.println("started and about to hang");
            List<String> cmd = new ArrayList<>(Jvm.command("64m", Path.of(System.getProperty("java.io.tmpdir")), Sleeper.class));
            cmd.add("grandchild");
            Process grandchild = new ProcessBuilder(cmd).inheritIO().start();
            System.out.println("grandchild pid " + grandchild.pid());
            System.out.flush();
            Thread.sleep(300_000);
        }
    }

    /** A fake TLC: prints the start of TLC's tool-mode output, then never finishes. */
    public static final class HungTlc {
        public static void main(String[] args) throws Exception {
            System.out.println("@!@!@STARTMSG 2262:0 @!@!@");
            System.out.println("TLC2 Version 2.18 (fake, about to hang)");
            System.out.println("@!@!@ENDMSG 2262 @!@!@");
            System.out.flush();
            Thread.sleep(300_000);
        }
    }

    @Test
    void aHungChildIsKilledWithItsProcessTreeAndItsOutputKept() throws Exception {
        List<String> cmd = Jvm.command("64m", tmp, Sleeper.class);
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(cmd), Duration.ofSeconds(3), lines::add, l -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(done.timedOut());
        assertTrue(seconds < 30, "waited " + seconds + " s");
        assertTrue(done.outputTail().contains("started and about to hang"), done.outputTail());
        assertTrue(done.describeTimeout(Duration.ofSeconds(3)).startsWith("did not finish within 3 s and was killed"));
        Matcher m = Pattern.compile("grandchild pid (\\d+)").matcher(done.outputTail());
        assertTrue(m.find(), "the fake child started its grandchild: " + done.outputTail());
        Optional<ProcessHandle> grandchild = ProcessHandle.of(Long.parseLong(m.group(1)));
        if (grandchild.isPresent()) {
            grandchild.get().onExit().get(); // returns at once if it is gone; the test's own timeout catches a survivor
            assertFalse(grandchild.get().isAlive());
        }
    }

    @Test
    void aChildThatFinishesIsWaitedFor() throws Exception {
        Path script = Files.writeString(tmp.resolve("Hello.java"),
            "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); System.exit(3); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> out = new ArrayList<>();
        ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(java, script.toString()), Duration.ofSeconds(60),
            out::add, l -> { });
        assertFalse(done.timedOut());
        assertEquals(3, done.exitCode());
        assertEquals(List.of("hello"), out);
    }

    @Test
    void aHungTlcFailsTheRunWithItsOutput() throws Exception {
        Path dir = Path.of("src/test/resources/tlc").toAbsolutePath();
        TlcRunner runner = new TlcRunner(new TlcOptions(1, "64m", 2), HungTlc.class);
        long start = System.nanoTime();
        TlcResult r = runner.check(dir.resolve("Counter.tla"), dir.resolve("Pass.cfg"), p -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(Expectation.Kind.ERROR, r.outcome().kind());
        assertTrue(r.errorMessage().startsWith("TLC did not finish within 2 s and was killed"), r.errorMessage());
        assertTrue(r.errorMessage().contains("TLC2 Version 2.18 (fake, about to hang)"), r.errorMessage());
        assertTrue(seconds < 30, "waited " + seconds + " s");
    }

    @Test
    void theDefaultTimeoutComesFromAProperty() {
        String old = System.getProperty(ChildProcess.TIMEOUT_PROPERTY);
        try {
            System.clearProperty(ChildProcess.TIMEOUT_PROPERTY);
            assertEquals(Duration.ofSeconds(120), ChildProcess.defaultTimeout());
            assertEquals(120, TlcOptions.defaults().timeoutSeconds());
            System.setProperty(ChildProcess.TIMEOUT_PROPERTY, "7.5");
            assertEquals(Duration.ofMillis(7500), ChildProcess.defaultTimeout());
        } finally {
            if (old == null) {
                System.clearProperty(ChildProcess.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(ChildProcess.TIMEOUT_PROPERTY, old);
            }
        }
    }
}
