package io.finalspec.toolkit.report;

import java.nio.file.Path;
import java.util.List;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.tlc.TlcResult;

/**
 * One row of the check report: a model, what was expected, what TLC found, where the
 * counterexample was written (null when there is none), and its declared witnesses' results.
 */
public record CheckRow(ModelEntry model, TlcResult result, Path trace, List<WitnessResult> witnesses) {

    public CheckRow {
        witnesses = List.copyOf(witnesses);
    }

    public CheckRow(ModelEntry model, TlcResult result, Path trace) {
        this(model, result, trace, List.of());
    }

    public Expectation expected() {
        return model.expect();
    }

    public Expectation actual() {
        return result.outcome();
    }

    /** TLC's outcome equals the declared one. */
    public boolean outcomeOk() {
        return actual().equals(expected());
    }

    public long witnessesReached() {
        return witnesses.stream().filter(WitnessResult::reached).count();
    }

    /**
     * A model is ok exactly when TLC's outcome equals the declared one and every declared witness
     * was reached: a pass whose dangerous situations cannot occur proves nothing.
     */
    public boolean ok() {
        return outcomeOk() && witnessesReached() == model.witnesses().size();
    }

    /** {@code ok}, {@code MISMATCH} (wrong outcome) or {@code UNREACHED} (right outcome, a witness not reached). */
    public String verdict() {
        return !outcomeOk() ? "MISMATCH" : ok() ? "ok" : "UNREACHED";
    }

    /** {@code reached/declared}, or {@code -} for a model without witnesses. */
    public String witnessCell() {
        return model.witnesses().isEmpty() ? "-" : witnessesReached() + "/" + model.witnesses().size();
    }
}
