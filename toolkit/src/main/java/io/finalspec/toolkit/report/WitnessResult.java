package io.finalspec.toolkit.report;

import java.util.Objects;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.toolkit.tlc.TlcResult;
import io.finalspec.toolkit.tlc.TlcRunner;

/**
 * What TLC found for one declared witness of a model: the witness is reached exactly when TLC
 * violated its negation, i.e. found a reachable state satisfying it (and the path to it).
 */
public record WitnessResult(String name, TlcResult result) {

    public WitnessResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(result, "result");
    }

    public boolean reached() {
        return result.outcome().equals(Expectation.invariant(TlcRunner.negatedWitness(name)));
    }

    /** {@code reached}, {@code UNREACHABLE} (TLC explored every state and none satisfies it) or the error. */
    public String verdict() {
        if (reached()) {
            return "reached";
        }
        return result.outcome().kind() == Expectation.Kind.PASS ? "UNREACHABLE" : "error: " + result.errorMessage();
    }
}
