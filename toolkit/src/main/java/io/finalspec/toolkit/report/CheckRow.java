package io.finalspec.toolkit.report;

import java.nio.file.Path;

import io.finalspec.codegen.manifest.Expectation;
import io.finalspec.codegen.manifest.ModelEntry;
import io.finalspec.toolkit.tlc.TlcResult;

/**
 * One row of the check report: a model, what was expected, what TLC found, and where the
 * counterexample was written (null when there is none).
 */
public record CheckRow(ModelEntry model, TlcResult result, Path trace) {

    public Expectation expected() {
        return model.expect();
    }

    public Expectation actual() {
        return result.outcome();
    }

    /** A model is ok exactly when TLC's outcome equals the declared one. */
    public boolean ok() {
        return actual().equals(expected());
    }
}
