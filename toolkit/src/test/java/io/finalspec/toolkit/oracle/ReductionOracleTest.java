package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/**
 * The oracle identifies states by TLC's own fingerprint, which applies SYMMETRY and VIEW, so its
 * exploration counts what TLC counts. TLC 2.18 on LockSym.tla: LockSym.cfg "200 states generated,
 * 69 distinct states found", depth 12; LockView.cfg "40 states generated, 17 distinct", depth 9.
 */
class ReductionOracleTest {

    @Test
    void symmetryReducesLikeTlc() throws IOException {
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/LockSym.tla"), resource("oracle/LockSym.cfg"))) {
            assertEquals(new TlcOracle.ExploreStats(69, 200, 12, true), oracle.explore(0, s -> { }));
        }
    }

    @Test
    void viewReducesLikeTlc() throws IOException {
        try (TlcOracle oracle = TlcOracle.start(resource("oracle/LockSym.tla"), resource("oracle/LockView.cfg"))) {
            assertEquals(new TlcOracle.ExploreStats(17, 40, 9, true), oracle.explore(0, s -> { }));
        }
    }
}
