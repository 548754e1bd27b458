package io.finalspec.runtime.machine;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.finalspec.runtime.value.Value;

/**
 * A state machine compiled from a TLA+ specification and one model (constants bound).
 *
 * <p>This is the whole surface the explorer, the trace tools, the live runtime and the
 * conformance suites need. Generated machines implement it; nothing spec-specific lives in the
 * runtime. Successor enumeration follows TLC's semantics so that state counts match TLC's
 * exactly (see docs/semantics.md).
 */
public interface Machine {

    /** Name of the TLA+ module the machine was generated from. */
    String specName();

    /**
     * The machine's order of strings and model values (TLC's for its spec): every string and model
     * value of this machine's states comes from this table, and values read for it (ITF traces,
     * TLC's output) must be built with it.
     */
    io.finalspec.runtime.value.NameTable names();

    /** Variable names in declaration order; {@link State#get(int)} uses the same indices. */
    List<String> variables();

    /** Action names as TLC's {@code getActions()} labels them, in the order of {@code Next}. */
    List<String> actionNames();

    /** Emits every initial state, duplicates included, in TLC's enumeration order. */
    void initStates(Consumer<State> out);

    /** Emits every successor of {@code state} with the label of the action that produced it. */
    void successors(State state, SuccessorSink out);

    /**
     * Emits the successors of {@code state} produced by the action instances whose label
     * {@code only} accepts ({@link #actionInstances}), skipping the others without evaluating them.
     * The live runtime uses it to evaluate only the action a thread asked for. The default filters
     * {@link #successors(State, SuccessorSink)}.
     */
    default void successors(State state, java.util.function.Predicate<ActionLabel> only, SuccessorSink out) {
        successors(state, (label, next) -> {
            if (only.test(label)) {
                out.accept(label, next);
            }
        });
    }

    /**
     * The action instances of {@code Next} as TLC splits it ({@code Tool.getActions}): one label per
     * instance, with the values of its parameters; every successor carries one of them. Empty when
     * the machine does not know them (then callers cannot check an action's parameters up front).
     */
    default List<ActionLabel> actionInstances() {
        return List.of();
    }

    /** Invariants named in the model's config (TypeOK included when the config names it). */
    List<Predicate> invariants();

    /**
     * State constraints ({@code CONSTRAINT}). As in TLC (checked with TLC 1.1.0): a generated state
     * violating one (initial states included) is counted as generated but is not added to the seen
     * set, so it is neither counted as distinct nor expanded; it is still checked against the
     * invariants (TLC reports "Invariant Inv is violated" for such a state).
     */
    List<Predicate> constraints();

    /**
     * Action constraints ({@code ACTION_CONSTRAINT}): transitions violating one are dropped after
     * being counted as generated (the target state is still checked against the invariants, as in
     * TLC). A state whose successors are all dropped is not a deadlock (TLC judges deadlock before
     * constraints).
     */
    List<ActionPredicate> actionConstraints();

    /** Whether the model asks for deadlock checking ({@code CHECK_DEADLOCK}, TRUE by default). */
    boolean checkDeadlock();

    /**
     * The value that identifies a state for the seen-set: the {@code VIEW} expression when the model
     * declares one, or null to use the state's own fingerprint (see {@link States#viewFingerprint}).
     */
    Value view(State state);

    /** Builds a state from values in variable order (trace replay, oracles). */
    State state(Value... values);

    /**
     * The ASSUMEs the machine evaluates before its initial states (TLC's order), each named by its
     * position or its name; reported by tools as part of what a run checked.
     */
    default List<String> assumptions() {
        return List.of();
    }

    /** Whether the model declares a {@code SYMMETRY} set (states are reduced through {@link #view}). */
    default boolean symmetric() {
        return false;
    }

    /** Whether the model declares a {@code VIEW} (states are identified through {@link #view}). */
    default boolean hasView() {
        return false;
    }

    /**
     * The model's temporal properties ({@code PROPERTY}/{@code PROPERTIES}), in config order. A
     * machine without any (or one generated before properties were compiled) returns none.
     */
    default List<TemporalProperty> properties() {
        return List.of();
    }

    /**
     * The {@code WF}/{@code SF} conjuncts of the behaviour spec, one per binding of an enclosing
     * {@code \A}; liveness is checked over the behaviours fair to all of them (and only then).
     */
    default List<Fairness> fairness() {
        return List.of();
    }

    /**
     * A fixed-width encoding of this machine's states, or null when it has none (the default): the
     * explorer then keeps waiting states as objects. See {@link StateCodec}.
     */
    default StateCodec codec() {
        return null;
    }

    /** A named state predicate. */
    interface Predicate {
        String name();

        boolean test(State state);

        /**
         * {@link #test} of {@code to}, a successor of {@code from} where this predicate holds: an
         * implementation may skip the parts that read only variables {@code to} took over from
         * {@code from} unchanged. Must equal {@code test(to)} whenever {@code test(from)} holds.
         */
        default boolean holdsAfter(State from, State to) {
            return test(to);
        }

        /** The predicate {@code name} that {@code test} decides (for machines written by hand). */
        static Predicate of(String name, java.util.function.Predicate<State> test) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(test, "test");
            return new Predicate() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public boolean test(State state) {
                    return test.test(state);
                }

                @Override
                public String toString() {
                    return name;
                }
            };
        }
    }

    /** A named predicate over a transition. */
    interface ActionPredicate {
        String name();

        boolean test(State from, State to);
    }

    /** Receives labelled successors. */
    @FunctionalInterface
    interface SuccessorSink {
        void accept(ActionLabel label, State next);
    }
}
