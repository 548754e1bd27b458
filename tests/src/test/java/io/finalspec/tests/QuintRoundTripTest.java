package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfType;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.toolkit.cli.Main;

/**
 * ITF both ways against a real producer and reader: Quint ({@code tests/quint}, pinned, installed
 * by {@code .ci/run}) simulates {@code Shelf.qnt} (a List, a record, a map) and writes ITF traces;
 * {@code finalspec trace} validates them against the TLA+ twin {@code Shelf.tla} through the real
 * main; finalspec's own ITF (a counterexample of {@code explore}, and Quint's traces read and
 * written again) is read by Quint's ITF reader ({@code ofItfNormalized}), which must see the very
 * values Quint wrote. Without Quint the test is skipped, except under {@code FINALSPEC_CI=1}.
 */
class QuintRoundTripTest {

    /** The pinned Quint package, installed by {@code npm ci} in {@code tests/quint}. */
    private static final Path QUINT_PACKAGE = Path.of("quint", "node_modules", "@informalsystems", "quint").toAbsolutePath();
    private static final Path QUINT = Path.of("quint", "node_modules", ".bin", "quint").toAbsolutePath();
    private static final String[] FILES = {"Shelf.qnt", "Shelf.tla", "Shelf.cfg", "ShelfFull.cfg", "read-itf.js"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void quintIsThere() throws IOException {
        boolean present = Files.isExecutable(QUINT) && Files.isDirectory(QUINT_PACKAGE);
        if (!present && "1".equals(System.getenv("FINALSPEC_CI"))) {
            fail("Quint is not installed in " + QUINT.getParent() + " (.ci/run installs it with npm ci in tests/quint)");
        }
        assumeTrue(present, "Quint is not installed: run `npm ci` in tests/quint to run this test");
        for (String f : FILES) {
            try (InputStream in = QuintRoundTripTest.class.getResourceAsStream("/quint/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    @Test
    void quintTracesAreBehavioursAndComeBackAsQuintWroteThem() throws Exception {
        Path out = Files.createDirectories(dir.resolve("quint-out"));
        // The TypeScript simulator: Quint's default Rust one downloads a binary on first use.
        run(List.of(QUINT.toString(), "run", "--backend=typescript", "--mbt", "--seed=0x2a", "--max-samples=4",
            "--max-steps=6", "--n-traces=4", "--out-itf=" + out.resolve("shelf_{seq}.itf.json"), "Shelf.qnt"));
        List<Path> traces;
        try (Stream<Path> s = Files.list(out)) {
            traces = s.sorted().toList();
        }
        assertEquals(4, traces.size(), traces.toString());
        Machine machine = Compiler.load(dir.resolve("Shelf.tla"), dir.resolve("Shelf.cfg"));
        List<Path> copies = new ArrayList<>();
        for (Path quintTrace : traces) {
            String text = Files.readString(quintTrace);
            assertTrue(text.contains("\"items\":[") && text.contains("\"#map\""), "Quint wrote a List and a map: " + text);
            assertEquals(0, finalspec("trace", quintTrace.toString(), "--spec", dir.resolve("Shelf.tla").toString()),
                quintTrace.getFileName().toString());

            Trace trace = Itf.read(Files.readAllBytes(quintTrace), machine.names()).toTrace(machine);
            Path again = dir.resolve("again-" + quintTrace.getFileName());
            Files.writeString(again, Itf.write(trace, "Shelf.tla",
                ItfType.declaredIn(Files.readString(dir.resolve("Shelf.tla")), machine.variables())));
            copies.add(again);
        }
        assertEquals(readByQuint(traces), readByQuint(copies), "Quint reads finalspec's copies as its own traces");

        // The producer's label is checked: the same states by another name put are not this behaviour.
        String text = Files.readString(traces.get(0));
        String other = text.contains("\"value\":\"a\"") ? text.replace("\"value\":\"a\"", "\"value\":\"b\"")
            : text.replace("\"value\":\"b\"", "\"value\":\"a\"");
        assertFalse(other.equals(text), "the trace puts a name");
        Path mutated = Files.writeString(dir.resolve("mutated.itf.json"), other);
        assertEquals(1, finalspec("trace", mutated.toString(), "--spec", dir.resolve("Shelf.tla").toString()));
    }

    @Test
    void quintReadsFinalspecsCounterexample() throws Exception {
        Path out = dir.resolve("fs-out");
        assertEquals(1, finalspec("explore", dir.resolve("Shelf.tla").toString(), "-c", dir.resolve("ShelfFull.cfg").toString(),
            "--out", out.toString()));
        Path trace;
        try (Stream<Path> s = Files.list(out.resolve("traces"))) {
            trace = s.findFirst().orElseThrow();
        }
        List<String> states = readByQuint(List.of(trace));
        assertEquals(4, states.size(), states.toString());
        String last = states.get(3);
        assertTrue(last.contains("\"opcode\":\"List\",\"args\":[{\"kind\":\"str\",\"value\":\"a\"}"), last);
        assertTrue(last.contains("\"opcode\":\"Map\""), "tally is a map, as Str -> Int says: " + last);
        assertTrue(last.contains("{\"kind\":\"str\",\"value\":\"count\"},{\"kind\":\"int\",\"value\":\"3\"}"), last);
        assertEquals(0, finalspec("trace", trace.toString(), "--spec", dir.resolve("Shelf.tla").toString()));
    }

    /** Quint's reading of ITF files: one normalized expression per state, file after file. */
    private static List<String> readByQuint(List<Path> itf) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", dir.resolve("read-itf.js").toString(), QUINT_PACKAGE.toString()));
        itf.forEach(f -> command.add(f.toString()));
        return run(command);
    }

    private static int finalspec(String... args) {
        StringWriter text = new StringWriter();
        PrintWriter both = new PrintWriter(text, true);
        int code = Main.run(args, both, both);
        System.out.println(text);
        return code;
    }

    /** Runs a process in the test's folder; its output lines, or a failure with them. */
    private static List<String> run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command + " did not end in 120 s");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + "\n" + text);
        return new ArrayList<>(text.lines().toList());
    }
}
