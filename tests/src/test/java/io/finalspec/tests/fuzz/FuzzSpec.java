package io.finalspec.tests.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One generated spec and model, kept as units (variables, helper definitions, actions made of
 * conjuncts, invariants) so that a failing spec can be shrunk unit by unit; {@link #tla} and
 * {@link #cfg} render it.
 *
 * @param vars          the state variables with their type sets and Init conjuncts
 * @param helpers       module-level definitions the expressions use (RECURSIVE ones among them)
 * @param actions       the disjuncts of Next
 * @param invariants    the config's INVARIANTs, in order
 * @param checkDeadlock the config's CHECK_DEADLOCK
 * @param temporal      null, or the fairness of {@code Spec == Init /\ [][Next]_vars /\ ...} and the
 *                      one PROPERTY the config then checks (the model is SPECIFICATION Spec)
 */
record FuzzSpec(List<Var> vars, List<String> helpers, List<Action> actions, List<Def> invariants, boolean checkDeadlock,
                Temporal temporal) {

    public static final String MODULE = "Fz";

    /** A spec checked with INIT/NEXT, without fairness or properties. */
    FuzzSpec(List<Var> vars, List<String> helpers, List<Action> actions, List<Def> invariants, boolean checkDeadlock) {
        this(vars, helpers, actions, invariants, checkDeadlock, null);
    }

    FuzzSpec {
        vars = List.copyOf(vars);
        helpers = List.copyOf(helpers);
        actions = List.copyOf(actions);
        invariants = List.copyOf(invariants);
    }

    /** A state variable: its type set and its Init conjunct ({@code x = e} or {@code x \in S}). */
    record Var(String name, String typeSet, String init) {
    }

    /**
     * One conjunct of an action. {@code assigns} names the variable it assigns (null for a guard);
     * {@code boundOf} names the variable whose primed value it keeps inside its type set.
     */
    record Conj(String text, String assigns, String boundOf) {
    }

    /** {@code Name(param) == /\ conjuncts /\ UNCHANGED <<the variables no conjunct assigns>>}; param may be null. */
    record Action(String name, String param, String paramSet, List<Conj> conjuncts) {
        Action {
            conjuncts = List.copyOf(conjuncts);
        }
    }

    record Def(String name, String body) {
    }

    /**
     * The temporal part: {@code fairness} conjuncts of Spec ({@code WF_vars(A1)},
     * {@code \A p \in S : SF_vars(A2(p))}) and the property {@code Prop}, a conjunction of
     * {@code clauses} (one property, so that TLC's "Temporal properties were violated" names it).
     */
    record Temporal(List<String> fairness, List<String> clauses) {
        Temporal {
            fairness = List.copyOf(fairness);
            clauses = List.copyOf(clauses);
        }
    }

    static final String PROPERTY = "Prop";

    String tla() {
        StringBuilder sb = new StringBuilder();
        sb.append("---- MODULE ").append(MODULE).append(" ----\n");
        sb.append("EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC\n");
        sb.append("CONSTANTS Procs, P1, P2\n");
        sb.append("VARIABLES ").append(String.join(", ", vars.stream().map(Var::name).toList())).append("\n\n");
        for (String h : helpers) {
            sb.append(h).append("\n\n");
        }
        sb.append("Init ==\n");
        for (Var v : vars) {
            sb.append("  /\\ ").append(v.init()).append('\n');
        }
        sb.append('\n');
        for (Action a : actions) {
            sb.append(a.name()).append(a.param() == null ? "" : "(" + a.param() + ")").append(" ==\n");
            Set<String> assigned = new LinkedHashSet<>();
            for (Conj c : a.conjuncts()) {
                sb.append("  /\\ ").append(c.text()).append('\n');
                if (c.assigns() != null) {
                    assigned.add(c.assigns());
                }
            }
            List<String> unchanged = vars.stream().map(Var::name).filter(n -> !assigned.contains(n)).toList();
            if (!unchanged.isEmpty()) {
                sb.append("  /\\ UNCHANGED <<").append(String.join(", ", unchanged)).append(">>\n");
            }
            if (a.conjuncts().isEmpty() && unchanged.isEmpty()) {
                sb.append("  /\\ TRUE\n");
            }
            sb.append('\n');
        }
        sb.append("Next ==\n");
        for (Action a : actions) {
            sb.append("  \\/ ").append(a.param() == null ? a.name()
                : "\\E " + a.param() + " \\in " + a.paramSet() + " : " + a.name() + "(" + a.param() + ")").append('\n');
        }
        sb.append('\n');
        for (Def d : invariants) {
            sb.append(d.name()).append(" == ").append(d.body()).append("\n\n");
        }
        if (temporal != null) {
            sb.append("vars == <<").append(String.join(", ", vars.stream().map(Var::name).toList())).append(">>\n\n");
            // a bulleted list: each \\A self is its own scope
            sb.append("Spec ==\n  /\\ Init\n  /\\ [][Next]_vars");
            for (String f : temporal.fairness()) {
                sb.append("\n  /\\ ").append(f);
            }
            sb.append("\n\n").append(PROPERTY).append(" ==");
            for (String c : temporal.clauses()) {
                sb.append("\n  /\\ ").append(c);
            }
            sb.append("\n\n");
        }
        sb.append("====\n");
        return sb.toString();
    }

    String cfg() {
        StringBuilder sb = new StringBuilder();
        sb.append("CONSTANTS\n  Procs = {p1, p2}\n  P1 = p1\n  P2 = p2\n");
        sb.append(temporal == null ? "INIT Init\nNEXT Next\n" : "SPECIFICATION Spec\n");
        if (!invariants.isEmpty()) {
            sb.append("INVARIANT ").append(String.join(" ", invariants.stream().map(Def::name).toList())).append('\n');
        }
        if (temporal != null) {
            sb.append("PROPERTY ").append(PROPERTY).append('\n');
        }
        sb.append("CHECK_DEADLOCK ").append(checkDeadlock ? "TRUE" : "FALSE").append('\n');
        return sb.toString();
    }

    /** The module that checks this spec through an instance ({@link Profile#throughInstance}). */
    static final String WRAPPER = "FzW";

    /**
     * A module that checks this spec through {@code F == INSTANCE Fz WITH x <- v_x, ...}: its own
     * variables are the spec's renamed, the constants pass by name, and it defines the names
     * {@link #cfg} checks ({@code Init == F!Init}, {@code Next == F!Next}, each invariant, and
     * {@code Spec} and the property when there is a temporal part) through the instance, so the
     * same config checks it.
     */
    String wrapper() {
        List<String> names = vars.stream().map(Var::name).toList();
        List<String> renamed = names.stream().map(n -> "v_" + n).toList();
        List<String> with = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            with.add(names.get(i) + " <- " + renamed.get(i));
        }
        StringBuilder sb = new StringBuilder();
        sb.append("---- MODULE ").append(WRAPPER).append(" ----\n");
        sb.append("EXTENDS Naturals, Integers, Sequences, FiniteSets, TLC\n");
        sb.append("CONSTANTS Procs, P1, P2\n");
        sb.append("VARIABLES ").append(String.join(", ", renamed)).append("\n\n");
        sb.append("F == INSTANCE ").append(MODULE).append(" WITH ").append(String.join(", ", with)).append("\n\n");
        List<String> defined = new ArrayList<>(List.of("Init", "Next"));
        invariants.forEach(d -> defined.add(d.name()));
        if (temporal != null) {
            defined.add("Spec");
            defined.add(PROPERTY);
        }
        for (String d : defined) {
            sb.append(d).append(" == F!").append(d).append('\n');
        }
        sb.append("====\n");
        return sb.toString();
    }

    /** Size for shrinking: fewer units and characters is simpler. */
    int size() {
        return tla().length();
    }

    /** Every spec one shrinking step smaller: a unit or a conjunct removed, an Init choice narrowed. */
    List<FuzzSpec> smaller() {
        List<FuzzSpec> out = new ArrayList<>();
        for (int i = 0; i < actions.size() && actions.size() > 1; i++) {
            List<Action> as = new ArrayList<>(actions);
            as.remove(i);
            out.add(new FuzzSpec(vars, helpers, as, invariants, checkDeadlock, temporal));
        }
        for (int i = 0; i < invariants.size(); i++) {
            List<Def> is = new ArrayList<>(invariants);
            is.remove(i);
            out.add(new FuzzSpec(vars, helpers, actions, is, checkDeadlock, temporal));
        }
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            for (int j = 0; j < a.conjuncts().size(); j++) {
                Conj c = a.conjuncts().get(j);
                if (c.boundOf() != null && c.assigns() == null) {
                    continue; // goes with its assignment
                }
                List<Conj> cs = new ArrayList<>();
                for (Conj other : a.conjuncts()) {
                    boolean sameVar = c.assigns() != null && c.assigns().equals(other.boundOf());
                    if (other != c && !sameVar) {
                        cs.add(other);
                    }
                }
                List<Action> as = new ArrayList<>(actions);
                as.set(i, new Action(a.name(), a.param(), a.paramSet(), cs));
                out.add(new FuzzSpec(vars, helpers, as, invariants, checkDeadlock, temporal));
            }
        }
        if (temporal != null) {
            for (int i = 0; i < temporal.fairness().size(); i++) {
                List<String> fs = new ArrayList<>(temporal.fairness());
                fs.remove(i);
                out.add(new FuzzSpec(vars, helpers, actions, invariants, checkDeadlock, new Temporal(fs, temporal.clauses())));
            }
            for (int i = 0; i < temporal.clauses().size() && temporal.clauses().size() > 1; i++) {
                List<String> cs = new ArrayList<>(temporal.clauses());
                cs.remove(i);
                out.add(new FuzzSpec(vars, helpers, actions, invariants, checkDeadlock, new Temporal(temporal.fairness(), cs)));
            }
        }
        for (int i = 0; i < helpers.size(); i++) {
            List<String> hs = new ArrayList<>(helpers);
            hs.remove(i);
            out.add(new FuzzSpec(vars, hs, actions, invariants, checkDeadlock, temporal));
        }
        for (int i = 0; i < vars.size() && vars.size() > 1; i++) {
            FuzzSpec without = withoutVar(vars.get(i).name());
            if (without != null) {
                out.add(without);
            }
        }
        return out;
    }

    /** The spec without variable {@code name}, if nothing but its own Init, assignments and bounds mention it. */
    private FuzzSpec withoutVar(String name) {
        Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])");
        List<Action> as = new ArrayList<>();
        for (Action a : actions) {
            List<Conj> cs = new ArrayList<>();
            for (Conj c : a.conjuncts()) {
                if (name.equals(c.assigns()) || name.equals(c.boundOf())) {
                    continue;
                }
                if (word.matcher(c.text()).find()) {
                    return null;
                }
                cs.add(c);
            }
            as.add(new Action(a.name(), a.param(), a.paramSet(), cs));
        }
        for (Def d : invariants) {
            if (word.matcher(d.body()).find()) {
                return null;
            }
        }
        if (temporal != null && (temporal.fairness().stream().anyMatch(f -> word.matcher(f).find())
            || temporal.clauses().stream().anyMatch(c -> word.matcher(c).find()))) {
            return null;
        }
        List<Var> vs = new ArrayList<>();
        for (Var v : vars) {
            if (v.name().equals(name)) {
                continue;
            }
            if (word.matcher(v.init()).find()) {
                return null;
            }
            vs.add(v);
        }
        return new FuzzSpec(vs, helpers, as, invariants, checkDeadlock, temporal);
    }
}
