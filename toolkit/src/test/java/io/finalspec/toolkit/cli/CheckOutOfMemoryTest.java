package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC running out of memory inside {@code check} is a resource, not a failed check (issue 18):
 * exit 6 with what to do, through the real {@code main}. TLC 2.18 with {@code -Xmx16m} on Big.tla
 * prints "Error: Java heap space" and exits 75.
 */
class CheckOutOfMemoryTest {
    static final Path MANIFEST = Path.of("src/test/resources/tlc-oom/models.toml").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aFullTlcHeapExitsSixWithWhatToDo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = {"check", "--manifest", MANIFEST.toString(), "--heap", "16m", "--out", tmp.toString()};
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(6, code, out + "\n" + err);
        assertTrue(err.toString().contains("out of memory: TLC filled its heap (--heap 16m) on big; raise --heap"),
            err.toString());
        assertTrue(out.toString().contains("TLC ran out of memory after"), out.toString());
    }
}
