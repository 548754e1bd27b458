package io.finalspec.toolkit.cpython;

/**
 * One line of {@code finalspec cpython}'s table: a scenario run on the interpreter, what its model
 * predicts, what the interpreter did, how many recorded traces the spec accepted, and the verdict
 * ({@code ok}, {@code NOT ALLOWED} when the interpreter did something the model does not allow,
 * {@code not reproduced}, or {@code skipped} when the mapping does not speak for the version).
 */
record Row(String scenario, String model, String predicted, String interpreter, int validated, int traces, String verdict) {

    boolean failed() {
        return verdict.equals("NOT ALLOWED") || verdict.equals("not reproduced");
    }
}
