package io.finalspec.runtime.testing;

import java.util.ArrayList;
import java.util.List;

import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.machine.TemporalProperty.Clause;
import io.finalspec.runtime.trace.Trace;

/**
 * Judges a lasso directly by the definitions, independently of the checker: is it a behaviour of
 * the machine (an initial state, then successors, then back to the loop state or stuttering), is
 * it fair to every fairness condition (judged on its cycle), and does it violate a clause.
 * Returns a description of the first problem, or null.
 */
public final class Lassos {
    private Lassos() {
    }

    public static String problem(Machine m, Clause clause, Trace lasso) {
        if (!lasso.isLasso()) {
            return "not a lasso";
        }
        List<State> s = lasso.states();
        boolean[] initial = {false};
        m.initStates(t -> initial[0] |= States.equal(t, s.get(0)));
        if (!initial[0]) {
            return "the first state is not initial";
        }
        for (int i = 1; i < s.size(); i++) {
            if (!isStep(m, s.get(i - 1), s.get(i))) {
                return "state " + (i + 1) + " is not a successor of state " + i;
            }
        }
        if (!lasso.endsStuttering() && !isStep(m, s.get(s.size() - 1), s.get(lasso.loop()))) {
            return "the last state does not step back to state " + (lasso.loop() + 1);
        }
        List<State> cycle = s.subList(lasso.loop(), s.size());
        for (Fairness f : m.fairness()) {
            if (!fair(f, cycle, lasso.endsStuttering())) {
                return "the cycle is not fair to " + f.name();
            }
        }
        if (clause instanceof Clause.Assuming a) {
            for (Clause x : a.assumptions()) {
                if (violates(x, s, lasso.loop(), lasso.endsStuttering())) {
                    return "the behaviour does not satisfy the assumed " + x.text();
                }
            }
            return violates(a.clause(), s, lasso.loop(), lasso.endsStuttering()) ? null
                    : "the behaviour does not violate " + a.clause().text();
        }
        return violates(clause, s, lasso.loop(), lasso.endsStuttering()) ? null
                : "the behaviour does not violate " + clause.text();
    }

    private static boolean isStep(Machine m, State a, State b) {
        boolean[] found = {false};
        m.successors(a, (l, t) -> found[0] |= States.equal(t, b));
        return found[0];
    }

    /** Steps of the cycle: consecutive states and the step back (none when it only stutters). */
    private static boolean fair(Fairness f, List<State> cycle, boolean stuttering) {
        boolean taken = false;
        boolean anyEnabled = false;
        boolean anyDisabled = false;
        for (int i = 0; i < cycle.size(); i++) {
            State u = cycle.get(i);
            List<State> steps = steps(f, u);
            anyEnabled |= !steps.isEmpty();
            anyDisabled |= steps.isEmpty();
            if (!stuttering) {
                State v = cycle.get((i + 1) % cycle.size());
                taken |= steps.stream().anyMatch(t -> States.equal(t, v));
            }
        }
        return f.strong() ? taken || !anyEnabled : taken || anyDisabled;
    }

    private static List<State> steps(Fairness f, State u) {
        List<State> out = new ArrayList<>();
        f.action().accept(u, t -> {
            if (!f.subscript().apply(t).equals(f.subscript().apply(u))) {
                out.add(t);
            }
        });
        return out;
    }

    /** Whether the infinite behaviour s[0..], then s[loop..] forever, violates the clause. */
    private static boolean violates(Clause c, List<State> s, int loop, boolean stuttering) {
        List<State> cycle = s.subList(loop, s.size());
        if (c instanceof Clause.Fair f) {
            // unfair to WF_v(A): A enabled throughout the cycle and never taken; SF: enabled somewhere
            boolean taken = false;
            boolean anyEnabled = false;
            boolean anyDisabled = false;
            for (int i = 0; i < cycle.size(); i++) {
                boolean enabled = f.enabled().test(cycle.get(i));
                anyEnabled |= enabled;
                anyDisabled |= !enabled;
                taken |= !stuttering && f.step().test(cycle.get(i), cycle.get((i + 1) % cycle.size()));
            }
            return !taken && (f.strong() ? anyEnabled : !anyDisabled);
        }
        if (c instanceof Clause.From f) {
            if (f.start() != null && !f.start().test(s.get(0))) {
                return false;
            }
            if (f.clause() instanceof Clause.Always a) {
                return s.stream().anyMatch(x -> !a.p().test(x));
            } else if (f.clause() instanceof Clause.Initially i) {
                return !i.p().test(s.get(0));
            }
            return violates(f.clause(), s, loop, stuttering);
        } else if (c instanceof Clause.AlwaysAfter a) {
            for (int i = 0; i < s.size(); i++) {
                // the states from position i on: s[i..] and, once in the cycle, all of it
                if (a.p().test(s.get(i)) && s.subList(Math.min(i, loop), s.size()).stream().anyMatch(x -> !a.q().test(x))) {
                    return true;
                }
            }
            return false;
        } else if (c instanceof Clause.Eventually e) {
            return s.stream().noneMatch(e.p()::test);
        } else if (c instanceof Clause.InfinitelyOften i) {
            return cycle.stream().noneMatch(i.p()::test);
        } else if (c instanceof Clause.EventuallyAlways e) {
            return cycle.stream().anyMatch(x -> !e.p().test(x));
        } else if (c instanceof Clause.LeadsTo l) {
            for (int i = 0; i < s.size(); i++) {
                if (l.p().test(s.get(i)) && s.subList(Math.min(i, loop), s.size()).stream().noneMatch(l.q()::test)) {
                    return true;
                }
            }
            return false;
        }
        throw new IllegalArgumentException("not a liveness clause: " + c);
    }
}
