package io.finalspec.codegen.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.finalspec.codegen.CompileFailedException;
import io.finalspec.codegen.Compiler;
import io.finalspec.runtime.machine.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The machine cache's inputs entries through {@link Compiler#load}: a run of an unchanged spec and
 * model generates nothing, and a change to anything the compilation reads (a module the spec
 * extends, the config, the spec itself) is seen; a change that leaves the generated source as it
 * was regenerates but skips javac; a damaged inputs entry is a miss, never another machine.
 */
class InputsCacheTest {

    @TempDir
    Path tmp;

    private Path spec;
    private Path config;
    private MachineCache cache;

    private void write(String limits, String cfg) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("spec"));
        spec = Files.writeString(folder.resolve("Counter.tla"), """
            ---- MODULE Counter ----
            EXTENDS Naturals, Limits
            CONSTANT Step
            VARIABLE x
            Init == x = Max
            Next == x < Max + 2 /\\ x' = x + Step
            ====
            """);
        Files.writeString(folder.resolve("Limits.tla"), "---- MODULE Limits ----\nMax == " + limits + "\n====\n");
        config = Files.writeString(folder.resolve("Counter.cfg"), cfg);
        cache = MachineCache.in(tmp.resolve("cache"));
    }

    /** The initial state's x, which shows which Limits.tla the machine was generated from. */
    private static String initialX(Compiler.Loaded loaded) {
        List<State> init = new ArrayList<>();
        loaded.machine().initStates(init::add);
        assertEquals(1, init.size());
        return init.get(0).get(0).toString();
    }

    private Compiler.Loaded load() throws CompileFailedException {
        return Compiler.load(spec, config, cache);
    }

    @Test
    void anUnchangedSpecIsNotGeneratedAgainAndEveryInputIsSeen() throws Exception {
        write("2", "INIT Init\nNEXT Next\nCONSTANT Step = 1\n");
        Compiler.Loaded first = load();
        assertEquals(MachineCache.Status.MISS, first.cache().status());
        assertTrue(first.generated());
        assertEquals("2", initialX(first));

        Compiler.Loaded second = load();
        assertEquals(MachineCache.Status.HIT, second.cache().status());
        assertFalse(second.generated(), "nothing the compilation reads changed");
        assertEquals("2", initialX(second));

        // a module the spec extends: regenerated, a new machine
        Files.writeString(spec.resolveSibling("Limits.tla"), "---- MODULE Limits ----\nMax == 5\n====\n");
        Compiler.Loaded module = load();
        assertTrue(module.generated());
        assertEquals(MachineCache.Status.MISS, module.cache().status());
        assertEquals("5", initialX(module));
        assertFalse(load().generated(), "known again once generated");

        // a module of the folder the spec does not use: regenerated, the same source, javac skipped
        Files.writeString(spec.resolveSibling("Unused.tla"), "---- MODULE Unused ----\nY == 1\n====\n");
        Compiler.Loaded unused = load();
        assertTrue(unused.generated());
        assertEquals(MachineCache.Status.HIT, unused.cache().status());

        // the config
        Files.writeString(config, "INIT Init\nNEXT Next\nCONSTANT Step = 2\n");
        Compiler.Loaded cfg = load();
        assertTrue(cfg.generated());
        assertEquals(MachineCache.Status.MISS, cfg.cache().status());

        // the spec itself
        Files.writeString(spec, Files.readString(spec).replace("Init == x = Max", "Init == x = Max + 1"));
        Compiler.Loaded changed = load();
        assertTrue(changed.generated());
        assertEquals("6", initialX(changed));
    }

    @Test
    void aDamagedInputsEntryIsAMissAndWrittenAgain() throws Exception {
        write("2", "INIT Init\nNEXT Next\nCONSTANT Step = 1\n");
        load();
        Path entry;
        try (Stream<Path> files = Files.list(tmp.resolve("cache"))) {
            entry = files.filter(f -> f.getFileName().toString().endsWith(".inputs")).findFirst().orElseThrow();
        }
        assertTrue(entry.getFileName().toString().matches("[0-9a-f]{64}\\.inputs"), entry::toString);
        String whole = Files.readString(entry);
        for (String damaged : List.of("", whole.substring(0, whole.length() / 2),
            whole.replaceFirst("[0-9a-f]{64}", "../../elsewhere"), whole.replaceFirst("[0-9a-f]{64}", "0".repeat(64)),
            whole.replace("CounterMachine", "OtherMachine"))) {
            Files.writeString(entry, damaged);
            Compiler.Loaded loaded = load();
            assertTrue(loaded.generated(), () -> "damaged entry read: " + damaged);
            assertEquals("2", initialX(loaded));
            assertEquals(whole, Files.readString(entry), "the entry is written again");
        }
    }

    @Test
    void withoutACacheEveryLoadGenerates() throws Exception {
        write("2", "INIT Init\nNEXT Next\nCONSTANT Step = 1\n");
        cache = MachineCache.off();
        assertTrue(load().generated());
        Compiler.Loaded again = load();
        assertTrue(again.generated());
        assertEquals(MachineCache.Status.OFF, again.cache().status());
    }
}
