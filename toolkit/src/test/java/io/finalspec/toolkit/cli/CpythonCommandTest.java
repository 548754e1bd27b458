package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.finalspec.toolkit.cli.CliProcess.Result;

/**
 * {@code finalspec cpython} through the real main on Debian's CPython 3.11: the join scenario's
 * recorded traces validate, TLC's gh-116372 counterexample ends in the real AssertionError, a
 * wrong mapping is caught (exit 1, exit 3). Skipped when /usr/bin/python3.11 is absent, unless
 * FINALSPEC_CI=1 (CI installs it, see .ci/run), where its absence is a failure.
 */
class CpythonCommandTest {

    static final Path PYTHON = Path.of("/usr/bin/python3.11");
    static final Path SPECS = Path.of("../specs").toAbsolutePath().normalize();
    static final String MANIFEST = SPECS.resolve("models.toml").toString();
    static final String MAPPING = "ThreadJoin.mapping.toml";

    @TempDir
    Path tmp;

    /** Every test but the missing-interpreter one runs Debian's interpreter. */
    private static void needsPython() {
        boolean ci = "1".equals(System.getenv("FINALSPEC_CI"));
        assertTrue(!ci || Files.isExecutable(PYTHON), "FINALSPEC_CI=1 but " + PYTHON + " is missing (.ci/run installs it)");
        assumeTrue(Files.isExecutable(PYTHON), PYTHON + " is not installed: apt-get install python3.11 to run these tests");
    }

    private static void assertExit(int code, Result r) {
        assertEquals(code, r.code(), r.all());
        assertFalse(r.err().contains("\tat ") || r.out().contains("\tat "), "no stack trace on the terminal: " + r.all());
    }

    @Test
    void joinScenarioValidatesAndTheCounterexampleEndsInTheRealAssertionError() throws Exception {
        needsPython();
        Path json = tmp.resolve("rows.json");
        Result r = CliProcess.run(tmp, "cpython", "--python", PYTHON.toString(), "--runs", "150", "--seed", "7",
            "--embed-runs", "20", "--gdb-runs", "2", "--manifest", MANIFEST, "--json", json.toString());
        assertExit(0, r);
        JsonArray rows = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        JsonObject random = row(rows, "gh116372-tstate-lock", "random schedules");
        assertEquals(150, random.get("traces").getAsInt());
        assertEquals(150, random.get("validated").getAsInt(), r.all());
        JsonObject replay = row(rows, "gh116372-tstate-lock", "TLC counterexample replayed");
        assertEquals("ok", replay.get("verdict").getAsString(), r.all());
        assertTrue(replay.get("interpreter").getAsString().contains("B: AssertionError in Thread._stop"), r.all());
        // The side-by-side table: TLC's steps as the interpreter performed them, as docs/cpython.md quotes it,
        // with the line numbers of the threading.py actually installed (a Debian update may move them).
        List<String> printed = r.out().lines().map(String::strip).toList();
        for (String line : withInstalledLines(quotedReplay(), installedLines())) {
            assertTrue(printed.contains(line), "docs/cpython.md quotes a line the command does not print: " + line + "\n" + r.all());
        }
        // The C level: every run of the harness as gh87135-unwind and gh96387-fixed predict (needs gcc and python3.11-dev).
        if (!"1".equals(System.getenv("FINALSPEC_CI")) && !Files.isExecutable(Path.of("/usr/bin/python3.11-config"))) {
            return;
        }
        JsonObject unwind = row(rows, "gh87135-unwind", "C:");
        assertEquals(20, unwind.get("validated").getAsInt(), r.all());
        assertEquals("ok", row(rows, "gh96387-fixed", "C:").get("verdict").getAsString(), r.all());
        // gh-110052's window forced with gdb on the debug build (needs gdb and python3.11-dbg)
        if (!"1".equals(System.getenv("FINALSPEC_CI")) && !(Files.isExecutable(Path.of("/usr/bin/gdb"))
                && Files.isExecutable(Path.of("/usr/bin/python3.11d-config")))) {
            return;
        }
        JsonObject window = row(rows, "gh110052-interp-window", "");
        assertEquals("ok", window.get("verdict").getAsString(), r.all());
        assertEquals(2, window.get("validated").getAsInt(), r.all());
        assertTrue(window.get("interpreter").getAsString().contains("read 0xdddddddddddddddd"), r.all());
    }

    @Test
    void theQuotedLineNumbersAreTakenFromTheInstalledInterpreter() throws Exception {
        // as if a Debian update had moved threading.py's lines: every quoted number follows the interpreter
        Map<String, Integer> moved = new HashMap<>();
        for (String action : List.of("JReadLock", "JAcquire", "JRelease", "JStopAssert", "JStopSetFlag", "JStopClear")) {
            moved.put(action, 5000 + moved.size());
        }
        moved.put("assert", 6000);
        List<String> quoted = quotedReplay();
        List<String> derived = withInstalledLines(quoted, moved);
        assertEquals(quoted.size(), derived.size());
        assertTrue(derived.contains("3    JReadLock(B)           JReadLock: B ran Thread._wait_for_tstate_lock line 5000"), derived.toString());
        assertTrue(derived.stream().anyMatch(l -> l.endsWith("B: AssertionError in Thread._stop (threading.py line 6000)")), derived.toString());
        assertFalse(derived.stream().anyMatch(l -> l.matches(".*line 1[01]\\d\\d\\b.*")), "no 3.11.2 number left: " + derived);
    }

    /** {@code JReadLock: B ran Thread._wait_for_tstate_lock line 1125}: group 1 the action, 2 the line. */
    private static final Pattern RAN = Pattern.compile("(\\w+): \\w+ ran [\\w.]+ line (\\d+)");
    /** {@code AssertionError in Thread._stop (threading.py line 1063)}: group 1 the line. */
    private static final Pattern ASSERTED = Pattern.compile("AssertionError in Thread\\._stop \\(threading\\.py line (\\d+)\\)");

    /**
     * The quoted lines with each line number replaced by the installed interpreter's: the line of
     * the mapped location of the step's action, or of the assert statement in {@code Thread._stop}.
     */
    static List<String> withInstalledLines(List<String> quoted, Map<String, Integer> installed) {
        List<String> out = new ArrayList<>();
        for (String line : quoted) {
            Matcher ran = RAN.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (ran.find()) {
                Integer at = installed.get(ran.group(1));
                assertTrue(at != null, "docs/cpython.md quotes action " + ran.group(1) + ", which the mapping does not locate");
                ran.appendReplacement(sb, Matcher.quoteReplacement(
                    ran.group().substring(0, ran.start(2) - ran.start()) + at));
            }
            ran.appendTail(sb);
            Matcher asserted = ASSERTED.matcher(sb.toString());
            out.add(asserted.find() ? asserted.replaceAll(Matcher.quoteReplacement(
                "AssertionError in Thread._stop (threading.py line " + installed.get("assert") + ")")) : sb.toString());
        }
        return out;
    }

    /**
     * Asks the installed interpreter, independently of the scenario script, where each mapped
     * action's line and {@code Thread._stop}'s assert statement are: action name to line number.
     */
    private static Map<String, Integer> installedLines() throws Exception {
        String script = String.join("\n",
            "import inspect, sys, threading, tomllib",
            "def at(function, pattern, occurrence):",
            "    obj = threading",
            "    for part in function.split('.'):",
            "        obj = getattr(obj, part)",
            "    lines, start = inspect.getsourcelines(obj)",
            "    hits = [start + i for i, t in enumerate(lines) if pattern in t and not t.strip().startswith('#')]",
            "    return hits[max(occurrence, 1) - 1]",
            "with open(sys.argv[1], 'rb') as f:",
            "    mapping = tomllib.load(f)",
            "for loc in mapping['location']:",
            "    print(loc['action'], at(loc['function'], loc['pattern'], int(loc.get('occurrence', '0'))))",
            "print('assert', at('Thread._stop', 'assert ', 0))",
            "");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script, SPECS.resolve(MAPPING).toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, Integer> lines = new HashMap<>();
        for (String l : out.strip().split("\n")) {
            String[] parts = l.strip().split(" ");
            lines.put(parts[0], Integer.parseInt(parts[1]));
        }
        return lines;
    }

    /** The replay block of docs/cpython.md, between its markers, lines stripped. */
    private static List<String> quotedReplay() throws Exception {
        String doc = Files.readString(SPECS.resolveSibling("docs").resolve("cpython.md"));
        int from = doc.indexOf("<!-- replay -->");
        int to = doc.indexOf("<!-- /replay -->");
        assertTrue(from >= 0 && to > from, "docs/cpython.md has the replay block");
        List<String> lines = doc.substring(from, to).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("<!--") && !l.startsWith("```")).toList();
        assertTrue(lines.size() >= 10, "the block has the steps: " + lines);
        return lines;
    }

    /** The row of {@code model} whose scenario starts with {@code scenario}; exactly one. */
    private static JsonObject row(JsonArray rows, String model, String scenario) {
        List<JsonObject> found = new ArrayList<>();
        rows.forEach(e -> {
            JsonObject o = e.getAsJsonObject();
            if (o.get("model").getAsString().equals(model) && o.get("scenario").getAsString().startsWith(scenario)) {
                found.add(o);
            }
        });
        assertEquals(1, found.size(), "rows of " + model + " / " + scenario + " in " + rows);
        return found.get(0);
    }

    @Test
    void shutdownScenarioRunsThroughTheRealFinalizationAndValidates() throws Exception {
        needsPython();
        Path json = tmp.resolve("rows.json");
        Path traces = tmp.resolve("traces");
        Result r = CliProcess.run(tmp, "cpython", "--python", PYTHON.toString(), "--runs", "120", "--seed", "11",
            "--embed-runs", "0", "--gdb-runs", "0", "--manifest", MANIFEST, "--json", json.toString(), "--traces", traces.toString());
        assertExit(0, r);
        JsonArray rows = JsonParser.parseString(Files.readString(json)).getAsJsonArray();
        JsonObject random = row(rows, "gh104690-atexit-crash", "threading._shutdown and atexit, random schedules");
        assertEquals(120, random.get("traces").getAsInt(), r.all());
        assertEquals(120, random.get("validated").getAsInt(), r.all());
        assertTrue(random.get("interpreter").getAsString().contains("exit status 0 x120"), r.all());
        // Its counterexample ends in C code no tracer holds: the row says so and is not a failure.
        JsonObject replay = row(rows, "gh104690-atexit-crash", "TLC counterexample");
        assertEquals("skipped", replay.get("verdict").getAsString(), r.all());
        // Each trace goes through the real _shutdown and atexit: M's steps in the spec's order.
        String trace = Files.readString(traces.resolve("gh104690-atexit-crash-0.itf.json"));
        int returns = trace.indexOf("\"MainReturns\""), shutdown = trace.indexOf("\"ThreadingShutdown\""),
            atexit = trace.indexOf("\"RunAtexit\""), started = trace.indexOf("\"AtexitStartReturns\"");
        assertTrue(0 < returns && returns < shutdown && shutdown < atexit && atexit < started, trace);
    }

    @Test
    void aShutdownMappingThatMisreadsTheStateIsCaught() throws Exception {
        needsPython();
        Path dir = Files.createDirectories(tmp.resolve("mappings"));
        String name = "ThreadStartShutdown.mapping.toml";
        String text = Files.readString(SPECS.resolve(name));
        // Claim that interp->finalizing never changes: MainReturns's step no longer matches the spec.
        String wrong = text.replace("interpFinalizing = \"mpc != 'main'\"", "interpFinalizing = \"False\"");
        assertFalse(wrong.equals(text));
        Files.writeString(dir.resolve(name), wrong);
        Result r = CliProcess.run(tmp, "cpython", "--python", PYTHON.toString(), "--runs", "5", "--embed-runs", "0", "--gdb-runs", "0",
            "--manifest", MANIFEST, "--mappings", dir.toString());
        assertExit(1, r);
        assertTrue(r.out().contains("first trace the spec does not allow") && r.out().contains("NOT ALLOWED"), r.all());
        assertTrue(r.out().contains("interpFinalizing: expected"), "the first bad step comes with its diff: " + r.all());
    }

    @Test
    void aMappingThatMisreadsTheCodeIsCaughtWithTheFirstBadStep() throws Exception {
        needsPython();
        Path dir = Files.createDirectories(tmp.resolve("mappings"));
        String text = Files.readString(SPECS.resolve(MAPPING));
        // Swap what two locations say about the joiner: the observed states stop being spec states.
        String wrong = text.replace("action = \"JStopSetFlag\"\npc = \"stop_set\"", "action = \"JStopSetFlag\"\npc = \"stop_clear\"");
        assertFalse(wrong.equals(text));
        Files.writeString(dir.resolve(MAPPING), wrong);
        Result r = CliProcess.run(tmp, "cpython", "--python", PYTHON.toString(), "--runs", "20", "--embed-runs", "0", "--gdb-runs", "0", "--manifest", MANIFEST,
            "--mappings", dir.toString());
        assertExit(1, r);
        assertTrue(r.out().contains("first trace the spec does not allow") && r.out().contains("NOT ALLOWED"), r.all());
        assertTrue(r.out().contains("jPc: expected"), "the first bad step comes with its diff: " + r.all());
    }

    @Test
    void aLocationMissingFromThisVersionIsAnErrorNamingIt() throws Exception {
        needsPython();
        Path dir = Files.createDirectories(tmp.resolve("mappings"));
        Files.writeString(dir.resolve(MAPPING), Files.readString(SPECS.resolve(MAPPING))
            .replace("pattern = \"self._is_stopped = True\"", "pattern = \"self._is_stopped = 'yes'\""));
        Result r = CliProcess.run(tmp, "cpython", "--python", PYTHON.toString(), "--gdb-runs", "0", "--manifest", MANIFEST,
            "--mappings", dir.toString());
        assertExit(3, r);
        assertTrue(r.err().contains("location stop_set") && r.err().contains("of CPython 3.11."), r.all());
    }

    @Test
    void aMissingInterpreterIsExit3() throws Exception {
        Result r = CliProcess.run(tmp, "cpython", "--python", tmp.resolve("no-python").toString(), "--manifest", MANIFEST);
        assertExit(3, r);
        assertTrue(r.err().contains("no Python interpreter there"), r.all());
    }
}
