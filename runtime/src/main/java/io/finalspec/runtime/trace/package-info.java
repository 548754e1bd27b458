/**
 * Traces: ITF JSON (Apalache ADR-015), TLC's printed values, states, counterexamples and trace
 * modules, replay against a machine with per-variable diffs, and a human diff printer.
 */
package io.finalspec.runtime.trace;
