package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.tests.support.ExploreCases;
import io.finalspec.tests.support.IsolatedExplore;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;

/**
 * Where finalspec knowingly answers differently from TLC 2.18, each difference held against a run
 * of TLC, so that this test fails (and the difference must be looked at again) the day TLC answers
 * otherwise. {@code src/test/resources/tlc-divergences/ConstantEventually.tla}: TLC reports
 * {@code <>(1 = 1)} and {@code x = 0 ~> (1 = 1)} violated, which no behaviour violates; finalspec
 * passes them, and {@code FALSE ~> x = 1}, which TLC reports violated too; {@code []<>(x * 2 = 0)}
 * holds, where TLC stops with "the identifier x is either undefined". With a state-level
 * eventuality that is always TRUE both pass. {@code BareVariable.tla}:
 * TLC refuses a property that is a boolean variable; finalspec checks it on the initial states.
 * {@code ConstantImage.tla}: TLC stops at {@code BagOfAll(F, B)} when F's body does not depend on
 * its argument ("should be an operator"); finalspec applies F.
 */
class TlcDivergenceTest {

    @ParameterizedTest(name = "{0}: TLC {1}, finalspec pass")
    @CsvSource({"Eventually, property", "LeadsTo, property", "StateLevel, pass", "FromFalse, property", "Product, error"})
    void constantEventualityIsNoViolation(String config, String tlcVerdict) throws Exception {
        Path dir = ExploreCases.root().resolve("tests/src/test/resources/tlc-divergences");
        Path spec = dir.resolve("ConstantEventually.tla");
        Path cfg = dir.resolve(config + ".cfg");
        TlcResult tlc = new TlcRunner(TlcOptions.defaults()).check(spec, cfg, p -> { });
        if (tlcVerdict.equals("error")) {
            assertTrue(tlc.errorMessage().contains("the identifier x is either undefined"), tlc.errorMessage());
        } else {
            Expectation theirs = tlcVerdict.equals("pass") ? Expectation.PASS : Expectation.property(config);
            assertEquals(theirs, tlc.outcome(), () -> "TLC's verdict changed: the divergence may be gone: " + tlc.errorMessage());
        }
        IsolatedExplore.Result ours = IsolatedExplore.run(spec, cfg);
        assertEquals("OK", ours.outcome(), () -> ours.outcome() + " " + ours.message());
        assertTrue(ours.notChecked().isEmpty(), ours.notChecked()::toString);
    }

    @org.junit.jupiter.api.Test
    void aVariableAsAPropertyIsChecked() throws Exception {
        IsolatedExplore.Result ours = tlcStopsWhereFinalspecPasses("BareVariable", "cannot be used as a property");
        assertTrue(ours.notChecked().isEmpty(), ours.notChecked()::toString);
    }

    @org.junit.jupiter.api.Test
    void bagOfAllAppliesAnOperatorWithAConstantBody() throws Exception {
        tlcStopsWhereFinalspecPasses("ConstantImage", "should be an operator");
    }

    /** TLC stops {@code name}.tla with {@code name}.cfg with an error saying {@code tlcSays}; the machine passes it. */
    private static IsolatedExplore.Result tlcStopsWhereFinalspecPasses(String name, String tlcSays) throws Exception {
        Path dir = ExploreCases.root().resolve("tests/src/test/resources/tlc-divergences");
        Path spec = dir.resolve(name + ".tla");
        Path cfg = dir.resolve(name + ".cfg");
        TlcResult tlc = new TlcRunner(TlcOptions.defaults()).check(spec, cfg, p -> { });
        assertEquals(Expectation.Kind.ERROR, tlc.outcome().kind(), "TLC's verdict changed: the divergence may be gone");
        assertTrue(tlc.errorMessage().contains(tlcSays), tlc.errorMessage());
        IsolatedExplore.Result ours = IsolatedExplore.run(spec, cfg);
        assertEquals("OK", ours.outcome(), () -> ours.outcome() + " " + ours.message());
        return ours;
    }
}
