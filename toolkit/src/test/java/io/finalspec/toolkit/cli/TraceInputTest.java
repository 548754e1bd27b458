package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed ITF given to {@code finalspec trace}: each is bad input (exit 3) reported as one line
 * {@code file:line:column: message}, never a library's exception or a stack trace, and never
 * accepted as a behaviour.
 */
class TraceInputTest {

    static final Path DIR = Path.of("src/test/resources/tlc").toAbsolutePath();
    static final String GOOD_STATE = "{\"x\": 0, \"y\": \"a\"}";

    @TempDir
    Path tmp;

    private String rejected(byte[] content, String expectedPosition, String expectedText) throws Exception {
        Path file = tmp.resolve("t.itf.json");
        Files.write(file, content);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"trace", file.toString(), "--spec", DIR.resolve("Counter.tla").toString(),
            "-c", DIR.resolve("Invariant.cfg").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));
        String e = err.toString();
        assertEquals(ExitCode.INPUT.code(), code, out + e);
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("finalspec: " + file + ":" + expectedPosition + ": "), e);
        assertTrue(e.contains(expectedText), e);
        return e;
    }

    private String rejected(String json, String expectedPosition, String expectedText) throws Exception {
        return rejected(json.getBytes(StandardCharsets.UTF_8), expectedPosition, expectedText);
    }

    @Test
    void invalidUtf8() throws Exception {
        rejected(new byte[] {'{', '"', 's', (byte) 0xFF, '"'}, "1:4", "not UTF-8");
    }

    @Test
    void mapEntryThatIsNotAPair() throws Exception {
        rejected("{\"states\": [{\"x\": 0,\n  \"y\": {\"#map\": [[1]]}}]}", "2:18", "a #map entry must be a [key, value] pair");
    }

    @Test
    void nestingDeeperThanAnyStack() throws Exception {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        rejected("{\"states\": [{\"x\": 0, \"y\": " + deep + "}]}", "1:" + (26 + 500 - 2), "nested deeper than 500");
    }

    @Test
    void noStates() throws Exception {
        rejected("{\"vars\": [\"x\", \"y\"], \"states\": []}", "1:32", "\"states\" is empty");
    }

    @Test
    void variablesTheSpecLacks() throws Exception {
        rejected("{\"vars\": [\"x\", \"y\", \"z\"],\n \"states\": [{\"x\": 0, \"y\": \"a\", \"z\": 1}]}", "1:10", "not in the spec: z");
        rejected("{\"states\": [{\"x\": 0, \"y\": \"a\", \"z\": 1}]}", "1:13", "not in the spec: z");
    }

    @Test
    void aVariableNoStateHas() throws Exception {
        rejected("{\"vars\": [\"x\", \"y\"], \"states\": [{\"x\": 0}]}", "1:33", "has no value for variable y");
        rejected("{\"vars\": [\"x\"], \"states\": [{\"x\": 0}]}", "1:10", "missing: y");
    }

    @Test
    void otherMalformedParts() throws Exception {
        rejected("{\"states\": 3}", "1:12", "\"states\" must be an array");
        rejected("[" + GOOD_STATE + "]", "1:1", "an ITF trace is an object");
        rejected("{\"states\": [" + GOOD_STATE + "], \"states\": []}", "1:34", "duplicate key \"states\"");
        rejected("{\"states\": [{\"x\": 1.5, \"y\": \"a\"}]}", "1:19", "number 1.5 is not an integer");
        rejected("{\"states\": [{\"x\": 99999999999, \"y\": \"a\"}]}", "1:19", "does not fit TLC's 32-bit integers");
        rejected("{\"states\": [{\"x\": {\"#set\": [1, \"a\"]}, \"y\": \"a\"}]}", "1:19", "compare");
        rejected("{\"states\": [" + GOOD_STATE + ", {\"#meta\": {\"action\": \"Inc(n=)\"}, \"x\": 1, \"y\": \"b\"}]}",
            "1:54", "bad action label");
        rejected("{\"states\": [" + GOOD_STATE, "1:31", "end of file");
        rejected("", "1:1", "end of file");
    }
}
