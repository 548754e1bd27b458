package io.finalspec.runtime.value;

/** A TLA+ value. Placeholder until the value library lands; see the runtime issue. */
public interface Value {
    long fingerprint();
}
