package io.finalspec.toolkit.tlc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.finalspec.codegen.manifest.Expectation;

/**
 * Runs TLC on one spec and config in a separate JVM and reports what it found.
 *
 * <p>A subprocess, not an in-process call: TLC keeps its state in static fields, may call
 * {@code System.exit}, and can exhaust its heap; a child JVM isolates all three and can be killed
 * on timeout (with its process tree, see {@link ChildProcess}). TLC's metadir and the standard modules it unpacks go to a fresh temporary folder
 * that is deleted afterwards, so nothing is left in the user's tree.
 */
public final class TlcRunner {

    private static final String WITNESS_MODULE = "FinalspecWitness";

    private final TlcOptions options;
    private final Class<?> mainClass;

    public TlcRunner(TlcOptions options) {
        this(options, TlcLauncher.class);
    }

    /** With another main class in place of TLC's launcher: tests use a fake TLC that hangs. */
    TlcRunner(TlcOptions options, Class<?> mainClass) {
        this.options = options;
        this.mainClass = mainClass;
    }

    /**
     * Checks {@code spec} with {@code config}. Bad input (missing files, parse errors, bad configs)
     * is reported in the result's outcome as an {@code error} with a positioned message.
     */
    public TlcResult check(Path spec, Path config, Consumer<TlcProgress> progress) throws IOException, InterruptedException {
        return check(spec, config, progress, null, m -> { });
    }

    /** As {@link #check(Path, Path, Consumer)}, also passing on the TLC process's peak memory when it exits. */
    public TlcResult check(Path spec, Path config, Consumer<TlcProgress> progress, Consumer<PeakMemory> memory)
            throws IOException, InterruptedException {
        return check(spec, config, progress, null, memory);
    }

    /**
     * As {@link #check(Path, Path, Consumer)}, keeping TLC's own output (stdout then stderr of each
     * TLC run, {@code -tool} messages included) in {@code log} when it is not null.
     */
    public TlcResult check(Path spec, Path config, Consumer<TlcProgress> progress, Path log) throws IOException, InterruptedException {
        return check(spec, config, progress, log, m -> { });
    }

    private TlcResult check(Path spec, Path config, Consumer<TlcProgress> progress, Path log, Consumer<PeakMemory> memory)
            throws IOException, InterruptedException {
        if (log != null) {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "");
        }
        Path specAbs = spec.toAbsolutePath().normalize();
        Path cfgAbs = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(specAbs)) {
            return failed(specAbs + ": spec not found");
        }
        if (!Files.isRegularFile(cfgAbs)) {
            return failed(cfgAbs + ": config not found");
        }
        String module = specAbs.getFileName().toString().replaceFirst("\\.tla$", "");
        // Decoded leniently: TLC judges the config; a byte that is not UTF-8 must not stop us reading its names.
        String cfgText = new String(Files.readAllBytes(cfgAbs), StandardCharsets.UTF_8);
        List<String> properties = CfgNames.after(cfgText, Set.of("PROPERTY", "PROPERTIES"));
        TlcResult result = runOnce(specAbs, cfgAbs, module, properties, progress, log, memory);
        if (result.outcome().equals(Expectation.property("?"))) {
            return nameViolatedProperty(result, specAbs, cfgAbs, module, properties, log);
        }
        return result;
    }

    /** The operator a witness run gives TLC as its only invariant: the negation of the witness. */
    public static String negatedWitness(String witness) {
        return "FinalspecNot_" + witness;
    }

    /**
     * Checks that the state predicate {@code witness} of {@code spec} is reachable under {@code config}:
     * TLC runs with {@code ~witness} as its only invariant (no properties, no deadlock check), so
     * the outcome is {@code invariant FinalspecNot_<witness>} with the shortest path to such a state
     * when it is reachable, and {@code pass} when no reachable state satisfies it. TLC cannot take a
     * negation in a config, so a wrapper module that extends the spec defines it; the wrapper
     * and a copy of the spec's folder's modules live in a temporary folder, never in the user's tree.
     */
    public TlcResult reach(Path spec, Path config, String witness, Consumer<TlcProgress> progress)
            throws IOException, InterruptedException {
        Path specAbs = spec.toAbsolutePath().normalize();
        Path cfgAbs = config.toAbsolutePath().normalize();
        if (!Files.isRegularFile(specAbs) || !Files.isRegularFile(cfgAbs)) {
            return failed((Files.isRegularFile(specAbs) ? cfgAbs : specAbs) + ": not found");
        }
        String module = specAbs.getFileName().toString().replaceFirst("\\.tla$", "");
        String wrapper = module.equals(WITNESS_MODULE) ? WITNESS_MODULE + "_" : WITNESS_MODULE;
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-witness");
        try {
            Path dir = Files.createDirectory(tmp.resolve("spec"));
            try (var files = Files.list(specAbs.getParent())) {
                for (Path f : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".tla"))::iterator) {
                    Files.copy(f, dir.resolve(f.getFileName()));
                }
            }
            Path wrapperFile = dir.resolve(wrapper + ".tla");
            Files.writeString(wrapperFile, "---- MODULE " + wrapper + " ----\nEXTENDS " + module + "\n"
                + negatedWitness(witness) + " == ~(" + witness + ")\n====\n");
            String cfgText = new String(Files.readAllBytes(cfgAbs), StandardCharsets.UTF_8);
            Path cfg = dir.resolve("witness.cfg");
            Files.writeString(cfg, CfgNames.without(cfgText, Set.of("INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES",
                "CHECK_DEADLOCK")) + "\nINVARIANT " + negatedWitness(witness) + "\nCHECK_DEADLOCK FALSE\n");
            ResultCollector collector = new ResultCollector(dir, cfg, wrapper, List.of());
            // A reachable witness is found within a few hundred states: start-up is the whole cost.
            return run(command(wrapperFile, cfg, tmp, true), dir, collector, progress, null, m -> { });
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
    }

    private TlcResult runOnce(Path spec, Path cfg, String module, List<String> properties, Consumer<TlcProgress> progress,
                              Path log, Consumer<PeakMemory> memory) throws IOException, InterruptedException {
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-tlc");
        try {
            ResultCollector collector = new ResultCollector(spec.getParent(), cfg, module, properties);
            return run(command(spec, cfg, tmp), spec.getParent(), collector, progress, log, memory);
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
    }

    /**
     * TLC reports a temporal violation without naming the property; with several in the config,
     * each is checked alone (in a derived config) until one fails. The first run's trace is kept.
     */
    private TlcResult nameViolatedProperty(TlcResult first, Path spec, Path cfg, String module, List<String> properties,
                                           Path log) throws IOException, InterruptedException {
        Path tmp = Children.ofThisJvm().tempFolder("finalspec-prop");
        try {
            String text = new String(Files.readAllBytes(cfg), StandardCharsets.UTF_8);
            for (String p : properties) {
                Path single = tmp.resolve(p + ".cfg");
                Files.writeString(single, CfgNames.withOnlyProperty(text, p));
                TlcResult alone = runOnce(spec, single, module, List.of(p), x -> { }, log, x -> { });
                if (alone.outcome().equals(Expectation.property(p))) {
                    return new TlcResult(alone.outcome(), first.generated(), first.distinct(), first.depth(),
                        first.seconds() + alone.seconds(), first.trace(), first.exitCode(), first.tlcSeconds());
                }
            }
            return first;
        } finally {
            Children.ofThisJvm().delete(tmp);
        }
    }

    private List<String> command(Path spec, Path cfg, Path tmp) {
        return command(spec, cfg, tmp, options.quickStart());
    }

    private List<String> command(Path spec, Path cfg, Path tmp, boolean quickStart) {
        List<String> cmd = Jvm.command(options.heap(), tmp, mainClass, quickStart);
        cmd.addAll(List.of("-tool", "-workers", String.valueOf(options.workers()),
            "-metadir", tmp.resolve("meta").toString(), "-config", cfg.toString(), spec.getFileName().toString()));
        return cmd;
    }

    /** The command line that starts TLC (through {@link TlcLauncher}); TLC's own arguments follow. */
    static List<String> javaCommand(TlcOptions options, Path tmp) {
        return Jvm.command(options.heap(), tmp, TlcLauncher.class, options.quickStart());
    }

    private TlcResult run(List<String> cmd, Path dir, ResultCollector collector, Consumer<TlcProgress> progress, Path log,
                          Consumer<PeakMemory> memory) throws IOException, InterruptedException {
        long start = System.nanoTime();
        StringBuilder stderr = new StringBuilder();
        StringBuilder stdout = new StringBuilder();
        ToolOutputReader reader = new ToolOutputReader(collector::accept);
        ChildProcess.Finished done = ChildProcess.run(new ProcessBuilder(cmd).directory(dir.toFile()), options.timeout(),
            line -> {
                if (log != null) {
                    stdout.append(line).append('\n');
                }
                reader.line(line);
            }, line -> stderrLine(line, stderr, start, progress, memory));
        reader.finish();
        if (log != null) {
            Files.writeString(log, stdout.append(stderr), java.nio.file.StandardOpenOption.APPEND);
        }
        return collector.finish(done.exitCode(), done.seconds(), stderr.toString(),
            done.timedOut() ? done.describeTimeout(options.timeout()) : null);
    }

    private static void stderrLine(String line, StringBuilder sink, long start, Consumer<TlcProgress> progress,
                                   Consumer<PeakMemory> memory) {
        if (line.startsWith(PeakMemory.PREFIX)) {
            PeakMemory.parse(line).ifPresent(memory);
        } else if (line.startsWith(TlcLauncher.PROGRESS_PREFIX)) {
            String[] f = line.substring(TlcLauncher.PROGRESS_PREFIX.length()).split(" ");
            double secs = (System.nanoTime() - start) / 1e9;
            progress.accept(new TlcProgress(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]), secs));
        } else {
            synchronized (sink) {
                sink.append(line).append('\n');
            }
        }
    }

    private static TlcResult failed(String message) {
        return new TlcResult(Expectation.error(message), -1, -1, -1, 0, List.of(), -1, -1);
    }
}
