package io.finalspec.toolkit.cli;

import static io.finalspec.toolkit.cli.CliProcess.TLC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.finalspec.toolkit.tlc.Jvm;
import picocli.CommandLine;

/** The command line's small promises, each through the real main and its exit code. */
class CliPapercutsTest {

    private static final String COUNTER = TLC.resolve("Counter.tla").toString();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run main(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    private static List<String> subcommands() {
        return new ArrayList<>(Main.commandLine(new String[0]).getSubcommands().keySet()).stream().filter(n -> !n.equals("help")).toList();
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        for (String command : subcommands()) {
            Run r = main(command, "--version");
            assertEquals(0, r.code(), command + ": " + r);
            assertTrue(r.out().startsWith("finalspec "), command + " --version printed: " + r.out());
        }
    }

    /** A run builds the one command it names; help, a mistake or no command builds them all. */
    @Test
    void onlyTheNamedCommandIsBuilt() {
        assertEquals(List.of("explore"), List.copyOf(Main.commandLine(new String[] {"explore", "x.tla"}).getSubcommands().keySet()));
        int all = Main.COMMANDS.size();
        assertEquals(all, Main.commandLine(new String[] {"help", "explore"}).getSubcommands().size());
        assertEquals(all, Main.commandLine(new String[] {"--version"}).getSubcommands().size());
        assertEquals(all, Main.commandLine(new String[] {"explroe"}).getSubcommands().size());
        Run wrong = main("explroe", "x.tla");
        assertEquals(2, wrong.code(), wrong.toString());
        assertTrue(wrong.err().contains("Try 'finalspec --help'."), wrong.err());
        Run help = main("help", "explore");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().contains("Usage: finalspec explore"), help.out());
    }

    @Test
    void helpParagraphsAreWrappedAtSpacesNotLeftRagged() {
        for (String command : subcommands()) {
            Run r = main(command, "--help");
            assertEquals(0, r.code(), command);
            List<String> lines = r.out().lines().toList();
            for (String line : lines) {
                assertTrue(line.length() <= 80, command + ": a help line is wider than 80 columns: " + line);
            }
            // the description: the unindented lines after the usage lines, before the first option
            int i = 0;
            while (i < lines.size() && !lines.get(i).startsWith("Usage:")) {
                i++;
            }
            i++;
            while (i < lines.size() && lines.get(i).startsWith(" ")) {
                i++;
            }
            for (; i + 1 < lines.size() && !lines.get(i + 1).startsWith(" ") && !lines.get(i + 1).isEmpty(); i++) {
                String line = lines.get(i);
                assertTrue(line.length() >= 50 || line.endsWith(".") || line.endsWith(":"),
                    command + ": a description line ends early and its sentence goes on in the next one:\n" + line + "\n" + lines.get(i + 1));
            }
        }
    }

    @Test
    void workersAuto() {
        Run auto = main("explore", COUNTER, "-c", TLC.resolve("Pass.cfg").toString(), "--workers", "auto", "--out", tmp.toString());
        assertEquals(0, auto.code(), auto.toString());
        Run bad = main("explore", COUNTER, "-c", TLC.resolve("Pass.cfg").toString(), "--workers", "many");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("'many' is not a count of workers (a number, or auto)"), bad.err());
    }

    @Test
    void diagnosticsNameFilesWithTheirFolder() throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("sub"));
        Files.writeString(sub.resolve("A.tla"), "---- MODULE A ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n====\n");
        Files.writeString(sub.resolve("A.cfg"), "INIT Init\nNEXT Nxt\n");
        Run r = main("explore", sub.resolve("A.tla").toString());
        assertEquals(3, r.code(), r.toString());
        assertTrue(r.err().contains(sub.resolve("A.cfg") + ":2:6: NEXT Nxt"), r.err());

        // a module that cannot be found is reported at its name in EXTENDS, not at the module's header
        Files.writeString(sub.resolve("B.tla"), "---- MODULE B ----\nEXTENDS Naturals,\n        TLAPS\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====\n");
        Files.writeString(sub.resolve("B.cfg"), "INIT Init\nNEXT Next\n");
        Run b = main("explore", sub.resolve("B.tla").toString());
        assertEquals(3, b.code(), b.toString());
        assertTrue(b.err().contains(sub.resolve("B.tla") + ":3:9: cannot find module 'TLAPS'"), b.err());
    }

    @Test
    void checkKeepsTlcsLogPerModel() {
        Run r = main("check", "--manifest", TLC.resolve("models.toml").toString(), "-m", "counter-pass", "-q", "--out", tmp.toString());
        assertEquals(0, r.code(), r.toString());
        Path log = tmp.resolve("logs/counter-pass.tlc.log");
        assertTrue(Files.isRegularFile(log), r.out());
        String text = assertReadable(log);
        assertTrue(text.contains("Model checking completed. No error has been found."), text);
    }

    private static String assertReadable(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(file + ": " + e);
        }
    }

    @Test
    void outputsGoUnderTheCurrentFolderNotTheCheckout() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("checkout"));
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        List<String> cmd = new ArrayList<>(Jvm.command("256m", Files.createDirectories(tmp.resolve("java-tmp")), Main.class));
        cmd.addAll(List.of("explore", COUNTER, "-c", TLC.resolve("Invariant.cfg").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.txt").toFile());
        pb.environment().put("FINALSPEC_HOME", home.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "explore ended");
        assertEquals(1, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
        assertTrue(Files.isDirectory(cwd.resolve("target/finalspec/traces")), Files.readString(tmp.resolve("out.txt")));
        assertFalse(Files.exists(home.resolve("target")), "nothing written into FINALSPEC_HOME");
    }
}
