package io.finalspec.toolkit.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer child's command line: the fixed young generation, and the class data archive when
 * given one; huge pages for TLC and the explorer alike, where the kernel offers them.
 */
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
    void hugePagesOnlyWhereTheKernelOffersThem(@TempDir Path dir) throws Exception {
        Path setting = dir.resolve("enabled");
        Files.writeString(setting, "always [madvise] never\n");
        assertTrue(Jvm.transparentHugePagesOffered(setting));
        Files.writeString(setting, "[always] madvise never\n");
        assertTrue(Jvm.transparentHugePagesOffered(setting));
        Files.writeString(setting, "always madvise [never]\n");
        assertFalse(Jvm.transparentHugePagesOffered(setting));
        assertFalse(Jvm.transparentHugePagesOffered(dir.resolve("missing")));
    }

    @Test
    void tlcAndTheExplorerGetTheSamePagesQuickChildrenNone() {
        boolean offered = Jvm.transparentHugePagesOffered(Jvm.THP_SETTING);
        List<String> tlc = Jvm.command("1g", Path.of("tmp"), JvmTest.class);
        List<String> explorer = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, null);
        assertEquals(offered, tlc.contains(Jvm.TRANSPARENT_HUGE_PAGES), tlc.toString());
        assertEquals(offered, explorer.contains(Jvm.TRANSPARENT_HUGE_PAGES), explorer.toString());
        List<String> quick = Jvm.command("1g", Path.of("tmp"), JvmTest.class, true);
        assertFalse(quick.contains(Jvm.TRANSPARENT_HUGE_PAGES), quick.toString());
    }

    @Test
    void testsAreNotStartedFromTheLaunchersJar() {
        // surefire's class path is not toolkit/target/finalspec.jar alone: no archive to map
        assertEquals(null, Jvm.launcherArchive());
    }
}
