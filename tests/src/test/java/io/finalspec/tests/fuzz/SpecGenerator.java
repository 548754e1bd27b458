package io.finalspec.tests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.quicktheories.core.Gen;

/**
 * The grammar of generated specs: one to three variables of bounded types (integer ranges,
 * booleans, strings, model values, sets, records, functions, sequences), Init with {@code =} and
 * {@code \in}, one to four actions (some with a parameter under {@code \E}) made of guards and
 * assignments in several shapes ({@code =}, {@code \in}, EXCEPT with {@code @}, disjunction,
 * IF, {@code \E}, {@code \A} over {@code \E}, LET), each assignment followed by a conjunct that keeps
 * the variable inside its type set, invariants (often violated), deadlock checked or not. Two specs in
 * three are wide: one to three counters or sets with actions of their own multiply the states
 * (hundreds to thousands), and their invariants are the kind violated deep if at all.
 */
final class SpecGenerator {

    /** Product of the variables' type-set sizes a spec may have: its reachable states are fewer. */
    static final long STATE_BUDGET = 6000;

    /**
     * A wide spec's budget for its random variables; its counters and sets (at most
     * {@link #COMPONENT_BUDGET} states together) multiply the reachable states.
     */
    static final long WIDE_STATE_BUDGET = 300;
    static final long COMPONENT_BUDGET = 240;

    private static final List<String> VAR_NAMES = List.of("x", "y", "q", "buf", "mode", "owner", "new", "class", "State",
        "cnt", "flag", "default");
    private static final List<int[]> INT_RANGES = List.of(new int[] {0, 2}, new int[] {0, 3}, new int[] {-1, 1},
        new int[] {1, 3}, new int[] {0, 1});

    private final Rnd r;
    private final Profile profile;

    private SpecGenerator(Rnd r, Profile profile) {
        this.r = r;
        this.profile = profile;
    }

    /** QuickTheories' generator of specs. */
    static Gen<FuzzSpec> specs(Profile profile) {
        return in -> new SpecGenerator(new Rnd(in), profile).spec();
    }

    private FuzzSpec spec() {
        int[] range = r.pick(INT_RANGES);
        Dom ints = Dom.ints(range[0], range[1]);
        List<String> strs = new ArrayList<>();
        int nStr = r.between(2, 3);
        while (strs.size() < nStr) {
            String s = r.pick(profile.strings());
            if (!strs.contains(s)) {
                strs.add(s);
            }
        }
        List<Dom> scalars = List.of(ints, Dom.bools(), Dom.strings(strs), Dom.procs());
        ExprGen g = new ExprGen(r, profile, scalars);

        List<String> names = new ArrayList<>();
        List<Dom> doms = new ArrayList<>();
        int nVars = r.between(2, 3);
        boolean wide = r.percent(65);
        long budget = wide ? WIDE_STATE_BUDGET : STATE_BUDGET;
        for (int i = 0; i < nVars; i++) {
            Dom d = varDom(scalars, budget);
            if (d == null) {
                break;
            }
            budget /= Math.max(1, d.card());
            String name;
            do {
                name = r.pick(VAR_NAMES);
            } while (names.contains(name));
            names.add(name);
            doms.add(d);
        }

        List<FuzzSpec.Var> vars = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            vars.add(new FuzzSpec.Var(names.get(i), doms.get(i).tla(), init(g, names.get(i), doms.get(i))));
            g.readable(names.get(i), doms.get(i));
        }

        List<FuzzSpec.Action> actions = new ArrayList<>();
        int nActions = r.between(Math.max(2, names.size()), 5);
        for (int i = 0; i < nActions; i++) {
            actions.add(action(g, "A" + (i + 1), names, doms, i < names.size() ? i : -1));
        }
        if (wide) {
            components(g, names, doms, vars, actions);
        }

        List<FuzzSpec.Def> invariants = new ArrayList<>();
        if (r.percent(40)) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                parts.add(names.get(i) + " \\in " + doms.get(i).tla());
            }
            invariants.add(new FuzzSpec.Def("TypeOK", String.join(" /\\ ", parts)));
        }
        int nInv = r.below(3);
        for (int i = 0; i < nInv; i++) {
            // a random invariant mostly fails within a few steps: wide specs keep to the deep kind
            invariants.add(new FuzzSpec.Def("Inv" + (i + 1), wide || r.percent(40) ? unreached(g, names, doms)
                : invariant(g, names)));
        }
        boolean checkDeadlock = r.percent(35);
        // drawn last, and only in the temporal profile: the other profiles' seeds make the specs they made
        FuzzSpec.Temporal temporal = profile.temporal() ? temporal(g, names, actions) : null;
        List<String> helpers = ExprGen.HELPERS.stream().filter(h -> g.helpersUsed().contains(h.name()))
            .map(ExprGen.Helper::text).toList();
        return new FuzzSpec(vars, helpers, actions, invariants, checkDeadlock, temporal);
    }

    /**
     * Zero to two WF/SF conjuncts of Spec over the actions, and a property of one to three clauses:
     * a state predicate (checked on the initial states), {@code []P}, {@code <>P}, {@code []<>P},
     * {@code <>[]P}, {@code P ~> Q}, {@code [][A]_vars}, or WF/SF of an action.
     */
    private FuzzSpec.Temporal temporal(ExprGen g, List<String> names, List<FuzzSpec.Action> actions) {
        List<String> fairness = new ArrayList<>();
        int nFair = r.below(3);
        for (int i = 0; i < nFair; i++) {
            fairness.add(conditional(fair(r.pick(actions))));
        }
        List<String> clauses = new ArrayList<>();
        int nClauses = r.between(1, 3);
        boolean implications = profile.implications();
        for (int i = 0; i < nClauses; i++) {
            int kind = r.below(implications ? 10 : 9);
            String clause = switch (kind) {
                // "= TRUE": TLC refuses a conjunct that is a boolean variable (TlcDivergenceTest)
                case 0 -> "(" + statePredicate(g, names) + ") = TRUE";
                case 1 -> "[](" + temporalOperand(g, names) + ")";
                case 2 -> conditional("<>(" + temporalOperand(g, names) + ")");
                case 3 -> conditional("[]<>(" + temporalOperand(g, names) + ")");
                case 4 -> conditional("<>[](" + temporalOperand(g, names) + ")");
                case 5 -> conditional("(" + temporalOperand(g, names) + ") ~> (" + temporalOperand(g, names) + ")");
                case 6 -> "[][" + step(r.pick(actions)) + "]_vars";
                case 7, 8 -> conditional(fair(r.pick(actions)));
                default -> "[]((" + temporalOperand(g, names) + ") => [](" + temporalOperand(g, names) + "))";
            };
            // TLC refuses [][A]_v under an implication ("must be of forms <>[]A or []<>A")
            String made = implications && kind != 6 ? implied(g, names, kind <= 1 ? conditional(clause) : clause) : clause;
            clauses.add(profile.assumptions() && kind != 6 ? assumed(actions, made) : made);
        }
        return new FuzzSpec.Temporal(fairness, clauses);
    }

    /**
     * In the implications profile, sometimes {@code clause} under a state predicate: asked only of
     * the behaviours whose first state satisfies it ({@code (x = 2) => []P}).
     */
    private String implied(ExprGen g, List<String> names, String clause) {
        return r.percent(50) ? clause : "((" + temporalOperand(g, names) + ") => (" + clause + "))";
    }

    /**
     * In the assumptions profile, sometimes {@code clause} under one or two fairness conditions of
     * the actions that it assumes ({@code WF_vars(A) /\ SF_vars(B) => F}).
     */
    private String assumed(List<FuzzSpec.Action> actions, String clause) {
        if (r.percent(40)) {
            return clause;
        }
        List<String> fairness = new ArrayList<>();
        int n = r.between(1, 2);
        for (int i = 0; i < n; i++) {
            fairness.add("(" + fair(r.pick(actions)) + ")");
        }
        return "((" + String.join(" /\\ ", fairness) + ") => (" + clause + "))";
    }

    /**
     * In the conditional profile, sometimes {@code clause} under a constant condition of the model
     * ({@code 1 \in {1, 2} => F}, true or false): liveness clauses in the conditional profile (whose
     * seeds keep the specs they made), also {@code []P} and state predicates in the implications
     * profile ({@code c => []P}, which TLC decides with its tableau).
     */
    private String conditional(String clause) {
        if (!profile.conditions() || r.percent(50)) {
            return clause;
        }
        String cond = r.pick(List.of("1 \\in {1, 2}", "3 \\in {1, 2}", "TRUE", "2 < 1"));
        return "(" + cond + " => (" + clause + "))";
    }

    /**
     * In the conditional profile, sometimes {@code body} of {@code \A self \in set : body} only for
     * one value of self, or for all but one: {@code (self = CHOOSE chosen \in set : TRUE) => body}.
     */
    private String onSelf(String set, String body) {
        if (!profile.conditions() || r.percent(30)) {
            return body;
        }
        String op = r.percent(50) ? " = " : " # ";
        return "(self" + op + "CHOOSE chosen \\in " + set + " : TRUE) => " + body;
    }

    /**
     * A state predicate for a temporal operator, made state-level by {@code /\ v = v}: TLC 2.18
     * misjudges constant-level operands of {@code <>} and {@code ~>} ({@code <>TRUE} and
     * {@code FALSE ~> Q} violated; TlcDivergenceTest), and a LET definition that names a variable
     * leaves an expression constant-level for SANY when it is not used.
     */
    private String temporalOperand(ExprGen g, List<String> names) {
        String v = names.get(0);
        return statePredicate(g, names) + " /\\ " + v + " = " + v;
    }

    /** {@code WF_vars(A)} or {@code SF_vars(A)}; for an action with a parameter, per value or of the \E. */
    private String fair(FuzzSpec.Action a) {
        String kind = r.percent(50) ? "WF_vars" : "SF_vars";
        if (a.param() == null) {
            return kind + "(" + a.name() + ")";
        }
        return r.percent(60) ? "\\A self \\in " + a.paramSet() + " : " + onSelf(a.paramSet(), kind + "(" + a.name() + "(self))")
            : kind + "(" + step(a) + ")";
    }

    /** An action as a formula: its name, or the \E over its parameter. */
    private static String step(FuzzSpec.Action a) {
        return a.param() == null ? a.name() : "\\E self \\in " + a.paramSet() + " : " + a.name() + "(self)";
    }

    /**
     * Counters and sets that move independently of the rest (issue 10: generated state spaces were
     * tiny, median 3 states): each gets its own always-enabled actions, so the reachable states are
     * the product of theirs and the random part's, hundreds to thousands. The random actions may
     * read them (they are readable to the expression generator).
     */
    private void components(ExprGen g, List<String> names, List<Dom> doms, List<FuzzSpec.Var> vars,
        List<FuzzSpec.Action> actions) {
        long budget = COMPONENT_BUDGET;
        int n = r.between(1, 3);
        for (int i = 0; i < n && budget >= 4; i++) {
            String name;
            do {
                name = r.pick(VAR_NAMES);
            } while (names.contains(name));
            String act = "Step" + (i + 1);
            Dom d;
            List<FuzzSpec.Action> moves = new ArrayList<>();
            if (r.percent(55)) {
                int hi = (int) Math.min(r.between(3, 9), budget - 1);
                d = Dom.ints(0, hi);
                String up = switch (r.below(3)) {
                    case 0 -> name + "' = (" + name + " + 1) % " + (hi + 1);
                    case 1 -> "\\E d \\in 1..2 : " + name + "' = " + name + " + d";
                    default -> name + "' = " + name + " + 1";
                };
                moves.add(new FuzzSpec.Action(act, null, null, List.of(new FuzzSpec.Conj(up, name, null),
                    new FuzzSpec.Conj(name + "' \\in " + d.tla(), null, name))));
                if (r.percent(50)) {
                    moves.add(new FuzzSpec.Action(act + "Back", null, null, List.of(new FuzzSpec.Conj(name + " > 0", null, null),
                        new FuzzSpec.Conj(name + "' = " + name + " - 1", name, null))));
                }
            } else {
                int hi = budget >= 16 && r.percent(60) ? 4 : 3;
                hi = (1L << hi) <= budget ? hi : 2;
                d = Dom.subsets(Dom.ints(1, hi));
                moves.add(new FuzzSpec.Action(act, null, null, List.of(new FuzzSpec.Conj("\\E e \\in 1.." + hi + " : " + name
                    + "' = " + name + " \\cup {e}", name, null))));
                String back = r.percent(50) ? "\\E e \\in " + name + " : " + name + "' = " + name + " \\ {e}"
                    // an \E under \A: TLC generates one successor per choice of every instance
                    : "\\A e \\in " + name + " : \\E f \\in {e, 0} : " + name + "' = " + name + " \\ {CHOOSE m \\in " + name
                        + " : TRUE}";
                moves.add(new FuzzSpec.Action(act + "Back", null, null, List.of(new FuzzSpec.Conj(name + " # {}", null, null),
                    new FuzzSpec.Conj(back, name, null))));
            }
            budget /= d.card();
            names.add(name);
            doms.add(d);
            vars.add(new FuzzSpec.Var(name, d.tla(), name + (d.elem().kind() == Ty.Kind.INT ? " = 0" : " = {}")));
            g.readable(name, d);
            actions.addAll(moves);
        }
    }

    /** "Some values are never reached": violated only if the search gets there, often deep. */
    private String unreached(ExprGen g, List<String> names, List<Dom> doms) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (parts.isEmpty() || r.percent(50)) {
                parts.add(names.get(i) + " = " + g.value(doms.get(i)));
            }
        }
        return "~(" + String.join(" /\\ ", parts) + ")";
    }

    /**
     * An invariant over the variables; one in ten mentions none of them, which TLC evaluates once
     * before the search (a FALSE one is an error there, not a violation).
     */
    private String invariant(ExprGen g, List<String> names) {
        if (r.percent(10)) {
            g.forgetVars();
            String constant = g.condition(2);
            g.restoreVars();
            return constant;
        }
        return statePredicate(g, names);
    }

    /** A condition that names a variable (a state predicate, not a constant one). */
    private String statePredicate(ExprGen g, List<String> names) {
        for (int attempt = 0; attempt < 5; attempt++) {
            String body = g.condition(2);
            for (String n : names) {
                if (Pattern.compile("(?<![A-Za-z0-9_\"])" + Pattern.quote(n) + "(?![A-Za-z0-9_'\"])").matcher(body).find()) {
                    return body;
                }
            }
        }
        String v = names.get(0);
        return "(" + v + " = " + v + " /\\ " + g.condition(2) + ")";
    }

    /** A bounded type set for a variable, at most {@code budget} values (null if none fits). */
    private Dom varDom(List<Dom> scalars, long budget) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Dom d = switch (r.below(10)) {
                case 0, 1 -> scalars.get(0);
                case 2 -> pickScalar(scalars);
                case 3 -> Dom.subsets(pickScalar(scalars));
                case 4 -> Dom.functions(pickScalar(scalars), pickScalar(scalars));
                case 5 -> Dom.records(List.of("lo", "hi"), List.of(pickScalar(scalars), pickScalar(scalars)));
                case 6 -> Dom.sequences(pickScalar(scalars), r.between(1, 3));
                case 7 -> Dom.subsets(Dom.subsets(Dom.ints(0, 1)));
                case 8 -> Dom.functions(scalars.get(3), Dom.records(List.of("lo", "hi"), List.of(scalars.get(1),
                    pickScalar(scalars))));
                default -> Dom.functions(scalars.get(3), Dom.sequences(scalars.get(1), 1));
            };
            if (d.card() <= budget && d.card() <= 2000) {
                return d;
            }
        }
        return budget >= 2 ? Dom.bools() : null;
    }

    private Dom pickScalar(List<Dom> scalars) {
        return r.pick(scalars);
    }

    private String init(ExprGen g, String name, Dom d) {
        return switch (r.below(5)) {
            case 0, 1 -> name + " = " + g.value(d);
            case 2 -> d.card() <= 16 ? name + " \\in " + d.tla() : name + " = " + g.value(d);
            case 3 -> name + " \\in {" + g.value(d) + ", " + g.value(d) + "}";
            default -> name + " = " + g.expr(d.elem(), 2);
        };
    }

    /**
     * An action; {@code driver} (or -1) is the variable it moves through its type set without a guard
     * (an enumeration or a step from the old value), so that every variable takes many values and
     * state spaces have hundreds to thousands of states.
     */
    private FuzzSpec.Action action(ExprGen g, String name, List<String> names, List<Dom> doms, int driver) {
        String param = null;
        Dom paramDom = null;
        if (r.percent(40)) {
            paramDom = r.pick(g.scalars());
            param = g.freshName();
            g.push(new ExprGen.Bound(param, paramDom.elem(), paramDom));
        }
        List<FuzzSpec.Conj> conjuncts = new ArrayList<>();
        int guards = r.percent(driver >= 0 ? 85 : 60) ? 0 : r.between(1, 2);
        boolean any = false;
        boolean driverOnly = driver >= 0 && r.percent(70); // another random assignment may leave its type set and disable it
        for (int i = 0; i < names.size(); i++) {
            if (driverOnly && i != driver) {
                continue;
            }
            if (i == driver) {
                any = true;
                drive(g, names.get(i), doms.get(i), conjuncts);
            } else if (r.percent(50) || (!any && i == names.size() - 1)) {
                any = true;
                if (guards > 0 && r.percent(30)) {
                    conjuncts.add(new FuzzSpec.Conj(guard(g), null, null));
                    guards--;
                }
                assign(g, names.get(i), doms.get(i), conjuncts);
            }
        }
        for (; guards > 0; guards--) {
            conjuncts.add(r.below(Math.max(1, conjuncts.size() + 1)) == 0 ? 0 : conjuncts.size(),
                new FuzzSpec.Conj(guard(g), null, null));
        }
        if (param != null) {
            g.pop();
        }
        return new FuzzSpec.Action(name, param, paramDom == null ? null : paramDom.tla(), conjuncts);
    }

    /**
     * A guard conjunct. An {@code \\A} in it is processed as TLC does in an action, as the
     * conjunction of its instances (fuzz-regressions/ForallBranches).
     */
    private String guard(ExprGen g) {
        return g.condition(2);
    }

    /** {@code x' \\in D} for a small type set, else a step from the old value kept inside it. */
    private void drive(ExprGen g, String x, Dom d, List<FuzzSpec.Conj> out) {
        String p = x + "'";
        if (d.card() <= 16 && r.percent(50)) {
            out.add(new FuzzSpec.Conj(p + " \\in " + d.tla(), x, null));
            return;
        }
        out.add(new FuzzSpec.Conj(p + " = " + evolve(g, x, d.elem()), x, null));
        out.add(new FuzzSpec.Conj(p + " \\in " + d.tla(), null, x));
    }

    /** An assignment to {@code x'} in one of several shapes, then (unless it enumerates its type set) {@code x' \in D}. */
    private void assign(ExprGen g, String x, Dom d, List<FuzzSpec.Conj> out) {
        String p = x + "'";
        Ty t = d.elem();
        String text;
        boolean bounded = false;
        switch (r.below(12)) {
            case 0, 9 -> {
                text = d.card() <= 16 ? p + " \\in " + d.tla() : p + " \\in {" + g.value(d) + ", " + g.value(d) + "}";
                bounded = true;
            }
            case 1 -> text = "(" + p + " = " + g.expr(t, 2) + " \\/ " + p + " = " + g.expr(t, 2) + ")";
            case 2 -> text = "(IF " + g.expr(Ty.BOOL, 2) + " THEN " + p + " = " + g.expr(t, 2) + " ELSE " + p + " = "
                + g.expr(t, 2) + ")";
            case 3 -> {
                Dom over = r.pick(g.scalars());
                String k = g.freshName();
                g.push(new ExprGen.Bound(k, over.elem(), over));
                text = "(\\E " + k + " \\in " + over.tla() + " : " + p + " = " + g.expr(t, 2) + ")";
                g.pop();
            }
            case 4 -> {
                String k = g.freshName();
                String def = g.expr(t, 2);
                g.push(new ExprGen.Bound(k, t, null));
                text = "(LET " + k + " == " + def + " IN " + p + " = " + g.expr(t, 1) + ")";
                g.pop();
            }
            case 5 -> text = except(g, x, t);
            case 8 -> {
                // \A in an action: the first instance assigns x' (once per choice of the \E), the others test it
                Dom over = r.pick(g.scalars());
                Dom choice = r.pick(g.scalars());
                String k = g.freshName();
                g.push(new ExprGen.Bound(k, over.elem(), over));
                String guard = g.condition(1);
                g.pop();
                String j = g.freshName();
                g.push(new ExprGen.Bound(j, choice.elem(), choice));
                String value = g.expr(t, 2);
                g.pop();
                text = "(\\A " + k + " \\in " + over.tla() + " : " + guard + " \\/ \\E " + j + " \\in " + choice.tla() + " : "
                    + p + " = " + value + ")";
            }
            case 6, 10, 11 -> text = p + " = " + evolve(g, x, t);
            default -> text = p + " = " + g.expr(t, 3);
        }
        out.add(new FuzzSpec.Conj(text, x, null));
        if (!bounded) {
            out.add(new FuzzSpec.Conj(p + " \\in " + d.tla(), null, x));
        }
    }

    /** A new value computed from the old one, so that the search walks through the type set. */
    private String evolve(ExprGen g, String x, Ty t) {
        return switch (t.kind()) {
            case INT -> r.percent(70) ? "(" + x + (r.percent(60) ? " + " : " - ") + r.between(1, 2) + ")"
                : "((" + x + " + " + r.between(1, 2) + ") % " + r.between(2, 4) + ")";
            case BOOL -> "(~" + x + ")";
            case SEQ -> r.percent(60) ? "Append(" + x + ", " + g.expr(((Ty.SeqT) t).elem(), 1) + ")"
                : "(IF " + x + " = <<>> THEN " + x + " ELSE Tail(" + x + "))";
            case SET -> "(" + x + (r.percent(60) ? " \\cup {" : " \\ {") + g.expr(((Ty.SetT) t).elem(), 1) + "})";
            default -> except(g, x, t).substring(p(x).length() + 3);
        };
    }

    private static String p(String x) {
        return x + "'";
    }

    private String except(ExprGen g, String x, Ty t) {
        String p = x + "'";
        if (t.kind() == Ty.Kind.FUN) {
            Ty.FunT f = (Ty.FunT) t;
            String path = "![" + g.member(f.domain()) + "]";
            return p + " = [" + x + " EXCEPT " + path + " = " + g.update(f.range(), 2) + "]";
        }
        if (t.kind() == Ty.Kind.REC) {
            Ty.RecT rec = (Ty.RecT) t;
            int i = r.below(rec.fields().size());
            return p + " = [" + x + " EXCEPT !." + rec.fields().get(i) + " = " + g.update(rec.types().get(i), 2) + "]";
        }
        return p + " = " + g.expr(t, 2);
    }
}
