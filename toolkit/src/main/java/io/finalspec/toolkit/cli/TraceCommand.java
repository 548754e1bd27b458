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

import io.finalspec.distributed.DistributedTraces;
import io.finalspec.distributed.TraceBatch;
import io.finalspec.runtime.machine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code finalspec trace}: are these ITF traces behaviours of the spec? */
@Command(name = "trace", mixinStandardHelpOptions = true,
    header = "Checks that ITF traces are behaviours of a spec.",
    description = {"Validates ITF traces (.itf.json) against a spec: each trace's first state must be initial and every",
        "step a transition of the spec (by the action in the state's #meta, when given). Takes files, folders (every",
        "*.itf.json in them, sorted), *.jsonl files and '-' (standard input), both one ITF trace per line. The spec is",
        "compiled once for all of them. Prints the first step of each trace that is not a behaviour, with a",
        "per-variable diff against the nearest successor, and the traces and steps checked per second.",
        "With --distributed the traces are checked on Hazelcast members, consecutive batches of them spread over the",
        "members by index; the verdicts and output are the single machine's, in the same order.",
        "Exit 0 when every trace is a behaviour, 1 when one is not."})
final class TraceCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private MachineCacheOption cacheOption;

    @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Trace files, folders of *.itf.json, *.jsonl files (one trace per line), or '-' for JSON lines on standard input.")
    private List<String> inputs;

    @Option(names = "--spec", required = true, paramLabel = "SPEC.tla", description = "The TLA+ module.")
    private Path specFile;

    @Option(names = {"-c", "--config"}, paramLabel = "CFG", description = "The TLC config (default: SPEC.cfg next to the spec).")
    private Path config;

    @Option(names = "--print", description = "Also print each trace, step by step.")
    private boolean print;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the counts and rates as JSON.")
    private Path json;

    @Mixin
    private DistributedOptions distributed;

    @Override
    public Integer call() throws IOException {
        distributed.checkUsage(spec.commandLine());
        OutputFiles.checkWritable("--json", json);
        List<List<Path>> files = files();
        SpecArgs args = new SpecArgs();
        args.spec = specFile;
        args.config = config;
        // The machine is loaded first: it fixes the order of the spec's strings before the trace's values are read.
        Machine machine = args.load(cacheOption, spec.commandLine().getErr()).machine();
        Verdicts verdicts = new Verdicts(spec.commandLine().getOut(), args.spec().getFileName().toString());
        long start = System.nanoTime();
        int members = 1;
        try (Stream<TraceBatch.Input> in = inputs(files)) {
            if (distributed.requested()) {
                members = distributed.withMembers(machine, "trace", m -> {
                    try (DistributedTraces d = new DistributedTraces(m.hz(), m.members(), JOIN_MILLIS, BATCH_BYTES, print)) {
                        d.check(in.iterator(), verdicts::add);
                        return d.members();
                    }
                });
            } else {
                TraceBatch batch = new TraceBatch(machine, print);
                in.forEach(t -> verdicts.add(t, batch.check(t)));
            }
        }
        Rates rates = new Rates(verdicts.checked, verdicts.steps, (System.nanoTime() - start) / 1e9, verdicts.replayNanos / 1e9,
            verdicts.failed, members);
        if (!single()) {
            verdicts.out.println(rates.line());
        }
        if (json != null) {
            Files.writeString(json, rates.json(args.spec(), args.config()) + System.lineSeparator());
        }
        return verdicts.failed == 0 ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }

    /** How long a distributed run waits for its members to join, and the ITF bytes of a batch sent to one. */
    private static final long JOIN_MILLIS = 60_000;
    private static final int BATCH_BYTES = 1 << 16;

    /** The verdicts, in input order, printed as they come and counted. */
    private final class Verdicts {
        final PrintWriter out;
        final String specName;
        int checked;
        int failed;
        long steps;
        long replayNanos;

        Verdicts(PrintWriter out, String specName) {
            this.out = out;
            this.specName = specName;
        }

        void add(TraceBatch.Input input, TraceBatch.Verdict v) {
            if (v.malformed() != null) {
                // ITF is user input: a malformed trace is reported where it is malformed, whatever part of it is.
                throw new UserError(v.malformed());
            }
            if (print) {
                out.print(v.printed());
            }
            replayNanos += v.replayNanos();
            checked++;
            steps += Math.max(0, v.states() - 1);
            if (!v.ok()) {
                failed++;
                out.printf("%s: NOT a behaviour of %s%n%s%n", input.name(), specName, v.report());
            } else if (single()) {
                out.printf("%s: a behaviour of %s (%d states)%n", input.name(), specName, v.states());
            }
        }
    }

    /**
     * What a run checked and how fast: {@code seconds} from the first input read to the last replay
     * (reading, UTF-8 and ITF parsing included), {@code replaySeconds} the replays alone.
     */
    record Rates(int traces, long steps, double seconds, double replaySeconds, int failed, int members) {
        double stepsPerSecond() {
            return steps / Math.max(seconds, 1e-9);
        }

        /** Microseconds per trace, reading included. */
        double microsPerTrace() {
            return traces == 0 ? 0 : seconds * 1e6 / traces;
        }

        /** Microseconds per trace, replay alone. */
        double replayMicrosPerTrace() {
            return traces == 0 ? 0 : replaySeconds * 1e6 / traces;
        }

        String line() {
            return String.format("%,d traces (%,d steps) checked in %.3f s, ITF parsing included: %,.0f traces/s, %,.0f steps/s,"
                    + " %,.0f us per trace (replay alone %,.0f us); %d not a behaviour",
                traces, steps, seconds, traces / Math.max(seconds, 1e-9), stepsPerSecond(), microsPerTrace(),
                replayMicrosPerTrace(), failed);
        }

        String json(Path spec, Path config) {
            com.google.gson.JsonObject o = new com.google.gson.JsonObject();
            o.addProperty("spec", spec.toString());
            o.addProperty("config", config.toString());
            o.addProperty("traces", traces);
            o.addProperty("steps", steps);
            o.addProperty("not_behaviours", failed);
            o.addProperty("members", members);
            o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
            o.addProperty("replay_seconds", Math.round(replaySeconds * 1000) / 1000.0);
            o.addProperty("steps_per_second", Math.round(stepsPerSecond()));
            o.addProperty("micros_per_trace", Math.round(microsPerTrace()));
            o.addProperty("replay_micros_per_trace", Math.round(replayMicrosPerTrace()));
            return new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(o);
        }
    }

    /** One file named on the command line: the output keeps the single-trace form. */
    private boolean single() {
        return inputs.size() == 1 && !inputs.get(0).equals("-") && !Files.isDirectory(Path.of(inputs.get(0))) && !jsonLines(Path.of(inputs.get(0)));
    }

    private static boolean jsonLines(Path p) {
        return p.getFileName() != null && p.getFileName().toString().endsWith(".jsonl");
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
    private Stream<TraceBatch.Input> inputs(List<List<Path>> files) {
        List<Stream<TraceBatch.Input>> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            parts.add(inputs.get(i).equals("-") ? lines("<stdin>", System.in)
                : files.get(i).stream().flatMap(p -> jsonLines(p) ? fileLines(p) : Stream.of(readFile(p))));
        }
        return parts.stream().flatMap(s -> s);
    }

    private static TraceBatch.Input readFile(Path p) {
        try {
            return new TraceBatch.Input(p.toString(), Files.readAllBytes(p), null);
        } catch (IOException e) {
            throw new UserError(p + ": " + e.getMessage());
        }
    }

    private static Stream<TraceBatch.Input> fileLines(Path p) {
        try {
            return lines(p.toString(), Files.newInputStream(p));
        } catch (IOException e) {
            throw new UserError(p + ": " + e.getMessage());
        }
    }

    /** JSON lines: one trace per line, read one line at a time; blank lines are skipped. */
    private static Stream<TraceBatch.Input> lines(String name, java.io.InputStream in) {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int[] line = {0};
        return r.lines().map(text -> new TraceBatch.Input(name + ":" + ++line[0], null, text)).filter(i -> !i.text().isBlank())
            .onClose(() -> {
                try {
                    r.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
    }
}
