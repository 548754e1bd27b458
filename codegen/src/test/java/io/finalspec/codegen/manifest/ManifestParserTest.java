package io.finalspec.codegen.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestParserTest {

    @TempDir
    Path dir;

    private Path manifest(String text) throws Exception {
        Files.writeString(dir.resolve("A.tla"), "---- MODULE A ----\nVARIABLES owner, freed\nFinZap == owner' = 1\nReap(t) == freed' = t\n====\n");
        Files.writeString(dir.resolve("a.cfg"), "\n");
        Path m = dir.resolve("models.toml");
        Files.writeString(m, text);
        return m;
    }

    private static final String GOOD = """
        # comment
        [[model]]
        name = "a-buggy"   # trailing comment
        spec = "A.tla"
        config = "a.cfg"
        cpython = ["3.9", "3.10"]
        expect = "invariant NoDanglingDeref"
        bug = "bpo-39877"
        summary = "has a \\"quote\\" and a # hash"

        [[model]]
        name = "a-large"
        spec = "A.tla"
        config = "a.cfg"
        cpython = []
        expect = "pass"
        tier = "large"
        """;

    @Test
    void readsEveryField() throws Exception {
        Manifest m = ManifestParser.parse(manifest(GOOD));
        assertEquals(2, m.models().size());
        ModelEntry a = m.models().get(0);
        assertEquals("a-buggy", a.name());
        assertEquals(List.of("3.9", "3.10"), a.cpython());
        assertEquals(Expectation.invariant("NoDanglingDeref"), a.expect());
        assertEquals("bpo-39877", a.bug().orElseThrow());
        assertEquals("has a \"quote\" and a # hash", a.summary());
        assertEquals(ModelEntry.Tier.DEFAULT, a.tier());
        assertEquals(ModelEntry.Tier.LARGE, m.models().get(1).tier());
        assertEquals(List.of(a), m.select(List.of(), false));
        assertEquals(2, m.select(List.of(), true).size());
    }

    @Test
    void readsDrawingTables() throws Exception {
        Manifest m = ManifestParser.parse(manifest(GOOD + """

            [[drawing]]
            spec = "A.tla"
            actors = ["Fin* = Main", "Reap = reaper"]
            bands = ["GIL = owner", "freed = freed"]
            """));
        DrawingEntry d = m.drawing(dir.resolve("A.tla")).orElseThrow();
        assertEquals(List.of(new DrawingEntry.ActorRule("Fin*", "Main"), new DrawingEntry.ActorRule("Reap", "reaper")), d.actors());
        assertEquals(List.of(new DrawingEntry.Band("GIL", "owner"), new DrawingEntry.Band("freed", "freed")), d.bands());
        assertEquals(true, d.actors().get(0).matches("FinZapThreads"));
        assertEquals(false, d.actors().get(1).matches("Reaper"));
        assertEquals(2, m.models().size());
    }

    @Test
    void drawingMistakesArePositioned() throws Exception {
        assertEquals("2:10: 'Fin*' must have the form \"Action = actor\" or \"Prefix* = actor\"",
            error("[[drawing]]\nactors = [\"Fin*\"]\nspec = \"A.tla\"\n"));
        assertEquals("3:10: 'F-n*' is not an action name or a prefix ending in *",
            error("[[drawing]]\nspec = \"A.tla\"\nactors = [\"F-n* = Main\"]\n"));
        assertEquals("1:1: [[drawing]] is missing required key 'spec'", error("[[drawing]]\nbands = []\n"));
        assertEquals("2:1: unknown key 'name' (known: actors, bands, spec)", error("[[drawing]]\nname = \"x\"\n"));
        assertEquals("3:1: a second [[drawing]] for A.tla",
            error("[[drawing]]\nspec = \"A.tla\"\n[[drawing]]\nspec = \"A.tla\"\n"));
    }

    /** The project's own manifest: reading it checks every band and actor rule of its drawings against its specs. */
    @Test
    void everyDrawingOfTheProjectsManifestNamesItsSpecsVariablesAndActions() throws Exception {
        Manifest m = ManifestParser.parse(Path.of("../specs/models.toml"));
        assertEquals(true, m.drawings().size() >= 8, "drawings: " + m.drawings().size());
        for (DrawingEntry d : m.drawings()) {
            assertEquals(true, !d.actors().isEmpty() || !d.bands().isEmpty(), d.spec() + " draws nothing of its own");
        }
    }

    @Test
    void drawingNamesMustBeTheSpecs() throws Exception {
        assertEquals("3:9: band 'GIL' names 'ownr', which is not a variable of A.tla",
            error("[[drawing]]\nspec = \"A.tla\"\nbands = [\"GIL = owner\", \"GIL = ownr\"]\n"));
        assertEquals("3:9: band 'freed' names 'fred', which is not a variable of A.tla",
            error("[[drawing]]\nspec = \"A.tla\"\nbands = [\"freed = fred : TRUE\"]\n"));
        assertEquals("3:10: actor rule 'Reaper' matches no operator defined in A.tla",
            error("[[drawing]]\nspec = \"A.tla\"\nactors = [\"Reaper = r\"]\n"));
        assertEquals("3:10: actor rule 'Fn*' matches no operator defined in A.tla",
            error("[[drawing]]\nspec = \"A.tla\"\nactors = [\"Reap = r\", \"Fn* = Main\"]\n"));
        DrawingEntry d = ManifestParser.parse(manifest("[[drawing]]\nspec = \"A.tla\"\nbands = [\"freed = freed : TRUE\"]\n"))
            .drawings().get(0);
        assertEquals("freed", d.bands().get(0).variableName());
    }

    private String error(String text) throws Exception {
        Path file = manifest(text);
        return assertThrows(ManifestException.class, () -> ManifestParser.parse(file)).getMessage()
            .substring(file.toString().length() + 1);
    }

    @Test
    void mistakesArePositioned() throws Exception {
        assertEquals("2:1: unknown key 'nam' (known: bug, config, cpython, expect, name, spec, summary, tier, witnesses)",
            error("[[model]]\nnam = \"x\"\n"));
        assertEquals("1:1: [[model]] is missing required key 'config'",
            error("[[model]]\nname = \"x\"\nspec = \"A.tla\"\ncpython = []\nexpect = \"pass\"\n"));
        assertEquals("3:8: file not found: B.tla",
            error("[[model]]\nname = \"x\"\nspec = \"B.tla\"\nconfig = \"a.cfg\"\ncpython = []\nexpect = \"pass\"\n"));
        assertEquals("6:10: expect must be pass, deadlock, 'invariant <Name>' or 'property <Name>', not 'fail'",
            error("[[model]]\nname = \"x\"\nspec = \"A.tla\"\nconfig = \"a.cfg\"\ncpython = []\nexpect = \"fail\"\n"));
        assertEquals("1:1: unknown table [model] (only [[model]] and [[drawing]] are allowed)", error("[model]\n"));
        assertEquals("1:1: key outside a [[model]] table", error("name = \"x\"\n"));
        assertEquals("2:8: unterminated string", error("[[model]]\nname = \"x\n"));
        assertEquals("2:11: 'cpython' must be an array of strings", error("[[model]]\ncpython = \"3.9\"\n"));
    }

    @Test
    void bytesThatAreNotUtf8AndPathsWithNulArePositioned() throws Exception {
        Path file = manifest("");
        Files.write(file, new byte[] {'[', '[', 'm', 'o', 'd', 'e', 'l', ']', ']', '\n', 'n', 'a', (byte) 0xFF});
        assertEquals(file + ":2:3: not UTF-8 (byte 0xff)", assertThrows(ManifestException.class, () -> ManifestParser.parse(file)).getMessage());
        assertEquals("3:8: not a file name: Nul character not allowed",
            error("[[model]]\nname = \"x\"\nspec = \"A\u0000.tla\"\nconfig = \"a.cfg\"\ncpython = []\nexpect = \"pass\"\n"));
    }

    @Test
    void duplicateNamesAreRejected() throws Exception {
        String one = "[[model]]\nname = \"x\"\nspec = \"A.tla\"\nconfig = \"a.cfg\"\ncpython = []\nexpect = \"pass\"\n";
        assertEquals("7:1: duplicate model name 'x'", error(one + one));
    }

    private static final String WITH_WITNESSES = "[[model]]\nname = \"w\"\nspec = \"W.tla\"\nconfig = \"a.cfg\"\n"
        + "cpython = []\nexpect = \"pass\"\nwitnesses = %s\n";

    private void witnessSpec() throws Exception {
        Files.writeString(dir.resolve("W.tla"), """
            ---- MODULE W ----
            VARIABLE x
            Danger == x = 2
            Step(n) == x' = n
            ====
            """);
    }

    @Test
    void witnessesAreOperatorsWithoutParametersOfTheSpec() throws Exception {
        witnessSpec();
        ModelEntry w = ManifestParser.parse(manifest(WITH_WITNESSES.formatted("[\"Danger\"]"))).models().get(0);
        assertEquals(List.of("Danger"), w.witnesses());
        assertEquals(List.of(), ManifestParser.parse(manifest(GOOD)).models().get(0).witnesses());
        assertEquals("7:13: witness 'Nope' is not an operator without parameters defined in W.tla",
            error(WITH_WITNESSES.formatted("[\"Danger\", \"Nope\"]")));
        assertEquals("7:13: witness 'Step' is not an operator without parameters defined in W.tla",
            error(WITH_WITNESSES.formatted("[\"Step\"]")));
        assertEquals("7:13: witness 'Danger' is listed twice", error(WITH_WITNESSES.formatted("[\"Danger\", \"Danger\"]")));
        assertEquals("7:13: witness '~Danger' is not an operator name", error(WITH_WITNESSES.formatted("[\"~Danger\"]")));
        assertEquals("7:13: 'witnesses' must be an array of strings", error(WITH_WITNESSES.formatted("\"Danger\"")));
    }

    @Test
    void unknownModelNameIsAUserError() throws Exception {
        Manifest m = ManifestParser.parse(manifest(GOOD));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.select(List.of("nope"), false));
        assertEquals(true, e.getMessage().startsWith("unknown model 'nope'"));
    }
}
