package io.finalspec.runtime.machine;

import java.util.List;
import java.util.function.Consumer;

import io.finalspec.runtime.value.Value;

/**
 * A machine that forwards every call to another; subclasses override what they change (a search
 * without invariants, a deliberately broken machine in a mutation test, ...).
 */
public abstract class ForwardingMachine implements Machine {

    protected final Machine delegate;

    protected ForwardingMachine(Machine delegate) {
        this.delegate = delegate;
    }

    /**
     * The machine with no invariants, no properties and no deadlock checking: breadth-first searches for a target
     * state (shortest paths, minimised traces) must not stop at a violation on the way.
     */
    public static Machine withoutChecks(Machine machine) {
        return new ForwardingMachine(machine) {
            @Override
            public List<Predicate> invariants() {
                return List.of();
            }

            @Override
            public boolean checkDeadlock() {
                return false;
            }

            @Override
            public List<TemporalProperty> properties() {
                return List.of();
            }
        };
    }

    @Override
    public String specName() {
        return delegate.specName();
    }

    @Override
    public List<String> variables() {
        return delegate.variables();
    }

    @Override
    public List<String> actionNames() {
        return delegate.actionNames();
    }

    @Override
    public void initStates(Consumer<State> out) {
        delegate.initStates(out);
    }

    @Override
    public void successors(State state, SuccessorSink out) {
        delegate.successors(state, out);
    }

    @Override
    public List<ActionLabel> actionInstances() {
        return delegate.actionInstances();
    }

    @Override
    public List<Predicate> invariants() {
        return delegate.invariants();
    }

    @Override
    public List<Predicate> constraints() {
        return delegate.constraints();
    }

    @Override
    public List<ActionPredicate> actionConstraints() {
        return delegate.actionConstraints();
    }

    @Override
    public boolean checkDeadlock() {
        return delegate.checkDeadlock();
    }

    @Override
    public Value view(State state) {
        return delegate.view(state);
    }

    @Override
    public State state(Value... values) {
        return delegate.state(values);
    }

    @Override
    public List<String> assumptions() {
        return delegate.assumptions();
    }

    @Override
    public boolean symmetric() {
        return delegate.symmetric();
    }

    @Override
    public boolean hasView() {
        return delegate.hasView();
    }

    @Override
    public List<TemporalProperty> properties() {
        return delegate.properties();
    }

    @Override
    public List<Fairness> fairness() {
        return delegate.fairness();
    }

    @Override
    public io.finalspec.runtime.value.NameTable names() {
        return delegate.names();
    }

    @Override
    public StateCodec codec() {
        return delegate.codec();
    }
}
