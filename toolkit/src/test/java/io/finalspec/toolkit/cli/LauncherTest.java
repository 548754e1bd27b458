package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./finalspec} launcher, run on a copy of the repository layout with stand-ins for
 * {@code mvn} and {@code java} first on the PATH: the stand-in build takes a second and logs when
 * it starts and ends, so a race between two launchers shows as two overlapping builds.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {

    static final Path LAUNCHER = Path.of("../finalspec").toAbsolutePath().normalize();

    @TempDir
    Path repo;

    private Path bin;
    private Path log;

    @BeforeEach
    void layout() throws IOException {
        Files.copy(LAUNCHER, repo.resolve("finalspec"));
        repo.resolve("finalspec").toFile().setExecutable(true);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        for (String module : List.of("runtime", "codegen", "distributed", "toolkit")) {
            Files.createDirectories(repo.resolve(module).resolve("src"));
        }
        bin = Files.createDirectories(repo.resolve("bin"));
        log = repo.resolve("build.log");
        script("java", "echo \"ran $*\"");
    }

    @Test
    void twoFirstStartsBuildOnceAndBothRun() throws Exception {
        script("mvn", "echo start >> '" + log + "'; sleep 1; mkdir -p toolkit/target; touch toolkit/target/finalspec.jar; echo end >> '" + log + "'");
        Process a = launch("check");
        Process b = launch("check");
        assertTrue(a.waitFor(60, TimeUnit.SECONDS) && b.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue(), output(a));
        assertEquals(0, b.exitValue(), output(b));
        assertTrue(output(a).contains("ran ") && output(b).contains("ran "), output(a) + output(b));
        assertEquals(List.of("start", "end"), Files.readAllLines(log), "one build, not two overlapping ones");
    }

    @Test
    void aFailedBuildExitsFour() throws Exception {
        script("mvn", "echo 'BUILD FAILURE (stand-in)'; exit 1");
        Process p = launch("check");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(4, p.exitValue(), output(p));
        assertTrue(output(p).contains("BUILD FAILURE (stand-in)") && output(p).contains("finalspec: the build failed"), output(p));
    }

    @Test
    void aFreshJarIsNotRebuilt() throws Exception {
        script("mvn", "echo start >> '" + log + "'");
        Files.createDirectories(repo.resolve("toolkit/target"));
        Files.writeString(repo.resolve("toolkit/target/finalspec.jar"), "");
        Process p = launch("parse", "x.tla");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output(p));
        assertTrue(output(p).contains("-jar " + repo.resolve("toolkit/target/finalspec.jar") + " parse x.tla"), output(p));
        assertTrue(Files.notExists(log), "no build");
    }

    @Test
    void theCompilerDirectivesArePassedWhenTheirFileIsThereUnlessTurnedOff() throws Exception {
        Files.createDirectories(repo.resolve("toolkit/target"));
        Files.writeString(repo.resolve("toolkit/target/finalspec.jar"), "");
        Process none = launch("parse", "x.tla");
        assertTrue(none.waitFor(60, TimeUnit.SECONDS));
        assertTrue(!output(none).contains("CompilerDirectivesFile"), "no file, no option: " + output(none));
        Path file = Files.createDirectories(repo.resolve("toolkit/jvm")).resolve("compiler-directives.json");
        Files.writeString(file, "[]");
        Process on = launch("parse", "x.tla");
        assertTrue(on.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, on.exitValue(), output(on));
        assertTrue(output(on).contains("-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=" + file
            + " -XX:-DisplayVMOutput"), output(on));
        Process off = launch(java.util.Map.of("FINALSPEC_DIRECTIVES", "off"), "parse", "x.tla");
        assertTrue(off.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, off.exitValue(), output(off));
        assertTrue(!output(off).contains("CompilerDirectivesFile"), output(off));
    }

    private void script(String name, String body) throws IOException {
        Path f = bin.resolve(name);
        Files.writeString(f, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process launch(String... args) throws IOException {
        return launch(java.util.Map.of(), args);
    }

    private Process launch(java.util.Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", repo.resolve("finalspec").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(repo.resolve("out-" + System.nanoTime() + ".txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        Process p = pb.start();
        outputs.put(p, pb.redirectOutput().file().toPath());
        return p;
    }

    private final java.util.Map<Process, Path> outputs = new java.util.HashMap<>();

    private String output(Process p) throws IOException {
        return Files.readString(outputs.get(p), StandardCharsets.UTF_8);
    }
}
