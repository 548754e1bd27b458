package io.finalspec.toolkit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.report.Counterexamples;
import io.finalspec.toolkit.report.DocTraces;

/**
 * The report of the default models draws every historical bug: each buggy model of the bug table
 * of docs/bugs.md has a counterexample TLC found (kept in the same file by {@code check --doc}),
 * and the report made from those traces links the model, in the bug table, to its drawing, whose
 * steps are TLC's with each action's parameters given back by the model's generated machine.
 * Every buggy model with {@code -Dfinalspec.report.full=true} (a minute or so: a machine generated
 * per model); by default {@value #SAMPLE} drawn with seed {@value #SEED}, and every other one must
 * at least have its trace in docs/bugs.md.
 */
class BugDrawingsTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final long SEED = 20261202L;
    static final int SAMPLE = 4;

    @TempDir
    Path tmp;

    @Test
    void everyBuggyModelOfTheBugTableLinksToItsDrawing() throws Exception {
        Path bugsFile = ROOT.resolve("docs/bugs.md");
        Map<String, DocTraces.Recorded> recorded = DocTraces.counterexamples(Files.readString(bugsFile));
        Manifest manifest = ManifestParser.parse(ROOT.resolve("specs/models.toml"));
        List<String> buggy = BugTable.read(bugsFile).stream().flatMap(b -> b.buggy().stream()).toList();
        assertTrue(buggy.size() >= 30, "buggy models in the bug table: " + buggy.size());
        for (String name : buggy) {
            assertTrue(manifest.find(name).isPresent(), name + " is not in specs/models.toml");
            assertTrue(recorded.containsKey(name), name + " has no counterexample in docs/bugs.md");
        }
        List<String> drawn = new ArrayList<>(buggy);
        if (!Boolean.getBoolean("finalspec.report.full")) {
            Collections.shuffle(drawn, new Random(SEED));
            drawn = List.copyOf(drawn.subList(0, SAMPLE));
        }
        List<Path> files = new ArrayList<>();
        for (String name : drawn) {
            DocTraces.Recorded r = recorded.get(name);
            files.add(Counterexamples.write(manifest.find(name).orElseThrow(), r.outcome(), r.trace(), tmp.resolve("traces")));
        }
        HtmlReport.Written w = HtmlReport.write(new HtmlReport.Options(tmp.resolve("report"), null, false, files, List.of(),
            Optional.of(manifest), bugsFile, false));
        assertEquals(drawn.size(), w.counterexamples());
        String page = Files.readString(w.page());
        String bugTable = page.substring(page.indexOf("<table id=\"bug-table\">"), page.indexOf("</table>", page.indexOf("<table id=\"bug-table\">")));
        for (String name : drawn) {
            Matcher link = Pattern.compile("<a href=\"#(cx-\\d+-" + Pattern.quote(name) + ")\">" + Pattern.quote(name) + "</a>").matcher(bugTable);
            assertTrue(link.find(), name + " is not linked in the bug table");
            String anchor = link.group(1);
            int section = page.indexOf("<section class=\"counterexample\" id=\"" + anchor + "\">");
            assertTrue(section > 0, "no section " + anchor);
            String body = page.substring(section, page.indexOf("</section>", section));
            assertTrue(body.contains("<svg") && body.contains("class=\"step\""), name + ": no drawing");
            assertTrue(!body.contains("could not be generated"), name + ": drawn without its machine");
        }
    }
}
