package io.finalspec.toolkit.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every test that docs/reliability.md names exists, so the table cannot point at nothing. */
class ReliabilityDocTest {

    static final Path DOC = Path.of("../docs/reliability.md").toAbsolutePath().normalize();
    static final List<Path> TEST_ROOTS = List.of(Path.of("src/test/java"), Path.of("../runtime/src/test/java"),
        Path.of("../codegen/src/test/java"), Path.of("../distributed/src/test/java"), Path.of("../tests/src/test/java"));

    @Test
    void everyNamedTestExists() throws IOException {
        Matcher m = Pattern.compile("`([A-Z][A-Za-z]+Test)\\.([a-z][A-Za-z0-9]+)`").matcher(Files.readString(DOC));
        List<String> missing = new ArrayList<>();
        int named = 0;
        while (m.find()) {
            named++;
            Path source = find(m.group(1) + ".java");
            if (source == null || !Pattern.compile("void " + m.group(2) + "\\(").matcher(Files.readString(source)).find()) {
                missing.add(m.group(1) + "." + m.group(2));
            }
        }
        assertTrue(named >= 20, "the table names its tests: " + named);
        assertTrue(missing.isEmpty(), "named in " + DOC + " but not found: " + missing);
    }

    private static Path find(String fileName) throws IOException {
        for (Path root : TEST_ROOTS) {
            try (Stream<Path> s = Files.walk(root)) {
                Path hit = s.filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElse(null);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
