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
}
