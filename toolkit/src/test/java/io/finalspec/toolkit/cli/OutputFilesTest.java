package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Trace files of different specs and configs never share a name; the same pair always gets the same one. */
class OutputFilesTest {

    @Test
    void differentSpecsWithTheSameConfigNameGetDifferentTraces() {
        String a = OutputFiles.traceName(Path.of("a/Mutex.tla"), Path.of("a/MC.cfg"), "explore");
        String b = OutputFiles.traceName(Path.of("b/Queue.tla"), Path.of("b/MC.cfg"), "explore");
        String c = OutputFiles.traceName(Path.of("c/Mutex.tla"), Path.of("c/MC.cfg"), "explore");
        assertNotEquals(a, b);
        assertNotEquals(a, c, "the same names in other folders");
        assertEquals(a, OutputFiles.traceName(Path.of("a/./Mutex.tla"), Path.of("a/MC.cfg"), "explore"));
        assertTrue(a.matches("Mutex\\.MC\\.[0-9a-f]{6}\\.explore\\.itf\\.json"), a);
    }
}
