package io.finalspec.runtime.machine;

import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.TlaEvalException;
import io.finalspec.runtime.value.Value;
import io.finalspec.runtime.value.ValueOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A test {@code v[a] = e} that an action instance makes before anything that could fail, with
 * {@code a} and {@code e} fixed when the machine is built: in a state where it is false the instance
 * has no successor and raises no error, so the machine need not run it. PlusCal's {@code pc[self] =
 * "label"} is the common case: of the many instances of a spec with many labels and processes, a
 * state enables a few, and the others are skipped after one lookup.
 *
 * <p>Instances that test the same {@code v[a]} share a {@link #slot}: in one state the value is
 * looked up once for all of them ({@link #mayPass}'s {@code read} array, one per state). A gate only
 * ever says "may pass" when in doubt: a lookup or comparison that fails (TLC would report it where
 * the action makes the test) lets the instance run, so that its own code reports the error.
 *
 * @param variable the index of {@code v} among the state's variables
 * @param argument {@code a}, the instance's value of a split-time binding or a constant; null for
 *                 a gate {@code v = e} on the variable itself
 * @param expected {@code e}, a constant
 * @param slot     where {@code v[a]}'s value is kept for one state, shared by gates of the same {@code v[a]}
 */
public record ActionGate(int variable, Value argument, Value expected, int slot) {

    /**
     * Whether the instance may have successors (or errors) in {@code s}: false only when {@code
     * v[a]} provably differs from {@code expected}. {@code read} holds the values of the slots
     * looked up in {@code s} so far (null: not yet).
     */
    public boolean mayPass(State s, Value[] read) {
        Value v = read[slot];
        if (v == null) {
            try {
                v = argument == null ? s.get(variable) : Tla.apply(s.get(variable), argument);
            } catch (TlaEvalException e) {
                return true;
            }
            read[slot] = v;
        }
        try {
            return Tla.eq(v, expected);
        } catch (TlaEvalException e) {
            return true;
        }
    }

    /** Makes the gates of one machine, numbering their slots. */
    public static final class Builder {
        private final List<ActionGate> slots = new ArrayList<>();
        private final java.util.Map<Integer, Boolean> onlyStrings = new java.util.HashMap<>();

        /**
         * Records whether variable {@code variable}, whose type says it is always one of the
         * elements of {@code sets}, only holds strings: every set can be evaluated and has only
         * strings. A gate that relies on it ({@link #gate}'s {@code strings}) is made only if so.
         */
        @SafeVarargs
        public final void onlyStrings(int variable, java.util.function.Supplier<Value>... sets) {
            onlyStrings.put(variable, allStrings(sets));
        }

        private static boolean allStrings(java.util.function.Supplier<Value>[] sets) {
            try {
                for (java.util.function.Supplier<Value> set : sets) {
                    for (Value v : Tla.elements(set.get())) {
                        if (v.kind() != Value.Kind.STRING) {
                            return false;
                        }
                    }
                }
                return true;
            } catch (RuntimeException e) {
                return false; // an infinite or failing set: no gate relies on it
            }
        }

        /**
         * The gate {@code v[argument] = expected} ({@code v = expected} if {@code argument} is null)
         * for variable index {@code variable}, or null when
         * one of the variables {@code strings} (recorded by {@link #onlyStrings}) may hold anything
         * but strings: the conjuncts before the test might then fail, and the instance must run.
         */
        public ActionGate gate(int variable, Value argument, Value expected, int... strings) {
            for (int i : strings) {
                if (!onlyStrings.getOrDefault(i, false)) {
                    return null;
                }
            }
            for (ActionGate g : slots) {
                if (g.variable == variable && (g.argument == null ? argument == null
                        : argument != null && ValueOrder.equal(g.argument, argument))) {
                    return new ActionGate(variable, argument, expected, g.slot);
                }
            }
            ActionGate g = new ActionGate(variable, argument, expected, slots.size());
            slots.add(g);
            return g;
        }

        /** The number of slots: the length of the {@code read} array of one state. */
        public int slots() {
            return slots.size();
        }
    }
}
