package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * docs/performance.md quotes bench runs: each table section holds the JSON of the run that made it
 * ({@code finalspec bench --markdown docs/performance.md --section NAME}), and rendering that JSON
 * again must give the section's text exactly, so no figure of a table was typed or edited by hand.
 */
class PerformanceDocTest {

    static final Path DOC = Path.of("../docs/performance.md").toAbsolutePath().normalize();

    @Test
    void everyTableIsTheRenderingOfItsRecordedRun() throws Exception {
        String doc = Files.readString(DOC);
        for (String heading : new String[] {"## Method", "## Machine", "## Finalization models", "## Corpus", "## Message sets", "## Workers"}) {
            assertTrue(doc.contains(heading), "docs/performance.md lacks " + heading);
        }
        for (String name : new String[] {"finalization", "corpus", "message-sets", "workers-2"}) {
            BenchReport.Section s = BenchReport.readSection(doc, name).orElseThrow(
                () -> new AssertionError("docs/performance.md lacks the generated section " + name));
            assertFalse(s.report().rows().isEmpty(), name);
            assertEquals(s.report().section(name), s.text(), "section " + name + " was edited after bench wrote it");
        }
    }
}
