package io.finalspec.runtime.value;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TLC's string order: TLC compares strings, model values and record field names through its
 * {@code UniqueString} table, that is by the order in which each name was first interned (the
 * order SANY met it while parsing, then the config, then evaluation), not alphabetically. Checked
 * with TLC 1.1.0: {@code {"zq", "aq"}} prints as {@code {"zq", "aq"}} and {@code CHOOSE s \in
 * {"aq","zq"} : TRUE} is {@code "zq"} when {@code "zq"} occurs first in the module.
 *
 * <p>This registry reproduces that: {@link #rank(String)} gives each name a rank on first use. The
 * code generator calls {@link Tla#internNames(String...)} with the spec's identifiers and string
 * literals in source order before anything else so that ranks follow TLC's. The table is per JVM,
 * like TLC's (the one global in the runtime, deliberately: the order is a property of the process).
 */
final class Names {
    private static final ConcurrentHashMap<String, Integer> RANKS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Names() {
    }

    static int rank(String name) {
        Integer r = RANKS.get(name);
        if (r != null) {
            return r;
        }
        return RANKS.computeIfAbsent(name, k -> NEXT.getAndIncrement());
    }
}
