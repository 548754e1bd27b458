package io.finalspec.runtime.testing;

import io.finalspec.runtime.value.NameTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.value.Value;

/** A hand-written machine assembled from lambdas, for tests. */
public final class LambdaMachine implements Machine {
    private NameTable names = new NameTable();
    private final String name;
    private final List<String> vars;
    private final Consumer<Consumer<State>> init;
    private final BiConsumer<State, SuccessorSink> next;
    private final List<Predicate> invariants = new ArrayList<>();
    private final List<Predicate> constraints = new ArrayList<>();
    private final List<ActionPredicate> actionConstraints = new ArrayList<>();
    private final List<TemporalProperty> properties = new ArrayList<>();
    private final List<Fairness> fairness = new ArrayList<>();
    private boolean deadlock = true;
    private List<io.finalspec.runtime.machine.ActionLabel> instances = List.of();
    private Function<State, Value> view = s -> null;

    public LambdaMachine(String name, List<String> vars, Consumer<Consumer<State>> init, BiConsumer<State, SuccessorSink> next) {
        this.name = name;
        this.vars = List.copyOf(vars);
        this.init = init;
        this.next = next;
    }

    public LambdaMachine invariant(String n, java.util.function.Predicate<State> p) {
        invariants.add(Predicate.of(n, p));
        return this;
    }

    public LambdaMachine constraint(String n, java.util.function.Predicate<State> p) {
        constraints.add(Predicate.of(n, p));
        return this;
    }

    public LambdaMachine actionConstraint(String n, BiPredicate<State, State> p) {
        actionConstraints.add(new ActionPredicate() {
            @Override
            public String name() {
                return n;
            }

            @Override
            public boolean test(State from, State to) {
                return p.test(from, to);
            }
        });
        return this;
    }

    public LambdaMachine property(String n, TemporalProperty.Clause... clauses) {
        properties.add(new TemporalProperty(n, List.of(clauses)));
        return this;
    }

    public LambdaMachine fairness(Fairness f) {
        fairness.add(f);
        return this;
    }

    /** A named state predicate, for property clauses. */
    public static Predicate predicate(String n, java.util.function.Predicate<State> p) {
        return Predicate.of(n, p);
    }

    /** The action instances of Next (their names become {@link #actionNames}); none: one action "Next". */
    public LambdaMachine actions(List<io.finalspec.runtime.machine.ActionLabel> labels) {
        instances = List.copyOf(labels);
        return this;
    }

    @Override
    public List<io.finalspec.runtime.machine.ActionLabel> actionInstances() {
        return instances;
    }

    /** The table this machine's strings and model values come from. */
    public LambdaMachine withNames(NameTable t) {
        this.names = t;
        return this;
    }

    @Override
    public NameTable names() {
        return names;
    }

    public LambdaMachine checkDeadlock(boolean b) {
        deadlock = b;
        return this;
    }

    public LambdaMachine view(Function<State, Value> v) {
        view = v;
        return this;
    }

    @Override
    public String specName() {
        return name;
    }

    @Override
    public List<String> variables() {
        return vars;
    }

    @Override
    public List<String> actionNames() {
        if (instances.isEmpty()) {
            return List.of("Next");
        }
        return instances.stream().map(io.finalspec.runtime.machine.ActionLabel::name).distinct().toList();
    }

    @Override
    public void initStates(Consumer<State> out) {
        init.accept(out);
    }

    @Override
    public void successors(State state, SuccessorSink out) {
        next.accept(state, out);
    }

    @Override
    public List<Predicate> invariants() {
        return invariants;
    }

    @Override
    public List<Predicate> constraints() {
        return constraints;
    }

    @Override
    public List<ActionPredicate> actionConstraints() {
        return actionConstraints;
    }

    @Override
    public boolean checkDeadlock() {
        return deadlock;
    }

    @Override
    public Value view(State state) {
        return view.apply(state);
    }

    @Override
    public List<TemporalProperty> properties() {
        return properties;
    }

    @Override
    public List<Fairness> fairness() {
        return fairness;
    }

    @Override
    public State state(Value... values) {
        return new ArrayState(vars, values);
    }
}
