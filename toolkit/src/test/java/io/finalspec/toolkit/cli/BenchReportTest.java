package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static final BenchReport.Machine MACHINE = new BenchReport.Machine("2026-12-02T12:00:00Z", 2, 1.5, 2.5, "Java 17", "Linux amd64");

    private static BenchReport.Row row(String name, long tlcDistinct, long exploreDistinct) {
        return new BenchReport.Row(name, tlcDistinct, 300, exploreDistinct, 300, 4.0, 5.0, 0.5, 1.0, 2.0, 400L << 20, 100L << 20,
            200L << 20, 50L << 20);
    }

    @Test
    void ratiosOnlyWhenCountsAgree() {
        BenchReport.Row same = row("same", 100, 100);
        assertEquals(8.0, same.searchRatio().getAsDouble(), 1e-9);
        assertEquals(2.5, same.totalRatio().getAsDouble(), 1e-9);
        assertEquals(4.0, same.memoryRatio().getAsDouble(), 1e-9);
        BenchReport.Row differ = row("differ", 100, 99);
        assertFalse(differ.searchRatio().isPresent() || differ.totalRatio().isPresent() || differ.memoryRatio().isPresent());
        assertTrue(differ.disagreement().contains("TLC 100 distinct"), differ.disagreement());
        BenchReport report = new BenchReport(MACHINE, 1, 3, List.of(same, differ));
        assertFalse(report.countsAgree());
        String md = report.markdown();
        assertTrue(md.contains("| same | 100 | 300 | 4.00 | 0.50 | 8.0x |"), md);
        assertTrue(md.contains("| differ | 99 | 300 | 4.00 | 0.50 | counts differ |"), md);
        assertTrue(md.contains("load average 1.50 before, 2.50 after"), md);
    }

    @Test
    void sectionsReplaceInPlaceAndKeepTheirData() {
        BenchReport a = new BenchReport(MACHINE, 1, 1, List.of(row("a--b", 10, 10)));
        BenchReport b = new BenchReport(MACHINE, 2, 1, List.of(row("c", 20, 20)));
        String doc = BenchReport.replaceSection("# Title\n\ntext\n", "one", a.section("one"));
        doc = BenchReport.replaceSection(doc, "two", b.section("two"));
        doc = BenchReport.replaceSection(doc, "one", b.section("one"));
        assertTrue(doc.startsWith("# Title\n\ntext\n"), doc);
        assertEquals(b, BenchReport.readSection(doc, "one").orElseThrow().report());
        assertEquals(b, BenchReport.readSection(doc, "two").orElseThrow().report());
        assertEquals(1, doc.split("bench:one begin", -1).length - 1, doc);
        String withDashes = BenchReport.replaceSection("", "x", a.section("x"));
        assertEquals(a, BenchReport.readSection(withDashes, "x").orElseThrow().report());
    }
}
