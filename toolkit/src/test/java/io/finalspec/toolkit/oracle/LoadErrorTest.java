package io.finalspec.toolkit.oracle;

import static io.finalspec.toolkit.oracle.Specs.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Specs TLC cannot load fail at start, with a message positioned in the file at fault. */
class LoadErrorTest {

    private static OracleException loadError(String spec, String cfg) {
        OracleException e = assertThrows(OracleException.class, () -> TlcOracle.start(resource(spec), resource(cfg)));
        assertEquals(OracleException.Kind.LOAD, e.kind(), e.getMessage());
        return e;
    }

    @Test
    void parseErrorsArePositioned() {
        String m = loadError("tlc/Broken.tla", "tlc/Broken.cfg").getMessage();
        assertTrue(m.startsWith(resource("tlc/Broken.tla") + ":5:20: parse error: encountered \"1\""), m);
    }

    @Test
    void semanticErrorsArePositioned() {
        String m = loadError("oracle/Undefined.tla", "oracle/Undefined.cfg").getMessage();
        assertTrue(m.startsWith(resource("oracle/Undefined.tla") + ":5:18: "), m);
        assertTrue(m.contains("Missing"), m);
    }

    @Test
    void configErrorsPointAtTheConfig() {
        String m = loadError("tlc/Counter.tla", "tlc/Malformed.cfg").getMessage();
        assertTrue(m.startsWith(resource("tlc/Malformed.cfg") + ":4: "), m);
        String undefined = loadError("tlc/Counter.tla", "tlc/UndefinedInvariant.cfg").getMessage();
        assertTrue(undefined.startsWith(resource("tlc/UndefinedInvariant.cfg") + ": "), undefined);
        assertTrue(undefined.contains("NoSuchInvariant"), undefined);
    }

    @Test
    void missingFilesAreReportedWithoutStartingTlc() {
        Path nowhere = resource("tlc/Counter.tla").resolveSibling("Nowhere.tla");
        OracleException e = assertThrows(OracleException.class,
            () -> TlcOracle.start(nowhere, resource("tlc/Pass.cfg")));
        assertEquals(nowhere + ": spec not found", e.getMessage());
    }

    @Test
    void aChildThatDoesNotAnswerInTimeIsKilled() {
        OracleException e = assertThrows(OracleException.class,
            () -> TlcOracle.start(resource("tlc/Counter.tla"), resource("tlc/Pass.cfg"), Duration.ofMillis(1)));
        assertEquals(OracleException.Kind.DIED, e.kind());
        assertTrue(e.getMessage().contains("gave no answer within"), e.getMessage());
    }
}
