package io.finalspec.tests.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.finalspec.tests.support.ExploreCases;

/**
 * The minimal specs the fuzzer found ({@code tests/src/test/resources/fuzz-regressions/}), compared
 * with TLC again. A spec listed in {@code known.txt} still differs today (its fix is another
 * branch's work): the test demands that it still differs, so that a fix is noticed and the line
 * removed; every other spec must agree with TLC.
 */
class FuzzRegressionTest {

    static final Path DIR = ExploreCases.root().resolve("tests/src/test/resources/fuzz-regressions");

    @TestFactory
    Stream<DynamicTest> fuzzFindingsAgreeWithTlc() throws IOException {
        Map<String, String> known = known();
        Differential differential = new Differential(120);
        try (Stream<Path> folders = Files.list(DIR)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream().map(f -> {
                String name = f.getFileName().toString();
                return DynamicTest.dynamicTest(name, () -> {
                    Differential.Outcome o = differential.compare(f.resolve(name + ".tla"), f.resolve(name + ".cfg"));
                    if (known.containsKey(name)) {
                        assertNotEquals(Differential.Kind.AGREE, o.kind(), name + " agrees with TLC now (" + known.get(name)
                            + "): remove its line from known.txt, and move it to the corpus if TLC's verdict is not an error");
                        assertEquals(Differential.Kind.DIFFER, o.kind(), name + ": " + o.detail());
                    } else {
                        assertEquals(Differential.Kind.AGREE, o.kind(), name + ": " + o.detail());
                    }
                });
            });
        }
    }

    private static Map<String, String> known() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("known.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }
}
