package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code finalspec trace}: TLC's counterexample is a behaviour; an edited one is not; garbage is an input error. */
class TraceCommandTest {

    static final Path DIR = Path.of("src/test/resources/tlc").toAbsolutePath();

    @TempDir
    Path tmp;

    private int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    void tlcCounterexampleIsABehaviourAndAnEditedOneIsNot() throws Exception {
        StringWriter ignored = new StringWriter();
        assertEquals(0, run(ignored, "check", "--manifest", DIR.resolve("models.toml").toString(), "-m", "counter-small",
            "--out", tmp.toString(), "-q"));
        Path itf = tmp.resolve("traces/counter-small.itf.json");
        String[] args = {"trace", itf.toString(), "--spec", DIR.resolve("Counter.tla").toString(), "-c", DIR.resolve("Invariant.cfg").toString()};

        StringWriter ok = new StringWriter();
        assertEquals(0, run(ok, args), ok.toString());
        assertTrue(ok.toString().contains("a behaviour of Counter.tla (3 states)"), ok.toString());

        String text = Files.readString(itf);
        int last = text.lastIndexOf("\"x\": ");
        Files.writeString(itf, text.substring(0, last) + "\"x\": 4" + text.substring(text.indexOf(',', last)));
        StringWriter bad = new StringWriter();
        assertEquals(1, run(bad, args), bad.toString());
        assertTrue(bad.toString().contains("NOT a behaviour") && bad.toString().contains("x:"), bad.toString());

        Files.writeString(itf, "{\"states\": 3}");
        StringWriter garbage = new StringWriter();
        assertEquals(3, run(garbage, args));
        assertTrue(garbage.toString().startsWith("finalspec: ") && !garbage.toString().contains("\tat "), garbage.toString());
    }

    /**
     * Many traces in one process, through the real main: a folder, several files and JSON lines on
     * standard input; one edited trace makes the run fail (exit 1) and is named with its first bad step.
     */
    @Test
    void validatesManyTracesFromFoldersFilesAndStandardInput() throws Exception {
        StringWriter ignored = new StringWriter();
        assertEquals(0, run(ignored, "check", "--manifest", DIR.resolve("models.toml").toString(), "-m", "counter-small",
            "--out", tmp.toString(), "-q"));
        String good = Files.readString(tmp.resolve("traces/counter-small.itf.json"));
        int last = good.lastIndexOf("\"x\": ");
        String bad = good.substring(0, last) + "\"x\": 4" + good.substring(good.indexOf(',', last));
        Path folder = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 50; i++) {
            Files.writeString(folder.resolve(String.format("t%02d.itf.json", i)), good);
        }
        String spec = DIR.resolve("Counter.tla").toString();
        String cfg = DIR.resolve("Invariant.cfg").toString();

        StringWriter ok = new StringWriter();
        assertEquals(0, run(ok, "trace", folder.toString(), folder.resolve("t00.itf.json").toString(), "--spec", spec, "-c", cfg), ok.toString());
        assertTrue(ok.toString().contains("51 traces (102 steps) checked") && ok.toString().contains("; 0 not a behaviour"), ok.toString());

        Path broken = Files.writeString(folder.resolve("t25.itf.json"), bad);
        StringWriter one = new StringWriter();
        assertEquals(1, run(one, "trace", folder.toString(), "--spec", spec, "-c", cfg), one.toString());
        assertTrue(one.toString().contains(broken + ": NOT a behaviour") && one.toString().contains("x:")
            && one.toString().contains("; 1 not a behaviour"), one.toString());

        String lines = good.replace("\n", " ") + "\n" + bad.replace("\n", " ") + "\n\n" + good.replace("\n", " ") + "\n";
        java.io.InputStream stdin = System.in;
        StringWriter piped = new StringWriter();
        try {
            System.setIn(new java.io.ByteArrayInputStream(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(1, run(piped, "trace", "-", "--spec", spec, "-c", cfg), piped.toString());
        } finally {
            System.setIn(stdin);
        }
        assertTrue(piped.toString().contains("<stdin>:2: NOT a behaviour") && piped.toString().contains("3 traces (6 steps)"),
            piped.toString());
    }
}
