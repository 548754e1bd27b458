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
        List<String> cmd = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, archive, null);
        assertEquals(Jvm.EXPLORER_YOUNG_GENERATION, cmd.get(1));
        assertEquals("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), cmd.get(2));
        assertTrue(cmd.indexOf("-cp") > 2, cmd.toString());
        assertEquals(JvmTest.class.getName(), cmd.get(cmd.size() - 1));
    }

    @Test
    void withoutAnArchiveTheChildLoadsItsClassesItself() {
        List<String> cmd = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, null, null);
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
        List<String> explorer = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, null, null);
        assertEquals(offered, tlc.contains(Jvm.TRANSPARENT_HUGE_PAGES), tlc.toString());
        assertEquals(offered, explorer.contains(Jvm.TRANSPARENT_HUGE_PAGES), explorer.toString());
        List<String> quick = Jvm.command("1g", Path.of("tmp"), JvmTest.class, true);
        assertFalse(quick.contains(Jvm.TRANSPARENT_HUGE_PAGES), quick.toString());
    }

    @Test
    void testsAreNotStartedFromTheLaunchersJar() {
        // surefire's class path is not toolkit/target/finalspec.jar alone: no archive to map
        assertEquals(null, Jvm.launcherArchive());
        // nor by the launcher, which sets FINALSPEC_HOME: no directives
        assertEquals(null, Jvm.launcherDirectives());
    }

    @Test
    void explorerChildGetsTheDirectivesItIsGivenAfterTheArchive() {
        Path archive = Path.of("some", "finalspec.jsa");
        Path directives = Path.of("jvm", "compiler-directives.json");
        List<String> cmd = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, archive, directives);
        int at = cmd.indexOf("-XX:CompilerDirectivesFile=" + directives.toAbsolutePath());
        assertTrue(at > cmd.indexOf("-XX:SharedArchiveFile=" + archive.toAbsolutePath()), cmd.toString());
        assertEquals("-XX:+UnlockDiagnosticVMOptions", cmd.get(at - 1));
        assertEquals("-XX:-DisplayVMOutput", cmd.get(at + 1));
        assertTrue(at < cmd.indexOf("-cp"), cmd.toString());
        List<String> without = Jvm.explorerCommand("1g", Path.of("tmp"), JvmTest.class, archive, null);
        assertFalse(without.stream().anyMatch(a -> a.startsWith("-XX:CompilerDirectivesFile")), without.toString());
    }

    /**
     * The launcher's directives file is one this JDK reads: a file it rejects stops the JVM from
     * starting, and with it every command of the launcher. And it reads it silently.
     */
    @Test
    void theLaunchersDirectivesStartAJvmThatPrintsNothingOfThem() throws Exception {
        Path file = Path.of("jvm", "compiler-directives.json");
        assertTrue(Files.isRegularFile(file), file.toAbsolutePath().toString());
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Jvm.directiveOptions(file));
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("directive"), out);
        List<String> unhidden = new java.util.ArrayList<>(cmd);
        unhidden.remove("-XX:-DisplayVMOutput");
        Process q = new ProcessBuilder(unhidden).redirectErrorStream(true).start();
        String said = new String(q.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, q.waitFor(), said);
        assertTrue(said.contains("1 compiler directives added"), "the JVM read the file's one directive: " + said);
    }
}
