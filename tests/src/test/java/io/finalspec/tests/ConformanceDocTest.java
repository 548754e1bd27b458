package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import io.finalspec.tests.support.ConformanceFigures;

/**
 * docs/conformance.md quotes the runs of ConformanceSuiteTest, BulkTraceTest and GraphSourcesTest: each figure
 * section holds the JSON of the run that wrote it, and rendering that JSON again must give the
 * section's text exactly, so no figure was typed or edited by hand.
 */
class ConformanceDocTest {

    @Test
    void everyFigureSectionIsTheRenderingOfItsRecordedRun() throws Exception {
        String doc = Files.readString(ConformanceFigures.doc());
        for (String name : new String[] {"suite", "bulk-traces", "graph-sources"}) {
            ConformanceFigures.Section s = ConformanceFigures.read(doc, name)
                .orElseThrow(() -> new AssertionError("docs/conformance.md lacks the generated section " + name));
            assertEquals(ConformanceFigures.render(name, s.data()), s.text(), "section " + name + " was edited after its run wrote it");
        }
    }
}
