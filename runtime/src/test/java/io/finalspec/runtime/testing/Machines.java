package io.finalspec.runtime.testing;

import io.finalspec.runtime.value.NameTable;
import java.util.List;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/** Small hand-written machines whose TLC results are known (checked with TLC 1.1.0 / 2.18). */
public final class Machines {
    private Machines() {
    }

    private static ArrayState st(List<String> vars, Value... v) {
        return new ArrayState(vars, v);
    }

    /** TLC: Init x \in {0,1}; Next x' = x+1 \/ x' = x; CONSTRAINT x < 3: 8 generated, 3 distinct, depth 2. */
    public static LambdaMachine constrainedCounter() {
        List<String> vars = List.of("x");
        return new LambdaMachine("U", vars,
                out -> {
                    out.accept(st(vars, Tla.integer(0)));
                    out.accept(st(vars, Tla.integer(1)));
                },
                (s, out) -> {
                    out.accept(ActionLabel.of("Next"), st(vars, Tla.add(s.get(0), Tla.integer(1))));
                    out.accept(ActionLabel.of("Next"), st(vars, s.get(0)));
                })
                .invariant("Inv", s -> Tla.lt(s.get(0), Tla.integer(5)))
                .constraint("C", s -> Tla.lt(s.get(0), Tla.integer(3)));
    }

    /** TLC: Init x \in {0,1}; Next x < 4 /\ x' = x+1; ACTION_CONSTRAINT x' # 3: 5 generated, 3 distinct, depth 2, no deadlock. */
    public static LambdaMachine actionConstrained() {
        List<String> vars = List.of("x");
        return new LambdaMachine("V", vars,
                out -> {
                    out.accept(st(vars, Tla.integer(0)));
                    out.accept(st(vars, Tla.integer(1)));
                },
                (s, out) -> {
                    if (Tla.lt(s.get(0), Tla.integer(4))) {
                        out.accept(ActionLabel.of("Next"), st(vars, Tla.add(s.get(0), Tla.integer(1))));
                    }
                })
                .actionConstraint("AC", (a, b) -> Tla.neq(b.get(0), Tla.integer(3)));
    }

    /**
     * TLC: x = 0, y = [a |-> {1}, b |-> <<"s">>]; Next == \E d \in {1,2} : Inc(d); Inv == x < 3.
     * Invariant Inv violated; 5 generated, 4 distinct, 1 left on queue, depth 3; trace x = 0, 1, 3.
     */
    public static LambdaMachine incrementer() {
        NameTable names = new NameTable();
        List<String> vars = List.of("x", "y");
        Value y = names.record(new String[] {"a", "b"}, new Value[] {Tla.set(Tla.integer(1)), Tla.tuple(names.str("s"))});
        return new LambdaMachine("W", vars,
                out -> out.accept(st(vars, Tla.integer(0), y)),
                (s, out) -> {
                    for (Value d : Tla.elements(Tla.set(Tla.integer(2), Tla.integer(1)))) {
                        out.accept(new ActionLabel("Inc", List.of(new ActionLabel.Binding("d", d))),
                                st(vars, Tla.add(s.get(0), d), s.get(1)));
                    }
                })
                .invariant("Inv", s -> Tla.lt(s.get(0), Tla.integer(3)))
                .withNames(names);
    }

    /** {@code n} counters modulo {@code m}, each incremented by its own action Inc(i). */
    public static LambdaMachine counters(int n, int m) {
        List<String> vars = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            vars.add("c" + i);
        }
        return new LambdaMachine("Counters", vars,
                out -> {
                    Value[] v = new Value[n];
                    java.util.Arrays.fill(v, Tla.integer(0));
                    out.accept(new ArrayState(vars, v));
                },
                (s, out) -> {
                    for (int i = 0; i < n; i++) {
                        Value[] v = io.finalspec.runtime.machine.States.values(s);
                        v[i] = Tla.mod(Tla.add(v[i], Tla.integer(1)), Tla.integer(m));
                        out.accept(new ActionLabel("Inc", List.of(new ActionLabel.Binding("i", Tla.integer(i)))),
                                new ArrayState(vars, v));
                    }
                });
    }

    /**
     * A mutex over processes {@code 1..n}: owner is NONE or a process; Acquire(p) when free,
     * Release(p) by the owner; {@code entries} counts acquisitions modulo 3. Invariant: owner is
     * NONE or in 1..n. With {@code buggy}, Acquire is enabled even when taken, and the invariant
     * Exclusion (a process never acquires a taken lock, tracked by a flag) fails.
     */
    public static LambdaMachine mutex(int n, boolean buggy) {
        List<String> vars = List.of("owner", "entries", "clash");
        NameTable names = new NameTable();
        Value none = names.modelValue("NONE");
        return new LambdaMachine("Mutex", vars,
                out -> out.accept(st(vars, none, Tla.integer(0), Tla.FALSE)),
                (s, out) -> {
                    for (Value p : Tla.elements(Tla.interval(1, n))) {
                        ActionLabel acq = new ActionLabel("Acquire", List.of(new ActionLabel.Binding("p", p)));
                        ActionLabel rel = new ActionLabel("Release", List.of(new ActionLabel.Binding("p", p)));
                        boolean free = Tla.eq(s.get(0), none);
                        if (free || (buggy && Tla.neq(s.get(0), p))) {
                            out.accept(acq, st(vars, p, Tla.mod(Tla.add(s.get(1), Tla.integer(1)), Tla.integer(3)),
                                    Tla.bool(!free)));
                        }
                        if (Tla.eq(s.get(0), p)) {
                            out.accept(rel, st(vars, none, s.get(1), s.get(2)));
                        }
                    }
                })
                .invariant("TypeOK", s -> Tla.in(s.get(0), Tla.union(Tla.set(none), Tla.interval(1, n))))
                .invariant("Exclusion", s -> !Tla.asBool(s.get(2)))
                .actions(mutexInstances(n))
                .withNames(names);
    }

    private static List<ActionLabel> mutexInstances(int n) {
        List<ActionLabel> out = new java.util.ArrayList<>();
        for (Value p : Tla.elements(Tla.interval(1, n))) {
            out.add(new ActionLabel("Acquire", List.of(new ActionLabel.Binding("p", p))));
            out.add(new ActionLabel("Release", List.of(new ActionLabel.Binding("p", p))));
        }
        return out;
    }
}
