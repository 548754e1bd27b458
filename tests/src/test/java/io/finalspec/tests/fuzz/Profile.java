package io.finalspec.tests.fuzz;

import java.util.List;

/**
 * What the generator may use. {@code full} (the default, in CI too) uses strings TLC has interned
 * before it reads a spec (its keywords, standard-module names, single letters: issue 10 finding 1,
 * fixed by the per-machine name table) and CHOOSE among strings; {@code safe} leaves them out, to
 * tell a string-order difference from others.
 *
 * @param strings      the string literals specs draw from
 * @param chooseString whether CHOOSE may pick among strings (its result depends on the string order)
 * @param temporal     whether a spec also gets fairness and a PROPERTY ({@code temporal}: the full
 *                     profile's specs, the same draws, then the temporal part drawn last)
 * @param conditions   whether fairness and liveness clauses may stand under constant conditions
 *                     ({@code c => WF_vars(A)}, {@code \A self \in S : self = e => <>P}); drawn only
 *                     in this profile, so the temporal profile's seeds make the specs they made
 * @param bags         whether integer and boolean expressions may be made of the Bags module's
 *                     operators over bags built from sets, literals, sums and differences; drawn
 *                     only in this profile (the other profiles' seeds make the specs they made)
 * @param throughInstance whether the spec is checked through a second module that instantiates it
 *                     with its variables renamed ({@code F == INSTANCE Fz WITH x <- v_x},
 *                     {@code Init == F!Init}, ...): the specs are the full profile's, the same draws
 * @param implications whether property clauses may stand under a state predicate's implication
 *                     ({@code S => []P}, {@code S => <>P}, ...), {@code []P} and P under a constant
 *                     condition, and {@code [](P => []Q)} be one: the formulas TLC decides with its
 *                     tableau; drawn only in this profile
 * @param assumptions  whether property clauses may stand under fairness conditions they assume
 *                     ({@code WF_vars(A) /\ SF_vars(B) => F}, also per value of an action's
 *                     parameter and under constant conditions); drawn only in this profile
 */
record Profile(List<String> strings, boolean chooseString, boolean temporal, boolean conditions, boolean bags,
               boolean throughInstance, boolean implications, boolean assumptions) {

    /** Strings TLC meets only in the spec itself, so that their order is the order of appearance. */
    static final Profile SAFE = new Profile(List.of("apple", "kiwi", "mango", "pear", "plum"), false, false, false, false, false, false, false);

    /** Also single letters, TLA+ keywords, standard operator and module names, the empty string. */
    static final Profile FULL = new Profile(List.of("a", "b", "z", "x", "apple", "kiwi", "IF", "TRUE", "Nat", "Len",
        "Init", "Next", "EXTENDS", "Seq", "p1", "", "ab", "FALSE", "Procs", "mango"), true, false, false, false, false, false, false);

    /** The full profile's specs with WF/SF conjuncts in Spec and one PROPERTY of temporal clauses. */
    static final Profile TEMPORAL = new Profile(FULL.strings(), true, true, false, false, false, false, false);

    /** The temporal profile's specs with some fairness and liveness conjuncts under constant conditions. */
    static final Profile CONDITIONAL = new Profile(FULL.strings(), true, true, true, false, false, false, false);

    /** The full profile's specs with Bags expressions among their integers and truth values. */
    static final Profile BAGS = new Profile(FULL.strings(), true, false, false, true, false, false, false);

    /** The full profile's specs, checked through a module that instantiates them. */
    static final Profile INSTANCE = new Profile(FULL.strings(), true, false, false, false, true, false, false);

    /** The conditional profile's specs with implications TLC checks with its tableau among the property's clauses. */
    static final Profile IMPLICATIONS = new Profile(FULL.strings(), true, true, true, false, false, true, false);

    /** The implications profile's specs with some clauses under fairness conditions they assume. */
    static final Profile ASSUMPTIONS = new Profile(FULL.strings(), true, true, true, false, false, true, true);

    static Profile named(String name) {
        return switch (name) {
            case "safe" -> SAFE;
            case "full" -> FULL;
            case "temporal" -> TEMPORAL;
            case "conditional" -> CONDITIONAL;
            case "bags" -> BAGS;
            case "instance" -> INSTANCE;
            case "implications" -> IMPLICATIONS;
            case "assumptions" -> ASSUMPTIONS;
            default -> throw new IllegalArgumentException("-Dfinalspec.fuzz.profile must be safe, full, temporal, "
                + "conditional, bags, instance, implications or assumptions, not " + name);
        };
    }
}
