package io.finalspec.toolkit.tlc;

import java.util.List;
import java.util.Objects;

import io.finalspec.codegen.manifest.Expectation;

/**
 * What one TLC run found.
 *
 * @param outcome   pass, the violation, or an error (with a positioned message where known)
 * @param generated states generated, as TLC counts them (-1 when TLC did not get that far)
 * @param distinct  distinct states found (-1 when unknown)
 * @param depth     depth of the complete state graph search (-1 when unknown)
 * @param seconds   wall-clock seconds of the run, JVM start included
 * @param trace     the counterexample, empty unless the outcome is a violation
 * @param exitCode  TLC's process exit code
 * @param tlcSeconds TLC's own "Finished in" time (parsing and checking, no JVM start), negative when unknown
 */
public record TlcResult(Expectation outcome, long generated, long distinct, int depth, double seconds,
                        List<TraceStep> trace, int exitCode, double tlcSeconds) {

    public TlcResult {
        Objects.requireNonNull(outcome, "outcome");
        trace = List.copyOf(trace);
    }

    /** How the error message of a TLC run that filled its heap begins. */
    public static final String OUT_OF_MEMORY = "TLC ran out of memory";

    /** Whether TLC stopped because its heap was full (a resource, not a verdict). */
    public boolean outOfMemory() {
        return errorMessage().startsWith(OUT_OF_MEMORY);
    }

    /** The error message of an {@code error} outcome, empty otherwise. */
    public String errorMessage() {
        return outcome.kind() == Expectation.Kind.ERROR ? outcome.detail() : "";
    }
}
