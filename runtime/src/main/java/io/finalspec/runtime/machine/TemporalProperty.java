package io.finalspec.runtime.machine;

import java.util.List;
import java.util.Objects;

/**
 * A temporal property named by the model's {@code PROPERTY}/{@code PROPERTIES}: the conjunction of
 * its {@link Clause clauses}, each one of the forms the explorer decides. The generator unfolds
 * conjunctions (also behind 0-ary definitions) into clauses; a conjunct of any other shape becomes an
 * {@link Clause.Unchecked} clause, so that the property is reported as not checked rather than
 * passed.
 */
public record TemporalProperty(String name, List<Clause> clauses) {

    public TemporalProperty {
        Objects.requireNonNull(name, "name");
        clauses = List.copyOf(clauses);
    }

    /** Whether every clause is one the explorer decides. */
    public boolean fullyChecked() {
        return clauses.stream().noneMatch(c -> c instanceof Clause.Unchecked);
    }

    /** Whether some clause needs the liveness checker (a cycle search), not only the safety search. */
    public boolean hasLiveness() {
        return clauses.stream().anyMatch(Clause::isLiveness);
    }

    /**
     * One conjunct of a property. {@link Always}, {@link AlwaysAction} and {@link Initially} are
     * safety: TLC checks them during the breadth-first search as "implied invariants", "implied
     * actions" and "implied inits". The others are
     * liveness: decided on the state graph under the machine's {@link Fairness} conditions.
     */
    public sealed interface Clause {

        /** Text of the conjunct, for messages. */
        String text();

        default boolean isLiveness() {
            return !(this instanceof Always || this instanceof AlwaysAction || this instanceof Initially
                    || this instanceof Unchecked);
        }

        /**
         * P, a state predicate without {@code []}: it holds of a behaviour whose first state satisfies
         * it. TLC checks it on the initial states ("Property P is violated by the initial state"),
         * after the invariants; a violation is reported under {@code p.name()}. The {@code Init} of
         * an instantiated spec named as a property ({@code Abs!Spec}) is one.
         */
        record Initially(String text, Machine.Predicate p) implements Clause {
        }

        /**
         * {@code WF_v(A)} ({@code strong} false) or {@code SF_v(A)} as a property: every fair
         * behaviour of the model must be fair to it too. {@code enabled} is ENABLED
         * {@code <<A>>_v} (the variables A leaves open are free, as TLC's ENABLED has them) and
         * {@code step} tests {@code <<A>>_v} on a transition. It is what is checked, not what the
         * behaviours are assumed to be: the machine's {@link Machine#fairness} stays as it is.
         */
        record Fair(String text, boolean strong, Machine.Predicate enabled, Machine.ActionPredicate step)
                implements Clause {
        }

        /** {@code []P}, P a state predicate; a violation is reported under {@code p.name()} (TLC's name for it). */
        record Always(String text, Machine.Predicate p) implements Clause {
        }

        /**
         * {@code [][A]_v}: {@code step} tests {@code A \/ UNCHANGED v} on a transition; a violation is
         * reported under {@code step.name()}.
         */
        record AlwaysAction(String text, Machine.ActionPredicate step) implements Clause {
        }

        /** {@code <>P}. */
        record Eventually(String text, Machine.Predicate p) implements Clause {
        }

        /** {@code []<>P}. */
        record InfinitelyOften(String text, Machine.Predicate p) implements Clause {
        }

        /** {@code <>[]P}. */
        record EventuallyAlways(String text, Machine.Predicate p) implements Clause {
        }

        /** {@code P ~> Q}, that is {@code [](P => <>Q)}. */
        record LeadsTo(String text, Machine.Predicate p, Machine.Predicate q) implements Clause {
        }

        /**
         * {@code [](P => []Q)}: once a state has P, every state from it on has Q. Decided on the
         * graph, as TLC decides it with its tableau.
         */
        record AlwaysAfter(String text, Machine.Predicate p, Machine.Predicate q) implements Clause {
        }

        /**
         * {@code S => F}, S a state predicate ({@code start}; null for a constant condition that
         * holds, as in {@code c => []P}): {@code clause} is asked only of the behaviours whose first
         * state satisfies S, and is decided on the graph, as TLC decides a formula under an implication
         * with its tableau. So {@code clause} may be {@link Always} or {@link Initially} too, which here
         * are not checked by the breadth-first search; it is neither {@link AlwaysAction}, nor
         * {@link Unchecked}, nor another {@code From}.
         */
        record From(String text, Machine.Predicate start, Clause clause) implements Clause {
            public From {
                Objects.requireNonNull(clause, "clause");
                if (clause instanceof AlwaysAction || clause instanceof Unchecked || clause instanceof From) {
                    throw new IllegalArgumentException("not decided under an implication: " + clause.text());
                }
            }
        }

        /**
         * {@code A => F}, A a conjunction of fairness conditions ({@code WF_v(A) /\ SF_w(B) => <>P})
         * and of {@code []<>P} and {@code <>[]P}: {@code clause} is asked only of the behaviours that
         * also satisfy each of {@code assumptions} ({@link Fair}, {@link InfinitelyOften} or
         * {@link EventuallyAlways}; besides the machine's {@link Machine#fairness}), as TLC decides
         * such an implication with its tableau. {@code clause} is any liveness form, a {@link From} too,
         * but not {@link AlwaysAction}, {@link Unchecked}, another {@code Assuming}, or the safety
         * forms {@link Always} and {@link Initially} (which are a {@link From} with no start
         * under a condition).
         */
        record Assuming(String text, List<Clause> assumptions, Clause clause) implements Clause {
            public Assuming {
                Objects.requireNonNull(clause, "clause");
                assumptions = List.copyOf(assumptions);
                for (Clause a : assumptions) {
                    if (!(a instanceof Fair || a instanceof InfinitelyOften || a instanceof EventuallyAlways)) {
                        throw new IllegalArgumentException("not an assumption of a behaviour's cycle: " + a.text());
                    }
                }
                if (!clause.isLiveness() || clause instanceof Assuming) {
                    throw new IllegalArgumentException("not decided under fairness assumptions: " + clause.text());
                }
            }
        }

        /** A conjunct outside the forms above, with the reason it is not checked. */
        record Unchecked(String text, String reason) implements Clause {
        }
    }
}
