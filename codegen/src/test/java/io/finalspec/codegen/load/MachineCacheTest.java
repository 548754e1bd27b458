package io.finalspec.codegen.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The entry format of {@link MachineCache} and where the cache lives. */
class MachineCacheTest {

    private static Map<String, byte[]> classes() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put("finalspec.generated.AMachine", new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2, 3});
        classes.put("finalspec.generated.AMachine$Inner", new byte[] {4, 5});
        return classes;
    }

    @Test
    void anEntryReadsBackAsItsClasses() {
        Map<String, byte[]> read = MachineCache.decode(MachineCache.encode(classes()));
        assertNotNull(read);
        assertEquals(classes().keySet(), read.keySet());
        classes().forEach((name, bytes) -> assertArrayEquals(bytes, read.get(name), name));
    }

    /** Every truncation and every flipped byte of an entry is refused, never read as other classes. */
    @Test
    void everyTruncationAndFlippedByteIsRefused() {
        byte[] whole = MachineCache.encode(classes());
        for (int length = 0; length < whole.length; length++) {
            assertNull(MachineCache.decode(Arrays.copyOf(whole, length)), "truncated to " + length);
        }
        for (int i = 0; i < whole.length; i++) {
            byte[] flipped = whole.clone();
            flipped[i] ^= 0x01;
            assertNull(MachineCache.decode(flipped), "byte " + i + " flipped");
        }
    }

    @Test
    void theFolderComesFromTheEnvironment() {
        Path home = Path.of("/home/someone");
        assertFalse(MachineCache.fromEnvironment(Map.of("FINALSPEC_CACHE", "off"), home.toString()).enabled());
        assertFalse(MachineCache.fromEnvironment(Map.of("FINALSPEC_CACHE", "OFF"), home.toString()).enabled());
        assertEquals(Path.of("/tmp/c").toAbsolutePath(),
            MachineCache.fromEnvironment(Map.of("FINALSPEC_CACHE", "/tmp/c", "XDG_CACHE_HOME", "/x"), home.toString()).folder());
        assertEquals(Path.of("/x", "finalspec").toAbsolutePath(),
            MachineCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "/x"), home.toString()).folder());
        assertEquals(home.resolve(".cache").resolve("finalspec").toAbsolutePath(),
            MachineCache.fromEnvironment(Map.of("XDG_CACHE_HOME", "relative"), home.toString()).folder());
        assertTrue(MachineCache.fromEnvironment(Map.of(), home.toString()).enabled());
    }

    /** An entry's name is the key's hex digits, whatever the source says. */
    @Test
    void entryNamesAreHexDigitsInTheFolder() {
        MachineCache cache = MachineCache.in(Path.of("/tmp/c"));
        Path entry = cache.entry("package ../../etc; class X {} // /etc/passwd\n");
        assertEquals(Path.of("/tmp/c").toAbsolutePath(), entry.getParent());
        assertTrue(entry.getFileName().toString().matches("[0-9a-f]{64}\\.classes"), entry.toString());
    }
}
