package io.finalspec.toolkit.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

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

/** {@code finalspec trace}: are these ITF traces behaviours of the spec? */
@Command(name = "trace", mixinStandardHelpOptions = true,
    header = "Checks that ITF traces are behaviours of a spec.",
    description = {"Validates ITF traces (.itf.json) against a spec: each trace's first state must be initial and every",
        "step a transition of the spec (by the action in the state's #meta, when given). Takes files, folders (every",
        "*.itf.json in them, sorted) and '-' (standard input: one ITF trace per line, JSON lines). The spec is",
        "compiled once for all of them. Prints the first step of each trace that is not a behaviour, with a",
        "per-variable diff against the nearest successor, and the traces and steps checked per second.",
        "Exit 0 when every trace is a behaviour, 1 when one is not."})
final class TraceCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files, folders of *.itf.json, or '-' for JSON lines on standard input.")
    private List<String> inputs;

    @Option(names = "--spec", required = true, paramLabel = "SPEC.tla", description = "The TLA+ module.")
    private Path specFile;

    @Option(names = {"-c", "--config"}, paramLabel = "CFG", description = "The TLC config (default: SPEC.cfg next to the spec).")
    private Path config;

    @Option(names = "--print", description = "Also print each trace, step by step.")
    private boolean print;

    /** One trace to check: where it came from (for messages) and its bytes (UTF-8, checked by the ITF reader). */
    private record Input(String name, byte[] utf8) {
    }

    @Override
    public Integer call() throws IOException {
        List<List<Path>> files = files();
        SpecArgs args = new SpecArgs();
        args.spec = specFile;
        args.config = config;
        // The machine is loaded first: it fixes the order of the spec's strings before the trace's values are read.
        Machine machine = args.load();
        PrintWriter out = spec.commandLine().getOut();
        TraceReplayer replayer = new TraceReplayer(machine);
        long start = System.nanoTime();
        int checked = 0;
        int failed = 0;
        long steps = 0;
        for (Input input : (Iterable<Input>) inputs(files)::iterator) {
            Trace trace = read(input, machine);
            if (print) {
                out.print(TraceDiff.format(trace));
            }
            TraceReplayer.Report report = replayer.replay(trace);
            checked++;
            steps += Math.max(0, trace.size() - 1);
            if (!report.ok()) {
                failed++;
                out.printf("%s: NOT a behaviour of %s%n%s%n", input.name(), args.spec().getFileName(), report);
            } else if (single()) {
                out.printf("%s: a behaviour of %s (%d states)%n", input.name(), args.spec().getFileName(), trace.size());
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        if (!single()) {
            out.printf("%,d traces (%,d steps) checked in %.3f s, ITF parsing included: %,.0f traces/s, %,.0f steps/s; %d not a behaviour%n",
                checked, steps, secs, checked / Math.max(secs, 1e-9), steps / Math.max(secs, 1e-9), failed);
        }
        return failed == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** One file named on the command line: the output keeps the single-trace form. */
    private boolean single() {
        return inputs.size() == 1 && !inputs.get(0).equals("-") && !Files.isDirectory(Path.of(inputs.get(0)));
    }

    /** Per input, the files named or found in the folder named (none for '-'), checked before the spec is compiled. */
    private List<List<Path>> files() throws IOException {
        List<List<Path>> out = new ArrayList<>();
        for (String in : inputs) {
            Path p = Path.of(in);
            if (in.equals("-")) {
                out.add(List.of());
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    out.add(s.filter(f -> f.getFileName().toString().endsWith(".itf.json") && Files.isRegularFile(f)).sorted().toList());
                }
            } else if (Files.isRegularFile(p)) {
                out.add(List.of(p));
            } else {
                throw new UserError(p + ": trace not found");
            }
        }
        return out;
    }

    /** The traces in command-line order, read one at a time (standard input line by line). */
    private Stream<Input> inputs(List<List<Path>> files) {
        List<Stream<Input>> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(inputs.get(i).equals("-") ? stdinLines() : files.get(i).stream().map(TraceCommand::readFile));
        }
        return parts.stream().flatMap(s -> s);
    }

    private static Input readFile(Path p) {
        try {
            return new Input(p.toString(), Files.readAllBytes(p));
        } catch (IOException e) {
            throw new UserError(p + ": " + e.getMessage());
        }
    }

    private static Stream<Input> stdinLines() {
        BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int[] line = {0};
        return r.lines().map(text -> new Input("<stdin>:" + ++line[0], text.getBytes(StandardCharsets.UTF_8)))
            .filter(i -> i.utf8().length > 0 && !new String(i.utf8(), StandardCharsets.UTF_8).isBlank());
    }

    private static Trace read(Input input, Machine machine) {
        try {
            return Itf.read(input.utf8(), machine.names()).toTrace(machine);
        } catch (ItfException e) {
            // ITF is user input: a malformed trace is reported where it is malformed, whatever part of it is.
            throw new UserError(e.format(input.name()));
        }
    }
}
