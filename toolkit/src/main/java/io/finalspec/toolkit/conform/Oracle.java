package io.finalspec.toolkit.conform;

import java.util.List;
import java.util.function.Consumer;

import io.finalspec.runtime.machine.State;

/**
 * What conformance asks of the reference semantics: TLC's initial states and labelled successors
 * for states of the generated machine, expressed in the machine's own state type. The TLC-backed
 * implementation is {@link TlcOracleAdapter}; tests also plug in other machines.
 */
public interface Oracle extends AutoCloseable {

    /** The initial states, as a multiset. */
    List<State> initStates();

    /** For each state, its labelled successors (a multiset), in one round trip. */
    List<List<Transition>> successors(List<State> states);

    /**
     * Every distinct reachable state (after VIEW/SYMMETRY reduction, with constraints honoured),
     * in any order, up to {@code limit} states.
     */
    void reachable(long limit, Consumer<State> sink);

    @Override
    void close();
}
