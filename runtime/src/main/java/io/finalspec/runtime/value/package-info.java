/**
 * TLA+ values with TLC's semantics: equality across representations, TLC's total order (used to
 * normalize sets, and so by {@code CHOOSE}), fingerprints, TLC's print syntax, and the {@link
 * io.finalspec.runtime.value.Tla} facade that generated code calls. See runtime/API.md.
 */
package io.finalspec.runtime.value;
