package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code finalspec explore} through the real {@code main} and exit code, on
 * {@code src/test/resources/explore/Mutex.tla} (TLC 2.18, 15 states generated, 8 distinct: Weak.cfg
 * "Temporal properties were violated" with a cycle back to state 4; Strong.cfg no error;
 * Nested.cfg violated, but Nested is outside the checked forms).
 */
class ExploreLivenessCommandTest {

    static final Path DIR = Path.of("src/test/resources/explore").toAbsolutePath();

    @TempDir
    Path tmp;

    private int run(StringWriter out, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    private String[] explore(String cfg) {
        return new String[] {"explore", DIR.resolve("Mutex.tla").toString(), "-c", DIR.resolve(cfg).toString(),
            "--out", tmp.toString(), "--json", tmp.resolve(cfg + ".json").toString()};
    }

    private JsonObject json(String cfg) throws Exception {
        return JsonParser.parseString(Files.readString(tmp.resolve(cfg + ".json"))).getAsJsonObject();
    }

    @Test
    void livenessViolationIsALassoAndExitsOne() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, explore("Weak.cfg")), out.toString());
        String text = out.toString();
        assertTrue(text.contains("Mutex.tla with Weak.cfg: property NoStarve is violated"), text);
        assertTrue(text.matches("(?s).*\\d+: back to state \\d+\\n.*"), text);
        assertTrue(text.contains("15 states generated, 8 distinct states"), text);
        assertTrue(text.contains("NoStarve (violated)") && text.contains("fairness:           4 conditions"), text);
        JsonObject j = json("Weak.cfg");
        assertEquals("property", j.get("result").getAsString());
        assertEquals("NoStarve", j.get("violated").getAsString());
        String itf = Files.readString(Path.of(j.get("trace").getAsString()));
        assertEquals(j.get("loop").getAsInt(), JsonParser.parseString(itf).getAsJsonObject().get("loop").getAsInt());
    }

    @Test
    void everyPartOfTheConfigIsReportedAndAPassExitsZero() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, explore("Strong.cfg")), out.toString());
        String text = out.toString();
        assertTrue(text.contains("Mutex.tla with Strong.cfg: no violation"), text);
        for (String part : new String[] {"invariants:         TypeOK", "NoStarve (checked (safety and liveness))",
            "Props (checked (safety and liveness))", "deadlock:           yes", "ASSUMEs:            none",
            "constraints:        none", "action constraints: none", "symmetry:           none", "view:               none"}) {
            assertTrue(text.contains(part), () -> part + " in\n" + text);
        }
        assertEquals("pass", json("Strong.cfg").get("result").getAsString());
    }

    @Test
    void propertyOutsideTheFormsIsNotCheckedNeverPassed() throws Exception {
        StringWriter out = new StringWriter();
        assertEquals(5, run(out, explore("Nested.cfg")), out.toString());
        String text = out.toString();
        assertTrue(text.contains("safety only: property Nested not checked ("), text);
        assertTrue(text.contains("Nested (not checked: ") && text.contains("Props (checked (safety and liveness))"), text);
        JsonObject j = json("Nested.cfg");
        assertEquals("safety only", j.get("result").getAsString());
        assertEquals("Nested", j.getAsJsonArray("not_checked").get(0).getAsJsonObject().get("property").getAsString());
    }
}
