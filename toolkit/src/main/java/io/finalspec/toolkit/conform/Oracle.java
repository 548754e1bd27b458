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
    default List<List<Transition>> successors(List<State> states) {
        submit(states);
        return receive();
    }

    /**
     * Asks for the successors of {@code states} without waiting, so the oracle computes while the
     * caller works; at most one batch is in flight, collected by {@link #receive()}.
     */
    void submit(List<State> states);

    /** The successors of the batch last {@link #submit submitted}, in its order. */
    List<List<Transition>> receive();

    /**
     * Every distinct reachable state (after VIEW/SYMMETRY reduction, with constraints honoured),
     * in any order, up to {@code limit} states.
     */
    void reachable(long limit, Consumer<State> sink);

    @Override
    void close();
}
