package io.finalspec.runtime.machine;

import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import io.finalspec.runtime.value.Value;

/**
 * A fairness conjunct {@code WF_v(A)} or {@code SF_v(A)} of the behaviour spec, for one binding of
 * any {@code \A p \in S} around it (the generator expands the quantifier over its constant set).
 *
 * <p>The liveness checker needs two facts, both about {@code <<A>>_v}, an A step that changes v:
 * whether it is ENABLED in a state, and whether a transition of the state graph is one. Both come
 * from {@code action}, which emits every A-successor of a state (A split like Next, with TLC's
 * semantics), and {@code subscript}, which evaluates v: a successor t of s is an
 * {@code <<A>>_v} step when {@code subscript(t)} differs from {@code subscript(s)}.
 *
 * <p>{@code nextInstances}, when not null, says that A's instances are instances of Next: these
 * action instances of {@link Machine#successors} (the label objects it reports successors with,
 * in a set by identity, since two instances may have equal labels) give exactly A's successors. The explorer then learns the {@code <<A>>_v} steps from the
 * successors it computes anyway, instead of running {@code action} on every state (the usual
 * {@code \A t \in Threads : WF_vars(Step(t))} beside {@code \E t \in Threads : Step(t)} in Next).
 * A machine that wraps another ({@link ForwardingMachine}) and reports its successors with other
 * labels, or other states, must not pass these instances on.
 */
public record Fairness(String name, boolean strong, Successors action, Function<State, Value> subscript,
        BiPredicate<State, State> changes, Set<ActionLabel> nextInstances) {

    /**
     * {@code changes}, when not null, decides the same as comparing the subscripts, without
     * evaluating them: the generator makes one where v is a tuple of variables ({@code vars ==
     * <<x, y>>}: t changes v when it changes one of them), so no tuple is built per transition.
     */
    public Fairness {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subscript, "subscript");
    }

    /** A fairness condition whose action is run on its own. */
    public Fairness(String name, boolean strong, Successors action, Function<State, Value> subscript,
            BiPredicate<State, State> changes) {
        this(name, strong, action, subscript, changes, null);
    }

    /** A fairness condition whose steps are found by comparing the subscripts. */
    public Fairness(String name, boolean strong, Successors action, Function<State, Value> subscript) {
        this(name, strong, action, subscript, null);
    }

    /** Enumerates the successors of a state under one action. */
    @FunctionalInterface
    public interface Successors {
        void accept(State state, Consumer<State> out);
    }
}
