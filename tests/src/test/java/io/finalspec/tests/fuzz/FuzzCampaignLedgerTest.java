package io.finalspec.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.finalspec.tests.support.ExploreCases;

/**
 * The campaign table of docs/reliability.md is the sum of the committed ledger
 * ({@code tests/fuzz-campaign/ledger.tsv}), so the figures quoted are the runs recorded.
 */
class FuzzCampaignLedgerTest {

    static final String LEDGER = "tests/fuzz-campaign/ledger.tsv";

    /** One ledger line: a run, or an earlier round's sum. */
    record Entry(String seeds, int specs, int agree, int rejected, int skipped, int invalid, int differ, long states,
        long largest, long seconds) {

        static Entry parse(String line) {
            String[] f = line.split("\t");
            assertEquals(14, f.length, "ledger line with 14 tab-separated fields: " + line);
            return new Entry(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                Integer.parseInt(f[6]), Integer.parseInt(f[7]), Long.parseLong(f[9]), Long.parseLong(f[11]), Long.parseLong(f[12]));
        }
    }

    static List<Entry> ledger() throws IOException {
        return Files.readAllLines(ExploreCases.root().resolve(LEDGER)).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#")).map(Entry::parse).toList();
    }

    /** The table row docs/reliability.md must quote, as tests/fuzz-campaign.sh prints it. */
    static String totalRow(List<Entry> entries) {
        return String.format("| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |",
            entries.stream().mapToLong(e -> e.seeds().split(",").length).sum(),
            entries.stream().mapToInt(Entry::specs).sum(), entries.stream().mapToInt(Entry::agree).sum(),
            entries.stream().mapToInt(Entry::rejected).sum(), entries.stream().mapToInt(Entry::skipped).sum(),
            entries.stream().mapToInt(Entry::invalid).sum(), entries.stream().mapToInt(Entry::differ).sum(),
            entries.stream().mapToLong(Entry::states).sum(), entries.stream().mapToLong(Entry::largest).max().orElse(0),
            entries.stream().mapToLong(Entry::seconds).sum());
    }

    @Test
    void theDocsCampaignTableIsTheLedgersSum() throws IOException {
        List<Entry> entries = ledger();
        assertTrue(entries.size() >= 2, "the ledger keeps the earlier rounds");
        for (Entry e : entries) {
            assertEquals(e.specs(), e.agree() + e.rejected() + e.skipped() + e.invalid() + e.differ(),
                "every spec of a run is counted once: " + e);
        }
        String doc = Files.readString(ExploreCases.root().resolve("docs/reliability.md"));
        String row = totalRow(entries);
        assertTrue(doc.contains(row), "docs/reliability.md must quote the ledger's sum (tests/fuzz-campaign.sh prints it):\n" + row);
    }
}
