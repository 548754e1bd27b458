package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's plugin snippet, verbatim, as the {@code pom.xml} of a sample project with a spec and
 * a JUnit test of the generated machine, built by an external {@code mvn verify}. The reactor's
 * packaged artifacts (parent pom, runtime, codegen, plugin) are laid out in a private local
 * repository under {@code target/}; everything else comes from the shared {@code ~/.m2} as a
 * read-only {@code file:} repository, then Maven Central. Nothing is installed into {@code ~/.m2}.
 * Without packaged artifacts (a run of the tests module alone) the test is skipped, except under
 * {@code FINALSPEC_CI=1}.
 */
class ReadmePluginSnippetTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path project;

    @Test
    void theReadmeSnippetBuildsAndItsMachineRuns() throws Exception {
        String pom = snippet();
        String version = version(pom);
        List<String[]> artifacts = List.of(
            new String[] {"finalspec-parent", "pom.xml", null},
            new String[] {"finalspec-runtime", "runtime/pom.xml", "runtime/target/finalspec-runtime-" + version + ".jar"},
            new String[] {"finalspec-codegen", "codegen/pom.xml", "codegen/target/finalspec-codegen-" + version + ".jar"},
            new String[] {"finalspec-maven-plugin", "maven-plugin/pom.xml", "maven-plugin/target/finalspec-maven-plugin-" + version + ".jar"});
        boolean packaged = artifacts.stream().allMatch(a -> a[2] == null || Files.isRegularFile(ROOT.resolve(a[2])));
        if (!packaged && "1".equals(System.getenv("FINALSPEC_CI"))) {
            fail("the reactor's jars are not packaged (run mvn verify from the root)");
        }
        assumeTrue(packaged, "the reactor's jars are not packaged: run with -am and phase package or verify");

        Path repo = ROOT.resolve("tests/target/readme-it-repo");
        for (String[] a : artifacts) {
            Path dir = Files.createDirectories(repo.resolve("io/finalspec/" + a[0] + "/" + version));
            Files.copy(ROOT.resolve(a[1]), dir.resolve(a[0] + "-" + version + ".pom"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            if (a[2] != null) {
                Files.copy(ROOT.resolve(a[2]), dir.resolve(a[0] + "-" + version + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(project.resolve("pom.xml"), pom);
        // the spec and config LiveReadmeSnippetTest drives too
        Path specs = ROOT.resolve("tests/src/test/resources/readme");
        write("src/main/tla/Mutex.tla", Files.readString(specs.resolve("Mutex.tla")));
        write("src/main/tla/Mutex.cfg", Files.readString(specs.resolve("Mutex.cfg")));
        write("src/test/java/com/example/MutexMachineTest.java", """
            package com.example;

            import static org.junit.jupiter.api.Assertions.assertEquals;

            import org.junit.jupiter.api.Test;

            import com.example.machines.MutexMachine;
            import io.finalspec.runtime.explore.BfsExplorer;
            import io.finalspec.runtime.explore.ExploreResult;

            class MutexMachineTest {
                @Test
                void mutualExclusionHoldsInAllThreeStates() {
                    ExploreResult r = new BfsExplorer(new MutexMachine()).run();
                    assertEquals(true, r.isOk(), r.outcome().toString());
                    assertEquals(3, r.distinct());
                }
            }
            """);
        Path settings = project.resolve("settings.xml");
        Files.writeString(settings, settings(repo, sharedRepository()));
        String log = mvn(settings, "verify");
        assertTrue(log.contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), log);
        assertTrue(Files.isRegularFile(project.resolve("target/generated-sources/finalspec/com/example/machines/MutexMachine.java")), log);
    }

    /** The {@code xml} block of the README's section on the plugin. */
    private static String snippet() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Generating machines in your own build"));
        Matcher m = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(m.find(), "the README's plugin section has an xml block");
        return m.group(1);
    }

    private static String version(String pom) {
        Matcher m = Pattern.compile("<artifactId>finalspec-runtime</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertTrue(m.find(), "the snippet depends on finalspec-runtime with a version");
        return m.group(1);
    }

    private static Path sharedRepository() {
        String local = System.getProperty("maven.repo.local");
        return local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** A private local repository, with the shared one read as a remote (never written), then Central. */
    private static String settings(Path privateRepo, Path shared) {
        String repository = """
                  <%1$s>
                    <id>shared-local</id>
                    <url>%2$s</url>
                    <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                  </%1$s>
            """;
        String url = shared.toUri().toString();
        return "<settings>\n  <localRepository>" + privateRepo + "</localRepository>\n"
            + "  <profiles><profile><id>shared</id>\n"
            + "    <repositories>\n" + repository.formatted("repository", url) + "    </repositories>\n"
            + "    <pluginRepositories>\n" + repository.formatted("pluginRepository", url) + "    </pluginRepositories>\n"
            + "  </profile></profiles>\n  <activeProfiles><activeProfile>shared</activeProfile></activeProfiles>\n</settings>\n";
    }

    private void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private String mvn(Path settings, String... goals) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("mvn", "-B", "-ntp", "-s", settings.toString()));
        command.addAll(List.of(goals));
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("mvn did not end in 300 s");
        }
        String log = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        return log;
    }
}
