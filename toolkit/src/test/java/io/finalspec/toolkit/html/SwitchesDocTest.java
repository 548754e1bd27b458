package io.finalspec.toolkit.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.Manifest;
import io.finalspec.codegen.manifest.ManifestParser;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.report.Counterexamples;
import io.finalspec.toolkit.report.DocTraces;
import io.finalspec.toolkit.report.TraceText;
import io.finalspec.toolkit.tlc.TraceStep;

/**
 * docs/switches.md is the switch table {@code finalspec report} writes for the counterexamples TLC
 * found in the default models. The test makes it again from the TLC traces docs/bugs.md keeps
 * (written by {@code check --doc}): each trace goes through the report as an ITF file, so it is
 * replayed in the model's generated machine for its threads, and the machine is searched for the
 * fewest-switch counterexamples. The table must come out the same, and the doc's prose claims
 * must hold for it.
 */
class SwitchesDocTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern QUOTED = Pattern.compile("([a-z0-9-]+): (\\d+) against (\\d+)");

    @TempDir
    Path tmp;

    /**
     * Every row in {@code -Dfinalspec.report.full=true} (about a minute on a quiet 2-core machine:
     * 35 machines generated and searched); by default the rows the prose quotes and
     * {@value #SAMPLE} more drawn with seed {@value #SEED}.
     */
    @Test
    void theTableIsTheReportOfTheTracesOfDocsBugs() throws Exception {
        boolean full = Boolean.getBoolean("finalspec.report.full");
        String doc = Files.readString(ROOT.resolve("docs/switches.md"));
        String bugs = Files.readString(ROOT.resolve("docs/bugs.md"));
        Map<String, DocTraces.Recorded> recorded = DocTraces.counterexamples(bugs);
        Manifest manifest = ManifestParser.parse(ROOT.resolve("specs/models.toml"));
        Map<String, String> docRows = rows(doc);
        List<ModelEntry> searched = new ArrayList<>();
        for (ModelEntry m : manifest.select(List.of(), false)) {
            DocTraces.Recorded r = recorded.get(m.name());
            if (r == null) {
                continue;
            }
            // Read back exactly as written: the doc's text is the rendering of the parsed trace.
            assertTrue(bugs.contains(TraceText.render(r.trace())), m.name());
            Expectation.Kind kind = r.outcome().kind();
            if (kind == Expectation.Kind.INVARIANT || kind == Expectation.Kind.DEADLOCK) {
                searched.add(m);
            }
        }
        assertEquals(searched.stream().map(ModelEntry::name).toList(), List.copyOf(docRows.keySet()),
            "docs/switches.md has one row per safety counterexample of docs/bugs.md, in the manifest's order");

        List<ModelEntry> chosen = full ? searched : sample(searched, doc);
        List<Path> files = new ArrayList<>();
        for (ModelEntry m : chosen) {
            DocTraces.Recorded r = recorded.get(m.name());
            files.add(Counterexamples.write(m, r.outcome(), r.trace(), tmp.resolve("traces")));
        }
        HtmlReport.Written w = HtmlReport.write(new HtmlReport.Options(tmp.resolve("report"), null, false, files, List.of(),
            Optional.of(manifest), null, true));
        Map<String, String> made = rows(Files.readString(w.switchTable()));
        assertEquals(chosen.stream().map(ModelEntry::name).toList(), List.copyOf(made.keySet()), "every chosen model has a row");
        for (Map.Entry<String, String> row : made.entrySet()) {
            assertEquals(row.getValue(), docRows.get(row.getKey()),
                "docs/switches.md differs from the report of docs/bugs.md's trace (regenerate it with finalspec report)");
        }

        assertTrue(doc.contains("the fewest\nswitches are always reached by a shortest counterexample"), doc);
        for (HtmlReport.SwitchRow r : w.switches()) {
            assertEquals(r.shortSwitches(), r.fewSwitches(), r.model() + ": a longer trace has fewer switches");
        }
        Matcher q = QUOTED.matcher(doc);
        int quoted = 0;
        while (q.find()) {
            String model = q.group(1);
            HtmlReport.SwitchRow row = w.switches().stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
            assertEquals(row.tlcSwitches() + " against " + row.fewSwitches(), q.group(2) + " against " + q.group(3), model);
            quoted++;
        }
        assertTrue(quoted >= 2, "the doc quotes " + quoted + " models");
    }

    static final long SEED = 20261202L;
    static final int SAMPLE = 3;

    /** The models the prose quotes, then {@link #SAMPLE} others drawn with {@link #SEED}, in manifest order. */
    private static List<ModelEntry> sample(List<ModelEntry> searched, String doc) {
        Set<String> names = new HashSet<>();
        Matcher q = QUOTED.matcher(doc);
        while (q.find()) {
            names.add(q.group(1));
        }
        List<ModelEntry> others = new ArrayList<>(searched.stream().filter(m -> !names.contains(m.name())).toList());
        Collections.shuffle(others, new Random(SEED));
        others.stream().limit(SAMPLE).forEach(m -> names.add(m.name()));
        return searched.stream().filter(m -> names.contains(m.name())).toList();
    }

    /** The rows of a Markdown switch table by model. */
    private static Map<String, String> rows(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        text.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| model "))
            .forEach(l -> out.put(l.substring(2, l.indexOf(" |")), l));
        return out;
    }

    /** A trace read back from its rendering gives the same rendering, lassos included. */
    @Test
    void renderedTracesReadBack() {
        List<TraceStep> lasso = List.of(
            new TraceStep(1, "Init", "", Map.of("x", "0", "s", "{}"), false, 0),
            new TraceStep(2, "Inc", "", Map.of("x", "1", "s", "{}"), false, 0),
            new TraceStep(3, "Add", "", Map.of("x", "1", "s", "{\"a  ->  b\"}"), false, 0),
            new TraceStep(4, "", "", Map.of(), false, 2));
        String text = TraceText.render(lasso);
        assertEquals(text, TraceText.render(TraceText.parse(text)));
        assertEquals(2, TraceText.parse(text).get(3).backTo());
    }
}
