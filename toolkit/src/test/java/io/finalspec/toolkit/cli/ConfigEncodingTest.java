package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model config that is not UTF-8 is bad input at its first bad byte (issue 18), through the real {@code main}. */
class ConfigEncodingTest {
    static final Path SPEC = Path.of("src/test/resources/explore/ConstantFormulas.tla").toAbsolutePath();

    @TempDir
    Path tmp;

    @Test
    void aByteThatIsNotUtf8IsReportedWhereItIs() throws IOException {
        Path cfg = tmp.resolve("Bad.cfg");
        byte[] head = "CONSTANT N = 1\nINIT Init\nNEXT N".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "ext\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
        Files.write(cfg, bytes);
        StringWriter out = new StringWriter();
        String[] args = {"explore", SPEC.toString(), "--config", cfg.toString(), "--out", tmp.toString()};
        assertEquals(3, Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true)), out.toString());
        assertTrue(out.toString().contains("Bad.cfg:3:7: not UTF-8 (byte 0xff)"), out.toString());
        assertFalse(out.toString().contains("Bad.cfg:1:1"), out.toString());
    }
}
