package io.finalspec.tests.fuzz;

import io.finalspec.toolkit.tlc.Children;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.finalspec.codegen.CompileOptions;
import io.finalspec.codegen.CompileResult;
import io.finalspec.codegen.diag.Diagnostic;
import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.tests.support.IsolatedExplore;
import io.finalspec.toolkit.tlc.TlcOptions;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;

/**
 * Runs one generated spec through the generated machine (in process, with its own copy of the
 * runtime) and through TLC (a child JVM with a deadline), and compares what they found: verdict,
 * distinct and generated states, depth, and the length of a counterexample.
 */
final class Differential {

    /** How a comparison came out. */
    enum Kind {
        /** both sides found the same */
        AGREE,
        /** the compiler rejected the spec with a positioned {@code unsupported:} diagnostic */
        REJECTED,
        /** TLC (SANY) rejected the spec: the generator wrote something that is not TLA+ */
        INVALID,
        /** too large to compare (the machine hit its state cap, or TLC its deadline) */
        SKIPPED,
        /** a mutant both sides refuse: finalspec with positioned diagnostics, TLC with an error */
        BOTH_REJECT,
        /** a difference: a bug in finalspec (or in TLC) */
        DIFFER
    }

    /** {@code verdict} (pass, invariant, deadlock, error) and {@code distinct} are TLC's, where it ran to the end. */
    record Outcome(Kind kind, String detail, String verdict, long distinct) {
        static Outcome of(Kind kind, String detail) {
            return new Outcome(kind, detail, "", -1);
        }
    }

    private static final java.util.regex.Pattern TLC_LIVENESS_BUG =
        java.util.regex.Pattern.compile("the identifier \\w+ is either undefined or not an operator\\.");

    /** The machine explores at most this many distinct states; the specs are built to stay far below. */
    static final long MAX_DISTINCT = 50_000;
    /**
     * The cap of a model with a PROPERTY, whose liveness check needs the whole graph (it was
     * explored uncapped): past it TLC's liveness check does not end within its time either, and the
     * machine's graph would grow in the test JVM's heap.
     */
    static final long MAX_DISTINCT_WITH_PROPERTY = 500_000;

    private final TlcRunner tlc;
    /** The machine's time, TLC's: a spec the machine does not finish in it is skipped, as one TLC does not finish. */
    private final java.time.Duration machineTimeLimit;
    private final AtomicLong machineNanos = new AtomicLong();
    private final AtomicLong tlcNanos = new AtomicLong();

    /** Whether a generated spec is checked through {@link FuzzSpec#wrapper} (its instance) instead of itself. */
    private final boolean throughInstance;

    Differential(double tlcTimeoutSeconds) {
        this(tlcTimeoutSeconds, false);
    }

    Differential(double tlcTimeoutSeconds, boolean throughInstance) {
        this.tlc = new TlcRunner(new TlcOptions(1, "512m", tlcTimeoutSeconds, true));
        this.machineTimeLimit = java.time.Duration.ofMillis((long) (tlcTimeoutSeconds * 1000));
        this.throughInstance = throughInstance;
    }

    /** Seconds spent compiling and exploring in process, and waiting for TLC, over all comparisons so far. */
    String timing() {
        return String.format("%.0f s compiling and exploring, %.0f s in TLC (all threads)", machineNanos.get() / 1e9,
            tlcNanos.get() / 1e9);
    }

    private TlcResult runTlc(Path tla, Path cfg) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            return tlc.check(tla, cfg, p -> { });
        } finally {
            tlcNanos.addAndGet(System.nanoTime() - start);
        }
    }

    Outcome compare(FuzzSpec spec) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("finalspec-fuzz");
        try {
            Path tla = dir.resolve(FuzzSpec.MODULE + ".tla");
            Path cfg = dir.resolve(FuzzSpec.MODULE + ".cfg");
            Files.writeString(tla, spec.tla());
            Files.writeString(cfg, spec.cfg());
            if (throughInstance) {
                Path wrapper = dir.resolve(FuzzSpec.WRAPPER + ".tla");
                Path wrapperCfg = dir.resolve(FuzzSpec.WRAPPER + ".cfg");
                Files.writeString(wrapper, spec.wrapper());
                Files.writeString(wrapperCfg, spec.cfg());
                return compare(wrapper, wrapperCfg);
            }
            return compare(tla, cfg);
        } finally {
            Children.deleteTree(dir);
        }
    }

    /**
     * Compares a mutated spec, which may well be invalid: the compiler must not throw and must give
     * positioned diagnostics; a spec it refuses must be one TLC refuses too (any error: SANY's, or
     * TLC's before or during the search), unless it is outside the fragment ({@code unsupported:});
     * a spec it compiles is compared like a generated one.
     */
    Outcome compareMutant(Path tla, Path cfg) throws IOException, InterruptedException {
        CompileResult compiled;
        try {
            compiled = io.finalspec.codegen.Compiler.compile(tla, cfg, CompileOptions.inPackage("finalspec.generated"));
        } catch (Throwable e) {
            return Outcome.of(Kind.DIFFER, "the compiler threw " + e);
        }
        if (compiled.ok()) {
            return compare(tla, cfg, compiled);
        }
        if (compiled.diagnostics().isEmpty() || compiled.diagnostics().stream().anyMatch(d -> d.span() == null)) {
            return Outcome.of(Kind.DIFFER, "a refusal without a positioned diagnostic: " + compiled.describe().strip());
        }
        TlcResult t = runTlc(tla, cfg);
        if (t.outcome().kind() == Expectation.Kind.ERROR && !t.errorMessage().startsWith("TLC did not finish")) {
            return new Outcome(Kind.BOTH_REJECT, compiled.describe().strip() + "\n  TLC: " + t.errorMessage(), "error", -1);
        }
        if (isRejection(compiled.diagnostics())) {
            return Outcome.of(Kind.REJECTED, compiled.describe().strip());
        }
        return Outcome.of(Kind.DIFFER, "finalspec refuses a spec TLC checks (" + t.outcome() + ", " + t.distinct()
            + " distinct):\n" + compiled.describe().strip());
    }

    Outcome compare(Path tla, Path cfg) throws IOException, InterruptedException {
        return compare(tla, cfg, io.finalspec.codegen.Compiler.compile(tla, cfg, CompileOptions.inPackage("finalspec.generated")));
    }

    private Outcome compare(Path tla, Path cfg, CompileResult compiled) throws IOException, InterruptedException {
        long start = System.nanoTime();
        if (!compiled.ok()) {
            if (isRejection(compiled.diagnostics())) {
                return Outcome.of(Kind.REJECTED, compiled.describe().strip());
            }
            TlcResult t = runTlc(tla, cfg);
            if (tlcRejects(t)) {
                return Outcome.of(Kind.INVALID, "TLC: " + t.errorMessage() + "\nfinalspec: " + compiled.describe().strip());
            }
            return Outcome.of(Kind.DIFFER, "finalspec does not compile a spec TLC checks (" + t.outcome() + "):\n"
                + compiled.describe().strip());
        }
        IsolatedExplore.Result mine;
        // liveness needs the whole graph: a model with a PROPERTY is explored to a larger cap
        boolean property = Files.readString(cfg).contains("PROPERTY");
        long cap = property ? MAX_DISTINCT_WITH_PROPERTY : MAX_DISTINCT;
        try {
            mine = IsolatedExplore.run(tla, cfg, cap, machineTimeLimit);
        } catch (InvocationTargetException e) {
            mine = new IsolatedExplore.Result(-1, -1, -1, "ERROR", null, "machine failed: " + e.getCause(), java.util.List.of(), 0, 0);
        } catch (Exception | StackOverflowError e) {
            mine = new IsolatedExplore.Result(-1, -1, -1, "ERROR", null, "machine failed: " + e, java.util.List.of(), 0, 0);
        }
        machineNanos.addAndGet(System.nanoTime() - start);
        if (mine.outcome().equals("OK") && mine.queueLeft() > 0) { // a stopped run ends OK with states left
            return Outcome.of(Kind.SKIPPED, mine.distinct() >= cap ? "more than " + cap + " distinct states"
                : "the machine did not finish in " + machineTimeLimit.toSeconds() + " s");
        }
        if (mine.outcome().equals("OK") && !mine.notChecked().isEmpty()) {
            // a property outside the checked forms: reported as such, never as a pass
            return Outcome.of(Kind.REJECTED, "not checked: " + String.join("; ", mine.notChecked()));
        }
        TlcResult t = runTlc(tla, cfg);
        if (tlcRejects(t)) {
            return Outcome.of(Kind.INVALID, "TLC: " + t.errorMessage() + "\nfinalspec compiled it");
        }
        if (t.errorMessage().startsWith("TLC did not finish")) {
            return Outcome.of(Kind.SKIPPED, t.errorMessage());
        }
        if (property && !mine.outcome().equals("ERROR") && TLC_LIVENESS_BUG.matcher(t.errorMessage()).find()) {
            // TLC 2.18 fails on a declared variable in some liveness formulas ([]<>(x * 2 = 0):
            // TlcDivergenceTest); not a verdict to compare
            return Outcome.of(Kind.SKIPPED, "TLC's liveness error: " + t.errorMessage());
        }
        List<String> diffs = differences(t, mine);
        if (!diffs.isEmpty() && temporalFirst(t, mine) && sameTemporalViolation(tla, cfg, t)) {
            // TLC checks liveness during its search and may report a lasso before it reaches the
            // safety violation the machine reports first; the machine finds the same property
            // violated once the safety checks are left out
            return new Outcome(Kind.AGREE, summary(t) + " (TLC's liveness check ran before it reached finalspec's "
                + mine.outcome().toLowerCase(java.util.Locale.ROOT) + ")", "property", t.distinct());
        }
        if (diffs.isEmpty()) {
            return new Outcome(Kind.AGREE, summary(t), t.outcome().kind().toString().toLowerCase(java.util.Locale.ROOT),
                t.distinct());
        }
        return Outcome.of(Kind.DIFFER, String.join("; ", diffs) + "\n  TLC: " + summary(t) + "\n  finalspec: "
            + mine.outcome() + (mine.name() == null ? "" : " " + mine.name()) + ", " + mine.distinct() + " distinct, "
            + mine.generated() + " generated, depth " + mine.depth() + ", trace " + mine.traceLength()
            + (mine.message() == null ? "" : "\n  finalspec message: " + mine.message()));
    }

    /** TLC reports a temporal violation (a lasso), the machine a safety one (it checks liveness after the search). */
    private static boolean temporalFirst(TlcResult t, IsolatedExplore.Result mine) {
        boolean tlcLasso = t.trace().stream().anyMatch(s -> s.stutter() || s.backTo() > 0);
        return tlcLasso && (mine.outcome().equals("INVARIANT") || mine.outcome().equals("DEADLOCK")
            || mine.outcome().equals("PROPERTY") && !mine.message().startsWith("Temporal properties were violated"));
    }

    /**
     * Whether the machine finds TLC's violated property violated too when the model has no INVARIANT
     * and no deadlock check (its [][A]_v and initial-state conjuncts are still checked first).
     */
    private static boolean sameTemporalViolation(Path tla, Path cfg, TlcResult t) throws IOException {
        Path dir = Files.createTempDirectory("finalspec-fuzz-liveness");
        try {
            Path spec = dir.resolve(tla.getFileName());
            Files.copy(tla, spec);
            Path liveness = dir.resolve(cfg.getFileName());
            String text = Files.readString(cfg).replaceAll("(?m)^INVARIANT .*\n", "")
                .replaceAll("(?m)^CHECK_DEADLOCK .*\n", "") + "CHECK_DEADLOCK FALSE\n";
            Files.writeString(liveness, text);
            IsolatedExplore.Result again = IsolatedExplore.run(spec, liveness);
            return again.outcome().equals("PROPERTY") && again.message().startsWith("Temporal properties were violated")
                && Expectation.property(again.name()).equals(t.outcome());
        } catch (Exception e) {
            return false;
        } finally {
            Children.deleteTree(dir);
        }
    }

    /** Only positioned {@code unsupported} diagnostics count as rejecting a spec outside the fragment. */
    static boolean isRejection(List<Diagnostic> diagnostics) {
        return !diagnostics.isEmpty() && diagnostics.stream()
            .allMatch(d -> d.code().equals("unsupported") && d.span().line() >= 1 && d.message().startsWith("unsupported"));
    }

    /** SANY's parse and semantic errors, as opposed to TLC's evaluation errors. */
    private static boolean tlcRejects(TlcResult t) {
        String m = t.errorMessage();
        return t.outcome().kind() == Expectation.Kind.ERROR && (m.contains("parse error")
            || m.contains("parsing or semantic analysis failed") || m.contains("Semantic error")
            || m.contains("Multiply-defined") || m.contains("Unknown operator") || m.contains("was not defined"));
    }

    private static List<String> differences(TlcResult t, IsolatedExplore.Result mine) {
        List<String> diffs = new ArrayList<>();
        Expectation theirs = t.outcome();
        boolean tlcError = theirs.kind() == Expectation.Kind.ERROR;
        boolean myError = mine.outcome().equals("ERROR");
        if (tlcError || myError) {
            if (tlcError != myError) {
                diffs.add("verdict: TLC " + (tlcError ? "error: " + t.errorMessage() : theirs) + ", finalspec "
                    + (myError ? "error: " + mine.message() : mine.outcome()));
            }
            return diffs; // after an evaluation error the counts are where each tool happened to stop
        }
        Expectation ours = switch (mine.outcome()) {
            case "OK" -> Expectation.PASS;
            case "INVARIANT" -> Expectation.invariant(mine.name());
            case "DEADLOCK" -> Expectation.DEADLOCK;
            case "PROPERTY" -> Expectation.property(mine.name());
            default -> Expectation.error(mine.message());
        };
        if (!theirs.equals(ours)) {
            diffs.add("verdict: TLC " + theirs + ", finalspec " + ours);
        }
        boolean tlcLasso = t.trace().stream().anyMatch(s -> s.stutter() || s.backTo() > 0);
        boolean myLasso = mine.message() != null && mine.message().startsWith("Temporal properties were violated");
        if (tlcLasso || myLasso) {
            // TLC checks liveness at points of its search that depend on time, so its counts at a
            // temporal violation are where it happened to be; and a lasso is one of many
            if (tlcLasso != myLasso) {
                diffs.add("a temporal violation only by " + (tlcLasso ? "TLC" : "finalspec"));
            }
            return diffs;
        }
        if (t.distinct() >= 0 && t.distinct() != mine.distinct()) {
            diffs.add("distinct: TLC " + t.distinct() + ", finalspec " + mine.distinct());
        }
        if (t.generated() >= 0 && t.generated() != mine.generated()) {
            diffs.add("generated: TLC " + t.generated() + ", finalspec " + mine.generated());
        }
        if (t.depth() >= 0 && t.depth() != mine.depth()) {
            diffs.add("depth: TLC " + t.depth() + ", finalspec " + mine.depth());
        }
        // TLC reports a violating initial state without a trace (as an error message): a trace of one state
        int theirLength = t.trace().isEmpty() ? 1 : t.trace().size();
        if (theirs.isViolation() && ours.isViolation() && theirLength != mine.traceLength()) {
            diffs.add("counterexample length: TLC " + theirLength + ", finalspec " + mine.traceLength());
        }
        return diffs;
    }

    private static String summary(TlcResult t) {
        return t.outcome() + ", " + t.distinct() + " distinct, " + t.generated() + " generated, depth " + t.depth()
            + (t.trace().isEmpty() ? "" : ", trace " + t.trace().size());
    }
}
