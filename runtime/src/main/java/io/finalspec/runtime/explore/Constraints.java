package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.TemporalProperty;
import io.finalspec.runtime.machine.TemporalProperty.Clause;

/**
 * A machine's model checks, fetched once per run: TLC's "in model" test (state constraints on the
 * state, action constraints on the transition), the invariants, and the safety conjuncts of the
 * properties, which TLC checks during the search: {@code []P} as an "implied invariant" after the
 * invariants (reported as "Invariant P is violated"), {@code [][A]_v} as an "implied action" on
 * every transition, to a seen state or outside the model too ("Action property A is violated"),
 * and a state predicate P without {@code []} as an "implied init" on the initial states, each under
 * its predicate's name.
 */
public final class Constraints {
    private record Implied<T>(String property, T check) {
    }

    private final ModelFilter model;
    // arrays: these loops run once a state (or a transition), where an iterator is an allocation
    // until C2 has compiled the loop
    private final Machine.Predicate[] invariants;
    private final Implied<Machine.Predicate>[] impliedInvariants;
    private final Implied<Machine.ActionPredicate>[] impliedActions;
    private final Implied<Machine.Predicate>[] impliedInits;

    @SuppressWarnings("unchecked")
    public Constraints(Machine m) {
        this.model = new ModelFilter(m);
        this.invariants = m.invariants().toArray(new Machine.Predicate[0]);
        List<Implied<Machine.Predicate>> impliedInvariants = new ArrayList<>();
        List<Implied<Machine.ActionPredicate>> impliedActions = new ArrayList<>();
        List<Implied<Machine.Predicate>> impliedInits = new ArrayList<>();
        for (TemporalProperty p : m.properties()) {
            for (Clause c : p.clauses()) {
                // reported under the predicate's name: TLC names an implied invariant or action by the
                // definition it is the body of (else its operand's name, else its position)
                if (c instanceof Clause.Always a) {
                    impliedInvariants.add(new Implied<>(a.p().name(), a.p()));
                } else if (c instanceof Clause.AlwaysAction a) {
                    impliedActions.add(new Implied<>(a.step().name(), a.step()));
                } else if (c instanceof Clause.Initially i) {
                    impliedInits.add(new Implied<>(i.p().name(), i.p()));
                }
            }
        }
        this.impliedInvariants = impliedInvariants.toArray(new Implied[0]);
        this.impliedActions = impliedActions.toArray(new Implied[0]);
        this.impliedInits = impliedInits.toArray(new Implied[0]);
    }

    /** Whether {@code to} (reached from {@code from}, null for an initial state) is in the model. */
    public boolean inModel(State from, State to) {
        return model.inModel(from, to);
    }

    /** The first violated invariant (then implied invariant) of {@code s}, or null. */
    public Outcome violated(State s) {
        return violated(null, s);
    }

    /**
     * The first invariant {@code s} violates, or null; {@code from} (or null) is the state
     * {@code s} was reached from, where every invariant holds (what is unchanged need not be
     * evaluated again, see {@link Machine.Predicate#holdsAfter}).
     */
    public Outcome violated(State from, State s) {
        for (Machine.Predicate inv : invariants) {
            if (!(from == null ? inv.test(s) : inv.holdsAfter(from, s))) {
                return Outcome.invariant(inv.name());
            }
        }
        for (Implied<Machine.Predicate> inv : impliedInvariants) {
            if (!inv.check().test(s)) {
                return Outcome.invariant(inv.property());
            }
        }
        return null;
    }

    /**
     * The first check an initial state {@code s} fails, or null: the invariants and implied
     * invariants, then (as TLC) the properties' state predicates without {@code []} ("Property P is
     * violated by the initial state").
     */
    public Outcome violatedInitially(State s) {
        Outcome bad = violated(null, s);
        if (bad != null) {
            return bad;
        }
        for (Implied<Machine.Predicate> init : impliedInits) {
            if (!init.check().test(s)) {
                return Outcome.initialProperty(init.property());
            }
        }
        return null;
    }

    /** The first implied action the transition violates, or null. */
    public Outcome violatedAction(State from, State to) {
        for (Implied<Machine.ActionPredicate> a : impliedActions) {
            if (!a.check().test(from, to)) {
                return Outcome.actionProperty(a.property());
            }
        }
        return null;
    }

    public boolean hasImpliedActions() {
        return impliedActions.length > 0;
    }
}
