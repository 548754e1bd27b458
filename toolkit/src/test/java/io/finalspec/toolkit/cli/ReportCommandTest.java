package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code finalspec report} through the real main: the page has the check table, the bug table
 * linked to the drawings, one drawing per distinct counterexample (TLC's, then the fewest-switch
 * ones), escaped values; missing or malformed inputs are one-line errors with exit 3.
 */
class ReportCommandTest {

    static final Path DIR = Path.of("src/test/resources/report").toAbsolutePath();

    @TempDir
    Path tmp;

    /** The arguments of a report over the test resources into {@code out}. */
    static String[] args(Path out, String... more) {
        String[] base = {"report", "--out", out.toString(), "--check", DIR.resolve("check.json").toString(),
            "--manifest", DIR.resolve("models.toml").toString(), "--bugs", DIR.resolve("bugs.md").toString(),
            "--results", DIR.resolve("explore.json").toString()};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void writesThePageThroughMain() throws Exception {
        Path out = tmp.resolve("report");
        CliProcess.Result r = CliProcess.run(tmp, args(out));
        assertEquals(0, r.code(), r.all());
        // TLC's trace a b a b: 4 steps, 3 switches; a b b a: 2; Prep a a b b: 5 steps, 1 switch.
        assertTrue(r.out().contains("| lockstep-bug | 4 | 3 | 4 | 2 | 5 | 1 |"), r.all());
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(3, count(html, "<svg "), "TLC's trace and two fewest-switch traces");
        assertTrue(html.contains("id=\"check-table\"") && html.contains("<td>lockstep-bug</td>"), html);
        assertTrue(html.contains("<a href=\"#cx-1-lockstep-bug\">lockstep-bug</a> lockstep-other"), "bug table links the drawn model only");
        assertTrue(html.contains("<td>invariant</td>"), "the explore result's table");
        assertFalse(html.contains("<b>&</b>"), "values are escaped");
        assertTrue(html.contains("&quot;&lt;b&gt;&amp;&lt;/b&gt;&quot;") || html.contains("&#34;&lt;b&gt;&amp;&lt;/b&gt;&#34;"), html);
        assertFalse(html.contains("http://") && html.contains("<script src"), "no external script");
        assertEquals(5 + 5 + 6, count(html, "<table class=\"state\""), "one hidden state table per state of each drawing");
        assertTrue(Files.readString(out.resolve("switches.md")).contains("| lockstep-bug | 4 | 3 | 4 | 2 | 5 | 1 |"));
    }

    @Test
    void missingAndMalformedInputsAreOneLineErrors() throws Exception {
        Path out = tmp.resolve("r");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        assertEquals(3, run(o, e, args(out, "--no-search", "--trace", tmp.resolve("nope.itf.json").toString())));
        assertTrue(e.toString().contains("nope.itf.json: trace not found"), e.toString());

        Path bad = tmp.resolve("bad.itf.json");
        Files.writeString(bad, "{\"states\": [\n  {\"x\": 1},\n  3\n]}");
        e = new StringWriter();
        assertEquals(3, run(o, e, args(out, "--no-search", "--trace", bad.toString())));
        assertTrue(e.toString().startsWith("finalspec: " + bad + ":3:3: "), e.toString());

        Path notJson = tmp.resolve("check.json");
        Files.writeString(notJson, "[{\"model\": ");
        e = new StringWriter();
        assertEquals(3, run(o, e, "report", "--out", out.toString(), "--check", notJson.toString()));
        assertTrue(e.toString().contains("check.json: not JSON"), e.toString());

        e = new StringWriter();
        assertEquals(3, run(o, e, "report", "--out", out.toString(), "--check", tmp.resolve("none.json").toString()));
        assertTrue(e.toString().contains("none.json: result file not found"), e.toString());
        assertFalse(e.toString().contains("\tat "), e.toString());

        assertEquals(2, run(o, new StringWriter(), "report", "--frobnicate"));
    }

    @Test
    void aTraceWithoutItsModelIsDrawnFromItsLabels() throws Exception {
        Path out = tmp.resolve("r");
        Path trace = tmp.resolve("t.itf.json");
        Files.writeString(trace, Files.readString(DIR.resolve("lockstep-bug.itf.json")).replace("lockstep-bug", "elsewhere"));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        Path noCheck = Files.writeString(tmp.resolve("empty.json"), "[]");
        assertEquals(0, run(o, e, "report", "--out", out.toString(), "--manifest", DIR.resolve("models.toml").toString(),
            "--check", noCheck.toString(), "--trace", trace.toString()), e.toString());
        String html = Files.readString(out.resolve("index.html"));
        assertEquals(1, count(html, "<svg "), html);
        // Without its model the labels stay as written, and the manifest's drawing rules still place them.
        assertTrue(html.contains(">IncB<") && html.contains(">b</text>"), html);
        assertTrue(o.toString().contains("1 counterexample drawn"), o.toString());
    }
}
