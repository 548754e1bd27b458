package io.finalspec.runtime.explore.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.finalspec.runtime.explore.BfsExplorer;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.ModelChecker;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.TemporalProperty.Clause;
import io.finalspec.runtime.testing.LambdaMachine;
import io.finalspec.runtime.testing.Lassos;
import io.finalspec.runtime.value.IntValue;
import io.finalspec.runtime.value.Tla;

/**
 * The checker's verdict on random small state graphs equals a brute-force oracle that works from
 * the definitions: a fair violating behaviour exists exactly when some set S of reachable states,
 * strongly connected by the transitions among its members (a single state always is: it can
 * stutter), reachable as the form demands, has a cycle that visits all of S and uses all of its
 * transitions and that is fair (WF: an A step inside S, or a state of S where A is disabled; SF: an
 * A step inside S, or A disabled throughout S) and violating. Every lasso is judged by
 * {@link Lassos}. Fixed seed, recorded here.
 */
class LivenessOracleTest {
    static final long SEED = 0x11FE_4E55L;
    static final int EXAMPLES = 2000;

    /**
     * A random graph over states 0..n-1: init, transitions, predicates P and Q, fairness relations
     * (the first {@code machineFair} the machine's, the others assumed by the property:
     * {@code A => F}), and the states of {@code []<>O} and {@code <>[]T} when the property assumes
     * them too (null when not).
     */
    private record Graph(int n, boolean[] init, boolean[][] next, boolean[] p, boolean[] q, boolean[][][] fair,
                         boolean[] strong, int form, boolean[] start, int machineFair, boolean[] often,
                         boolean[] stays) {

        /** Forms 0-3 are the plain liveness forms, 4-9 those of implications and {@code [](P => []Q)}. */
        static final int PLAIN_FORMS = 4;
        static final int IMPLICATION_FORMS = 6;

        /** A graph for one of the implication forms: the same draws as {@link #random}, then its form. */
        static Graph randomImplication(Random r) {
            Graph g = random(r);
            return new Graph(g.n, g.init, g.next, g.p, g.q, g.fair, g.strong, PLAIN_FORMS + r.nextInt(IMPLICATION_FORMS),
                    g.start, g.machineFair, null, null);
        }

        /**
         * A graph whose property assumes some of its fairness relations, and maybe {@code []<>O}
         * and {@code <>[]T} ({@code A => F}, F any form): a violation of {@code A => F} is a
         * behaviour fair to the machine's conditions that satisfies A and violates F.
         */
        static Graph randomAssumption(Random r) {
            Graph g = random(r);
            int form = r.nextInt(PLAIN_FORMS + IMPLICATION_FORMS);
            boolean[] often = r.nextInt(3) == 0 ? bits(r, g.n) : null;
            boolean[] stays = r.nextInt(3) == 0 ? bits(r, g.n) : null;
            return new Graph(g.n, g.init, g.next, g.p, g.q, g.fair, g.strong, form, g.start, r.nextInt(g.fair.length + 1),
                    often, stays);
        }

        static Graph random(Random r) {
            int n = 1 + r.nextInt(6);
            boolean[] init = new boolean[n];
            init[r.nextInt(n)] = true;
            if (r.nextInt(4) == 0) {
                init[r.nextInt(n)] = true;
            }
            double density = 0.15 + 0.4 * r.nextDouble();
            boolean[][] next = new boolean[n][n];
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    next[u][v] = r.nextDouble() < density;
                }
            }
            int k = r.nextInt(4);
            boolean[][][] fair = new boolean[k][n][n];
            boolean[] strong = new boolean[k];
            for (int f = 0; f < k; f++) {
                strong[f] = r.nextBoolean();
                for (int u = 0; u < n; u++) {
                    for (int v = 0; v < n; v++) {
                        // mostly sub-actions of Next; sometimes a step Next does not take (ENABLED only)
                        fair[f][u][v] = next[u][v] ? r.nextDouble() < 0.5 : r.nextDouble() < 0.05;
                    }
                }
            }
            boolean[] p = bits(r, n);
            boolean[] q = bits(r, n);
            int form = r.nextInt(PLAIN_FORMS);
            return new Graph(n, init, next, p, q, fair, strong, form, bits(r, n), k, null, null);
        }

        private static boolean[] bits(Random r, int n) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = r.nextBoolean();
            }
            return b;
        }

        LambdaMachine machine() {
            List<String> vars = List.of("x");
            LambdaMachine m = new LambdaMachine("G", vars, out -> {
                for (int u = 0; u < n; u++) {
                    if (init[u]) {
                        out.accept(new ArrayState(vars, Tla.integer(u)));
                    }
                }
            }, (s, out) -> {
                int u = ((IntValue) s.get(0)).value();
                for (int v = 0; v < n; v++) {
                    if (next[u][v]) {
                        out.accept(ActionLabel.of("Next"), new ArrayState(vars, Tla.integer(v)));
                    }
                }
            }).checkDeadlock(false);
            for (int f = 0; f < machineFair; f++) {
                boolean[][] a = fair[f];
                m.fairness(new Fairness((strong[f] ? "SF" : "WF") + "_x(A" + f + ")", strong[f], (s, out) -> {
                    int u = ((IntValue) s.get(0)).value();
                    for (int v = 0; v < n; v++) {
                        if (a[u][v]) {
                            out.accept(new ArrayState(vars, Tla.integer(v)));
                        }
                    }
                }, s -> s.get(0)));
            }
            return m;
        }

        /** The property: the form's clause, under the assumed fairness relations if there are any. */
        Clause clause() {
            if (machineFair == fair.length && often == null && stays == null) {
                return formClause();
            }
            List<Clause> assumed = new ArrayList<>();
            if (often != null) {
                assumed.add(new Clause.InfinitelyOften("[]<>O", pred("O", often)));
            }
            if (stays != null) {
                assumed.add(new Clause.EventuallyAlways("<>[]T", pred("T", stays)));
            }
            for (int f = machineFair; f < fair.length; f++) {
                boolean[][] a = fair[f];
                String text = (strong[f] ? "SF" : "WF") + "_x(A" + f + ")";
                Machine.Predicate enabled = LambdaMachine.predicate("ENABLED A" + f, s -> {
                    int u = ((IntValue) s.get(0)).value();
                    for (int v = 0; v < n; v++) {
                        if (a[u][v] && v != u) {
                            return true;
                        }
                    }
                    return false;
                });
                Machine.ActionPredicate step = new Machine.ActionPredicate() {
                    @Override
                    public String name() {
                        return "<<A" + a.hashCode() + ">>_x";
                    }

                    @Override
                    public boolean test(io.finalspec.runtime.machine.State from, io.finalspec.runtime.machine.State to) {
                        int u = ((IntValue) from.get(0)).value();
                        int v = ((IntValue) to.get(0)).value();
                        return u != v && a[u][v];
                    }
                };
                assumed.add(new Clause.Fair(text, strong[f], enabled, step));
            }
            Clause inner = formClause();
            return new Clause.Assuming("A => " + inner.text(), assumed, inner);
        }

        private Clause formClause() {
            Machine.Predicate pp = pred("P", p);
            Machine.Predicate qq = pred("Q", q);
            Machine.Predicate ss = pred("S", start);
            return switch (form) {
                case 0 -> new Clause.Eventually("<>P", pp);
                case 1 -> new Clause.InfinitelyOften("[]<>P", pp);
                case 2 -> new Clause.EventuallyAlways("<>[]P", pp);
                case 3 -> new Clause.LeadsTo("P ~> Q", pp, qq);
                case 4 -> new Clause.From("S => []P", ss, new Clause.Always("[]P", pp));
                case 5 -> new Clause.From("[]P", null, new Clause.Always("[]P", pp));
                case 6 -> new Clause.From("S => P", ss, new Clause.Initially("P", pp));
                case 7 -> new Clause.From("S => <>P", ss, new Clause.Eventually("<>P", pp));
                case 8 -> new Clause.From("S => (P ~> Q)", ss, new Clause.LeadsTo("P ~> Q", pp, qq));
                default -> new Clause.AlwaysAfter("[](P => []Q)", pp, qq);
            };
        }

        private static Machine.Predicate pred(String name, boolean[] b) {
            return LambdaMachine.predicate(name, s -> b[((IntValue) s.get(0)).value()]);
        }

        /** The oracle: some subset S of states is the set a fair violating cycle visits. */
        boolean violatedByDefinition() {
            boolean[] reach = reachable(init, all());
            for (int mask = 1; mask < (1 << n); mask++) {
                boolean[] s = new boolean[n];
                boolean ok = true;
                for (int u = 0; u < n; u++) {
                    s[u] = (mask & (1 << u)) != 0;
                    ok &= !s[u] || reach[u];
                }
                if (ok && stronglyConnected(s) && fair(s) && assumed(s) && violates(s)) {
                    return true;
                }
            }
            return false;
        }

        private boolean violates(boolean[] s) {
            boolean[] begin = and(init, start);
            return switch (form) {
                case 0 -> within(s, not(p)) && meets(reachable(and(init, not(p)), not(p)), s);
                case 1 -> within(s, not(p));
                case 2 -> meets(s, not(p));
                case 3 -> within(s, not(q)) && meets(reachable(and(reachable(init, all()), and(p, not(q))), not(q)), s);
                // a ~P state after a beginning with S, then the cycle anywhere after it
                case 4 -> meets(reachable(and(reachable(begin, all()), not(p)), all()), s);
                case 5 -> meets(reachable(and(reachable(init, all()), not(p)), all()), s);
                case 6 -> meets(reachable(and(begin, not(p)), all()), s);
                case 7 -> within(s, not(p)) && meets(reachable(and(begin, not(p)), not(p)), s);
                case 8 -> within(s, not(q)) && meets(reachable(and(reachable(begin, all()), and(p, not(q))), not(q)), s);
                // a P state, then (maybe the same) a ~Q state, then the cycle
                default -> meets(reachable(and(reachable(and(reachable(init, all()), p), all()), not(q)), all()), s);
            };
        }

        /** A cycle through exactly the states s satisfies the assumed {@code []<>O} and {@code <>[]T}. */
        private boolean assumed(boolean[] s) {
            return (often == null || meets(s, often)) && (stays == null || within(s, stays));
        }

        private boolean fair(boolean[] s) {
            for (int f = 0; f < fair.length; f++) {
                boolean taken = false;
                boolean anyEnabled = false;
                boolean anyDisabled = false;
                for (int u = 0; u < n; u++) {
                    if (!s[u]) {
                        continue;
                    }
                    boolean enabled = false;
                    for (int v = 0; v < n; v++) {
                        enabled |= fair[f][u][v] && v != u;
                        taken |= s[v] && v != u && next[u][v] && fair[f][u][v];
                    }
                    anyEnabled |= enabled;
                    anyDisabled |= !enabled;
                }
                if (strong[f] ? !(taken || !anyEnabled) : !(taken || anyDisabled)) {
                    return false;
                }
            }
            return true;
        }

        private boolean stronglyConnected(boolean[] s) {
            int first = -1;
            for (int u = 0; u < n && first < 0; u++) {
                first = s[u] ? u : -1;
            }
            for (int u = 0; u < n; u++) {
                if (s[u] && !reachable(single(first), s)[u] || s[u] && !reachable(single(u), s)[first]) {
                    return false;
                }
            }
            return true;
        }

        /** States reachable from {@code from} (those inside {@code allowed}) through states inside it. */
        private boolean[] reachable(boolean[] from, boolean[] allowed) {
            boolean[] r = new boolean[n];
            List<Integer> work = new ArrayList<>();
            for (int u = 0; u < n; u++) {
                if (from[u] && allowed[u]) {
                    r[u] = true;
                    work.add(u);
                }
            }
            while (!work.isEmpty()) {
                int u = work.remove(work.size() - 1);
                for (int v = 0; v < n; v++) {
                    if (next[u][v] && allowed[v] && !r[v]) {
                        r[v] = true;
                        work.add(v);
                    }
                }
            }
            return r;
        }

        private boolean[] single(int u) {
            boolean[] b = new boolean[n];
            b[u] = true;
            return b;
        }

        private boolean[] all() {
            boolean[] b = new boolean[n];
            java.util.Arrays.fill(b, true);
            return b;
        }

        private boolean[] not(boolean[] a) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = !a[i];
            }
            return b;
        }

        private boolean[] and(boolean[] a, boolean[] c) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = a[i] && c[i];
            }
            return b;
        }

        private boolean within(boolean[] s, boolean[] region) {
            for (int i = 0; i < n; i++) {
                if (s[i] && !region[i]) {
                    return false;
                }
            }
            return true;
        }

        private boolean meets(boolean[] a, boolean[] c) {
            for (int i = 0; i < n; i++) {
                if (a[i] && c[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void verdictEqualsBruteForceOracleAndLassosAreFairViolations() {
        check(SEED, Graph::random);
    }

    /** The same relation for {@code S => []P}, {@code c => []P}, {@code S => P}, {@code S => <>P}, {@code S => (P ~> Q)}, {@code [](P => []Q)}. */
    @Test
    void implicationsAndAlwaysAfterEqualTheOracle() {
        check(SEED + 1, Graph::randomImplication);
    }

    /** The same relation for properties {@code A => F} that assume fairness conditions, F any of the forms above. */
    @Test
    void assumedFairnessEqualsTheOracle() {
        check(SEED + 2, Graph::randomAssumption);
    }

    private static void check(long fixedSeed, java.util.function.Function<Random, Graph> graphs) {
        int[] verdicts = new int[2];
        qt().withFixedSeed(fixedSeed).withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            Graph g = graphs.apply(new Random(seed));
            LambdaMachine m = g.machine();
            Clause clause = g.clause();
            m.property("Prop", clause);
            ExploreResult r = new ModelChecker(m, BfsExplorer.Options.defaults().withExpectedStates(8)).run();
            boolean expected = g.violatedByDefinition();
            verdicts[expected ? 1 : 0]++;
            assertEquals(expected, r.outcome().kind() == Outcome.Kind.PROPERTY, () -> "seed " + seed + ": " + r.outcome());
            if (expected) {
                assertNull(Lassos.problem(m, clause, r.trace()), () -> "seed " + seed + "\n" + r.trace());
            } else {
                assertEquals(Outcome.OK, r.outcome());
            }
        });
        // both verdicts are common, so neither half of the relation is tested vacuously
        assertTrue(verdicts[0] > EXAMPLES / 5 && verdicts[1] > EXAMPLES / 5, () -> java.util.Arrays.toString(verdicts));
    }
}
