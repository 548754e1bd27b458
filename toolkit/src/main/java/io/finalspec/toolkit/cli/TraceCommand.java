package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.trace.ItfException;
import io.finalspec.runtime.trace.Trace;
import io.finalspec.runtime.trace.TraceDiff;
import io.finalspec.runtime.trace.TraceReplayer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finalspec trace}: is this ITF trace a behaviour of the spec? */
@Command(name = "trace", mixinStandardHelpOptions = true,
    header = "Checks that an ITF trace is a behaviour of a spec.",
    description = {"Validates an ITF trace (.itf.json) against a spec: its first state must be initial and every",
        "step a transition of the spec (by the action in the state's #meta, when given). Prints the first step",
        "that is not, with a per-variable diff against the nearest successor. Exit 0 when the trace is a behaviour."})
final class TraceCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.itf.json", description = "The trace.")
    private Path file;

    @Option(names = "--spec", required = true, paramLabel = "SPEC.tla", description = "The TLA+ module.")
    private Path specFile;

    @Option(names = {"-c", "--config"}, paramLabel = "CFG", description = "The TLC config (default: SPEC.cfg next to the spec).")
    private Path config;

    @Option(names = "--print", description = "Also print the trace, step by step.")
    private boolean print;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": trace not found");
        }
        SpecArgs args = new SpecArgs();
        args.spec = specFile;
        args.config = config;
        // The machine is loaded first: it fixes the order of the spec's strings before the trace's values are read.
        Machine machine = args.load();
        Trace trace = read(machine);
        PrintWriter out = spec.commandLine().getOut();
        if (print) {
            out.print(TraceDiff.format(trace));
        }
        TraceReplayer.Report report = new TraceReplayer(machine).replay(trace);
        if (report.ok()) {
            out.printf("%s: a behaviour of %s (%d states)%n", file.getFileName(), args.spec().getFileName(), trace.size());
            return ExitCode.OK.code();
        }
        out.printf("%s: NOT a behaviour of %s%n%s%n", file.getFileName(), args.spec().getFileName(), report);
        return ExitCode.FAILED.code();
    }

    private Trace read(Machine machine) throws IOException {
        try {
            return Itf.read(Files.readAllBytes(file), machine.names()).toTrace(machine);
        } catch (ItfException e) {
            // ITF is user input: a malformed file is reported where it is malformed, whatever part of it is.
            throw new UserError(e.format(file.toString()));
        }
    }
}
