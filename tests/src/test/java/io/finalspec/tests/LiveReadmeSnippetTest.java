package io.finalspec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.Compiler;
import io.finalspec.codegen.load.InMemoryCompiler;
import io.finalspec.codegen.load.JavaSource;

/**
 * The README's live API example, verbatim: the Mutex spec of the plugin snippet is generated into
 * {@code com.example.machines} (machine and typed facade), the README's {@code java} block is
 * compiled against them and its {@code main} run with real threads; it must print what the README
 * says it prints. Isolated: it captures {@code System.out}, which the conformance cases running
 * concurrently print their progress to.
 */
@Isolated
class LiveReadmeSnippetTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeExampleCompilesAndPrintsWhatTheReadmeSays() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Driving a machine from Java threads"));
        Matcher code = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(code.find(), "the README's live section has a java block");
        Matcher printed = Pattern.compile("It prints `([^`]*)`").matcher(section);
        assertTrue(printed.find(), "the README says what the example prints");

        Path specs = ROOT.resolve("tests/src/test/resources/readme");
        CompileResult r = Compiler.compile(specs.resolve("Mutex.tla"), specs.resolve("Mutex.cfg"),
            CompileOptions.inPackage("com.example.machines"));
        assertTrue(r.ok(), r.describe());
        List<JavaSource> sources = new ArrayList<>(r.sources());
        sources.add(new JavaSource("MutexDemo", code.group(1)));
        Class<?> demo = InMemoryCompiler.withContextLoader().compile(sources).loadClass("MutexDemo");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            demo.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals(printed.group(1), out.toString(StandardCharsets.UTF_8).strip());
    }
}
