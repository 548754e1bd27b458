package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Runs {@code finalspec check} as a user would, on the test manifest. */
class CheckCommandTest {

    static final Path MANIFEST = Path.of("src/test/resources/tlc/models.toml").toAbsolutePath();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checksTheDefaultTierAndWritesJsonAndItf() throws Exception {
        Path json = tmp.resolve("out.json");
        Run r = run("check", "--manifest", MANIFEST.toString(), "--json", json.toString(), "--out", tmp.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 of 2 models as expected."), r.out());

        JsonArray rows = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        assertEquals(2, rows.size());
        Set<String> fields = Set.of("model", "spec", "expected", "actual", "states", "distinct", "depth", "seconds", "ok", "trace",
            "witnesses");
        for (JsonElement e : rows) {
            JsonObject row = e.getAsJsonObject();
            assertTrue(row.keySet().containsAll(fields), row.toString());
            assertTrue(row.get("ok").getAsBoolean());
            assertEquals(row.get("expected"), row.get("actual"));
        }
        JsonObject violated = rows.get(1).getAsJsonObject();
        assertEquals("invariant Small", violated.get("actual").getAsString());
        Path trace = Path.of(violated.get("trace").getAsString());
        assertItfTraceViolatesSmall(trace);
        assertTrue(rows.get(0).getAsJsonObject().get("trace").isJsonNull());

        JsonArray witnesses = rows.get(0).getAsJsonObject().getAsJsonArray("witnesses");
        assertEquals(1, witnesses.size());
        JsonObject atMax = witnesses.get(0).getAsJsonObject();
        assertEquals("AtMax", atMax.get("name").getAsString());
        assertTrue(atMax.get("reached").getAsBoolean());
        assertEquals(3, atMax.get("depth").getAsInt(), "x = 0, 2, 4 is the shortest path to x = Max = 4");
        assertEquals(0, rows.get(1).getAsJsonObject().getAsJsonArray("witnesses").size());
        assertTrue(r.out().contains("witness AtMax: reached at depth 3"), r.out());
        assertTrue(r.out().contains("1 of 1 witnesses reached"), r.out());
    }

    @Test
    void anUnreachableWitnessExitsOneWithAClearRow() throws Exception {
        Path m = copyOfTheTestManifest(Files.readString(MANIFEST)
            .replace("witnesses = [\"AtMax\"]", "witnesses = [\"AtMax\", \"Overflow\"]"));
        Path json = tmp.resolve("w.json");
        Run r = run("check", "--manifest", m.toString(), "--model", "counter-pass", "--out", tmp.toString(), "--json", json.toString());
        assertEquals(ExitCode.FAILED.code(), r.code(), r.out() + r.err());
        assertTrue(r.out().contains("pass (expected pass) ok"), r.out());
        assertTrue(r.out().contains("witness Overflow: UNREACHABLE: no reachable state of"), r.out());
        String row = r.out().lines().filter(l -> l.startsWith("counter-pass ")).findFirst().orElseThrow();
        assertTrue(row.contains("1/2") && row.endsWith("UNREACHED"), row);
        assertTrue(r.out().contains("0 of 1 models as expected; 1 MISMATCH or UNREACHED."), r.out());
        JsonObject only = JsonParser.parseString(Files.readString(json)).getAsJsonArray().get(0).getAsJsonObject();
        assertFalse(only.get("ok").getAsBoolean());
        assertFalse(only.getAsJsonArray("witnesses").get(1).getAsJsonObject().get("reached").getAsBoolean());
    }

    @Test
    void aWitnessTheSpecDoesNotDefineIsAPositionedInputError() throws Exception {
        Path m = copyOfTheTestManifest(Files.readString(MANIFEST).replace("witnesses = [\"AtMax\"]", "witnesses = [\"AtMin\"]"));
        Run r = run("check", "--manifest", m.toString(), "--model", "counter-pass");
        assertEquals(ExitCode.INPUT.code(), r.code(), r.out() + r.err());
        assertTrue(r.err().contains("models.toml:8:13: witness 'AtMin' is not an operator without parameters defined in Counter.tla"),
            r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void docTraceBlocksAreWrittenFromTheRunAndChecked() throws Exception {
        Path doc = tmp.resolve("bugs.md");
        Files.writeString(doc, "# Bugs\n\n<!-- tlc-trace: counter-small -->\nhand-written\n<!-- /tlc-trace -->\n\ntext\n"
            + "<!-- tlc-trace: counter-pass -->\n<!-- /tlc-trace -->\n<!-- tlc-trace: counter-deadlock -->\nkept\n<!-- /tlc-trace -->\n");
        Run write = run("check", "--manifest", MANIFEST.toString(), "--out", tmp.toString(), "-q", "--doc", doc.toString());
        assertEquals(0, write.code(), write.out() + write.err());
        assertTrue(write.out().contains("2 trace blocks written from this run, 2 of them changed."), write.out());
        String text = Files.readString(doc);
        assertTrue(text.contains("`counter-small`: TLC found **invariant Small**"), text);
        assertTrue(text.contains("    Init → Inc → Inc"), text);
        assertTrue(text.contains("witness `AtMax` reached in 3 states: Init → Inc → Inc"), text);
        assertTrue(text.contains("<!-- tlc-trace: counter-deadlock -->\nkept\n"), "a model not checked keeps its block: " + text);
        assertFalse(text.contains("hand-written"), text);

        Run same = run("check", "--manifest", MANIFEST.toString(), "--out", tmp.toString(), "-q", "--check-doc", doc.toString());
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("2 trace blocks compared with this run, 0 differ."), same.out());

        Files.writeString(doc, text.replace("invariant Small", "invariant Large"));
        Run differs = run("check", "--manifest", MANIFEST.toString(), "--model", "counter-small", "--out", tmp.toString(), "-q",
            "--check-doc", doc.toString());
        assertEquals(ExitCode.FAILED.code(), differs.code(), differs.out() + differs.err());
        assertTrue(differs.err().contains("the trace block of counter-small differs from what TLC found"), differs.err());
    }

    private Path copyOfTheTestManifest(String text) throws Exception {
        Path m = tmp.resolve("models.toml");
        Files.writeString(m, text);
        for (String f : List.of("Counter.tla", "Pass.cfg", "Invariant.cfg", "Deadlock.cfg")) {
            Files.copy(MANIFEST.getParent().resolve(f), tmp.resolve(f));
        }
        return m;
    }

    /** Reads the ITF file back and checks it is a real behaviour ending in a state with x >= 3. */
    private static void assertItfTraceViolatesSmall(Path trace) throws Exception {
        JsonObject itf = JsonParser.parseString(Files.readString(trace)).getAsJsonObject();
        assertEquals(List.of("x", "y"), itf.getAsJsonArray("vars").asList().stream().map(JsonElement::getAsString).toList());
        JsonArray states = itf.getAsJsonArray("states");
        JsonObject first = states.get(0).getAsJsonObject();
        assertEquals(0, first.get("x").getAsInt());
        assertEquals("a", first.get("y").getAsString());
        assertEquals("Init", first.getAsJsonObject("#meta").get("action").getAsString());
        Set<Integer> seenIndex = new HashSet<>();
        int prevX = -1;
        for (JsonElement s : states) {
            JsonObject st = s.getAsJsonObject();
            int x = st.get("x").getAsInt();
            assertTrue(x > prevX && x - Math.max(prevX, 0) <= 2, "each step adds 1 or 2");
            prevX = x;
            assertTrue(seenIndex.add(st.getAsJsonObject("#meta").get("index").getAsInt()));
        }
        assertTrue(prevX >= 3, "the last state violates Small");
        assertEquals("invariant Small", itf.getAsJsonObject("#meta").get("violation").getAsString());
    }

    @Test
    void largeTierRunsWithAllOrByName() {
        Run r = run("check", "--manifest", MANIFEST.toString(), "--model", "counter-deadlock", "--out", tmp.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("deadlock (expected deadlock) ok"), r.out());
    }

    @Test
    void mismatchExitsOne() throws Exception {
        Path m = tmp.resolve("models.toml");
        Files.writeString(m, Files.readString(MANIFEST).replace("expect = \"invariant Small\"", "expect = \"pass\""));
        for (String f : List.of("Counter.tla", "Pass.cfg", "Invariant.cfg", "Deadlock.cfg")) {
            Files.copy(MANIFEST.getParent().resolve(f), tmp.resolve(f));
        }
        Run r = run("check", "--manifest", m.toString(), "--model", "counter-small", "--out", tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("MISMATCH"));
    }

    @Test
    void userMistakesAreOneLineWithoutStackTraces() {
        Run unknown = run("check", "--manifest", MANIFEST.toString(), "--model", "nope");
        assertEquals(ExitCode.INPUT.code(), unknown.code());
        assertTrue(unknown.err().startsWith("finalspec: unknown model 'nope'"), unknown.err());
        assertFalse(unknown.err().contains("\tat "), unknown.err());

        Run missing = run("check", "--manifest", tmp.resolve("none.toml").toString());
        assertEquals(ExitCode.INPUT.code(), missing.code());
        assertTrue(missing.err().contains("none.toml:1:1: manifest not found"), missing.err());

        Run badOption = run("check", "--frobnicate");
        assertEquals(ExitCode.USAGE.code(), badOption.code());
        assertFalse(badOption.err().contains("\tat "));

        Run badHeap = run("check", "--manifest", MANIFEST.toString(), "--heap", "lots");
        assertEquals(ExitCode.USAGE.code(), badHeap.code());
    }

    @Test
    void listsModels() {
        Run r = run("check", "--manifest", MANIFEST.toString(), "--list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("counter-deadlock") && r.out().contains("large"), r.out());
    }
}
