package io.finalspec.toolkit.cpython;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.finalspec.toolkit.cli.UserError;

/** The mapping reader: the TOML subset, positioned errors, and which versions a mapping speaks for. */
class MappingTest {

    @TempDir
    Path tmp;

    private Path file(String text) throws Exception {
        Path f = tmp.resolve("X.mapping.toml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theShippedMappingReads() {
        Mapping m = Mapping.load(Path.of("../specs/ThreadJoin.mapping.toml"));
        assertEquals("gh116372-tstate-lock", m.model());
        assertEquals(List.of("3.9", "3.10", "3.11", "3.12"), m.versions());
        assertEquals(6, m.json().getAsJsonArray("location").size());
        assertTrue(m.actions().containsAll(List.of("JReadLock", "JStopClear", "AReturn", "AClearTstate", "AExitOs")));
        assertTrue(m.speaksFor("3.11.2") && m.speaksFor("3.12") && !m.speaksFor("3.13.0") && !m.speaksFor("3.1.5"));
    }

    @Test
    void tablesArraysStringsAndEscapes() throws Exception {
        JsonObject j = TomlSubset.read(file("""
            # a comment
            a = "x \\"y\\" \\\\ z"   # trailing comment
            list = ["p", "q"]
            [[loc]]
            k = "1"
            [[loc]]
            k = "2"
            [t]
            v = "# not a comment"
            """));
        assertEquals("x \"y\" \\ z", j.get("a").getAsString());
        assertEquals(2, j.getAsJsonArray("list").size());
        assertEquals("2", j.getAsJsonArray("loc").get(1).getAsJsonObject().get("k").getAsString());
        assertEquals("# not a comment", j.getAsJsonObject("t").get("v").getAsString());
    }

    @Test
    void mistakesArePositioned() throws Exception {
        assertError("a = \"x\"\nb = 3\n", ":2:5: a value is a \"string\" or an array of strings");
        assertError("a = \"x\nb = \"y\"\n", ":1:5: unclosed string");
        assertError("a = \"x\"\na = \"y\"\n", ":2:1: key a is given twice");
        assertError("[t]\n[t]\n", ":2:1: table [t] is defined twice");
        assertError("  just words\n", ":1:3: expected key = value");
        assertError("l = [\"a\", 1]\n", ":1:11: an array holds strings");
        assertError("spec = \"S.tla\"\n", ":1:1: the mapping has no model");
    }

    private void assertError(String text, String expected) throws Exception {
        Path f = file(text);
        UserError e = assertThrows(UserError.class, () -> Mapping.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().endsWith(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
