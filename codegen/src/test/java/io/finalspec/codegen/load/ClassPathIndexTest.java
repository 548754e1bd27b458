package io.finalspec.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path javac compiles against: jars listed from their entries, manifest class paths followed. */
class ClassPathIndexTest {

    @TempDir
    Path dir;

    private final InMemoryCompiler compiler = InMemoryCompiler.withContextLoader();

    /** A jar holding the compiled class {@code lib.Greeting} (and a class in a subpackage). */
    private Path libraryJar() throws Exception {
        Map<String, byte[]> classes = compiler.compileToBytes(List.of(
            new JavaSource("lib.Greeting", "package lib; public class Greeting { public static String text() { return \"hi\"; } }"),
            new JavaSource("lib.more.Other", "package lib.more; public class Other { }")));
        Path jar = dir.resolve("libs/lib.jar");
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                out.putNextEntry(new JarEntry(c.getKey().replace('.', '/') + ".class"));
                out.write(c.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A jar with no classes whose manifest names {@code ref} (as Surefire's booter jar does). */
    private Path manifestOnlyJar(String ref) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, ref);
        Path jar = dir.resolve("booter.jar");
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        return jar;
    }

    @Test
    void listsTheClassesOfAJarByPackage() throws Exception {
        Path lib = libraryJar();
        try (ClassPathIndex index = ClassPathIndex.of(lib.toString())) {
            assertEquals(List.of("lib.Greeting"), index.classesIn("lib", false).stream().map(ClassPathIndex.JarClass::binaryName).toList());
            assertEquals(2, index.classesIn("lib", true).size());
            assertEquals(List.of(), index.classesIn("nothere", false));
            assertEquals(List.of(), index.folders());
        }
    }

    @Test
    void followsAManifestClassPathAndSkipsWhatIsNotThere() throws Exception {
        Path lib = libraryJar();
        Path booter = manifestOnlyJar("libs/lib.jar missing.jar");
        Path notAJar = Files.writeString(dir.resolve("notes.txt"), "not a jar");
        String classPath = String.join(File.pathSeparator, booter.toString(), notAJar.toString(), dir.resolve("gone").toString(), dir.toString());
        try (ClassPathIndex index = ClassPathIndex.of(classPath)) {
            assertEquals(1, index.classesIn("lib", false).size());
            assertEquals(List.of(dir.toAbsolutePath().normalize()), index.folders());
        }
        assertTrue(Files.exists(lib));
    }

    @Test
    void javacCompilesAgainstTheIndexedJars() throws Exception {
        libraryJar();
        String classPath = manifestOnlyJar("libs/lib.jar").toString();
        Map<String, byte[]> classes = compiler.compileToBytes(List.of(new JavaSource("gen.UsesLib",
            "package gen; public class UsesLib { public String get() { return lib.Greeting.text(); } }")), classPath);
        assertEquals(List.of("gen.UsesLib"), List.copyOf(classes.keySet()));
        CompileException e = assertThrows(CompileException.class, () -> compiler.compileToBytes(List.of(new JavaSource("gen.UsesLib",
            "package gen; public class UsesLib { String get() { return lib.Greeting.text(); } }")), dir.resolve("empty").toString()));
        assertTrue(e.diagnostics().get(0).contains("package lib does not exist"), e.diagnostics().toString());
    }
}
