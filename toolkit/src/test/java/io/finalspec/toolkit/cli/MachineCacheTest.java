package io.finalspec.toolkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The machine cache through the real {@code main}, each run a fresh JVM: a second run takes the
 * compiled machine from the cache without parsing or generating (its JSON's {@code machine_generated}
 * is false), a truncated or corrupt entry is a miss that writes the entry
 * again, a cache that cannot be written costs only a note, {@code --no-cache} and
 * {@code FINALSPEC_CACHE=off} turn it off, and every run reports the same result (Mutex.tla with
 * Weak.cfg: 15 states generated, 8 distinct, NoStarve violated with a cycle back to state 4).
 */
class MachineCacheTest {
    private static final Path DIR = ExploreCommandTest.DIR;

    @TempDir
    Path tmp;

    private record Run(CliProcess.Result result, JsonObject json) {
        String cache() {
            return json.get("machine_cache").getAsString();
        }

        boolean generated() {
            return json.get("machine_generated").getAsBoolean();
        }

        /** What the run found, without timings, memory and the trace file's path. */
        String findings() {
            return Arrays.stream(result.out().split("\\R"))
                .filter(l -> !l.startsWith("peak memory") && !l.startsWith("trace: "))
                .map(l -> l.replaceAll(", [0-9.]+ s \\([0-9,]+ distinct states/s\\)", ""))
                .collect(Collectors.joining("\n"));
        }
    }

    private Run explore(Map<String, String> env, String... extra) throws IOException, InterruptedException {
        Path json = Files.createTempFile(tmp, "explore", ".json");
        List<String> args = new java.util.ArrayList<>(List.of("explore", DIR.resolve("Mutex.tla").toString(), "-c",
            DIR.resolve("Weak.cfg").toString(), "--json", json.toString()));
        args.addAll(List.of(extra));
        CliProcess.Result r = CliProcess.runWithEnvironment(tmp, "512m", env, args.toArray(new String[0]));
        assertEquals(1, r.code(), r::all);
        assertTrue(r.out().contains("15 states generated, 8 distinct states"), r::all);
        assertTrue(r.out().contains("property NoStarve is violated"), r::all);
        return new Run(r, JsonParser.parseString(Files.readString(json)).getAsJsonObject());
    }

    private static List<Path> entries(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".classes")).toList();
        }
    }

    @Test
    void secondRunHitsAndDamagedEntriesAreWrittenAgain() throws Exception {
        Path cache = tmp.resolve("cache");
        Map<String, String> env = Map.of("FINALSPEC_CACHE", cache.toString());
        Run first = explore(env);
        assertEquals("miss", first.cache(), first.result()::all);
        assertTrue(first.generated(), first.result()::all);
        List<Path> written = entries(cache);
        assertEquals(1, written.size(), written::toString);
        Path entry = written.get(0);
        assertTrue(entry.getFileName().toString().matches("[0-9a-f]{64}\\.classes"), entry::toString);
        byte[] whole = Files.readAllBytes(entry);

        Run second = explore(env);
        assertEquals("hit", second.cache(), second.result()::all);
        assertFalse(second.generated(), "an unchanged spec and model are neither parsed nor generated again");
        assertEquals(first.findings(), second.findings());

        Files.write(entry, Arrays.copyOf(whole, whole.length / 2));
        Run truncated = explore(env);
        assertEquals("miss", truncated.cache(), truncated.result()::all);
        assertTrue(truncated.generated(), "the inputs name a damaged entry: generated and compiled again");
        assertEquals(first.findings(), truncated.findings());
        assertEquals(whole.length, Files.size(entry), "the truncated entry is written whole again");

        byte[] flipped = whole.clone();
        flipped[whole.length / 3] ^= 0x55;
        Files.write(entry, flipped);
        Run corrupt = explore(env);
        assertEquals("miss", corrupt.cache(), corrupt.result()::all);
        assertEquals(first.findings(), corrupt.findings());
        assertTrue(Arrays.equals(whole, Files.readAllBytes(entry)), "the corrupt entry is written again");
        assertFalse(corrupt.result().err().contains("machine cache"), corrupt.result()::all);
    }

    @Test
    void anUnwritableCacheOnlyCostsANote() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "not a folder");
        Run run = explore(Map.of("FINALSPEC_CACHE", notAFolder.resolve("cache").toString()));
        assertEquals("miss", run.cache(), run.result()::all);
        List<String> notes = run.result().err().lines().filter(l -> l.contains("machine cache")).toList();
        assertEquals(1, notes.size(), run.result()::all);
        assertTrue(notes.get(0).contains("not written"), notes::toString);
        assertEquals("not a folder", Files.readString(notAFolder));
    }

    @Test
    void noCacheAndOffCompileAndStoreNothing() throws Exception {
        Path cache = tmp.resolve("cache");
        Run flag = explore(Map.of("FINALSPEC_CACHE", cache.toString()), "--no-cache");
        assertEquals("off", flag.cache(), flag.result()::all);
        assertFalse(Files.exists(cache), "--no-cache writes nothing");
        Run off = explore(Map.of("FINALSPEC_CACHE", "off"));
        assertEquals("off", off.cache(), off.result()::all);
        assertEquals(flag.findings(), off.findings());
    }
}
