package io.finalspec.toolkit.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explorer child's command line: the fixed young generation, and the class data archive when given one. */
class JvmTest {
    @Test
    void explorerChildMapsTheArchiveItIsGiven() {
        Path archive = Path.of("some", "finalspec.jsa");
        List<String> cmd = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, archive);
        assertEquals(Jvm.EXPLORER_YOUNG_GENERATION, cmd.get(1));
        assertEquals("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), cmd.get(2));
        assertTrue(cmd.indexOf("-cp") > 2, cmd.toString());
        assertEquals(JvmTest.class.getName(), cmd.get(cmd.size() - 1));
    }

    @Test
    void withoutAnArchiveTheChildLoadsItsClassesItself() {
        List<String> cmd = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, null);
        assertFalse(cmd.stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")), cmd.toString());
    }

    @Test
    void testsAreNotStartedFromTheLaunchersJar() {
        // surefire's class path is not toolkit/target/finalspec.jar alone: no archive to map
        assertEquals(null, Jvm.launcherArchive());
    }
}
