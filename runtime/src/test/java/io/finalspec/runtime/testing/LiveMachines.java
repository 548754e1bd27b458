package io.finalspec.runtime.testing;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/**
 * Hand-written machines of the small liveness specs in {@code src/test/resources/liveness/}, with
 * their fairness conditions; the properties are added by the tests. TLC 2.18's verdicts for each
 * spec, fairness and property are recorded in {@code LivenessCheckerTest}.
 */
public final class LiveMachines {
    private LiveMachines() {
    }

    /** Which fairness a spec variant has. */
    public enum Fair { NONE, WEAK, STRONG }

    private static ActionLabel label(String name, Value p) {
        return new ActionLabel(name, List.of(new ActionLabel.Binding("p", p)));
    }

    /** Ring.tla: x = 0; Next == x' = (x + 1) % 4; Fair adds WF_x(Next). */
    public static LambdaMachine ring(boolean fair) {
        List<String> vars = List.of("x");
        BiConsumer<State, Consumer<State>> next = (s, out) ->
                out.accept(new ArrayState(vars, Tla.mod(Tla.add(s.get(0), Tla.integer(1)), Tla.integer(4))));
        LambdaMachine m = new LambdaMachine("Ring", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> next.accept(s, t -> out.accept(ActionLabel.of("Next"), t)));
        if (fair) {
            m.fairness(new Fairness("WF_x(Next)", false, next::accept, s -> s.get(0)));
        }
        return m.checkDeadlock(false);
    }

    /**
     * Mutex.tla: pc[p] goes idle -> waiting -> cs -> idle for p in {1, 2}, entering only when no
     * process is in cs. WEAK: WF_pc(Enter(p)) /\ WF_pc(Exit(p)); STRONG: SF_pc(Enter(p)) /\ WF_pc(Exit(p)).
     */
    public static LambdaMachine mutex(Fair fair) {
        List<String> vars = List.of("pc");
        Value procs = Tla.set(Tla.integer(1), Tla.integer(2));
        Value idle = Tla.str("idle");
        Value waiting = Tla.str("waiting");
        Value cs = Tla.str("cs");
        LambdaMachine m = new LambdaMachine("Mutex", vars,
                out -> out.accept(new ArrayState(vars, Tla.fcn(procs, p -> idle))),
                (s, out) -> {
                    for (Value p : Tla.elements(procs)) {
                        move(s, p, idle, waiting, false, t -> out.accept(label("Request", p), t));
                        move(s, p, waiting, cs, true, t -> out.accept(label("Enter", p), t));
                        move(s, p, cs, idle, false, t -> out.accept(label("Exit", p), t));
                    }
                });
        if (fair != Fair.NONE) {
            for (Value p : Tla.elements(procs)) {
                m.fairness(new Fairness((fair == Fair.STRONG ? "SF" : "WF") + "_pc(Enter(" + p + "))",
                        fair == Fair.STRONG, (s, out) -> move(s, p, waiting, cs, true, out), s -> s.get(0)));
                m.fairness(new Fairness("WF_pc(Exit(" + p + "))", false, (s, out) -> move(s, p, cs, idle, false, out),
                        s -> s.get(0)));
            }
        }
        return m;
    }

    private static void move(State s, Value p, Value from, Value to, boolean needFree, Consumer<State> out) {
        Value pc = s.get(0);
        if (!Tla.eq(Tla.apply(pc, p), from)) {
            return;
        }
        if (needFree && Tla.exists(Tla.domain(pc), q -> Tla.eq(Tla.apply(pc, q), Tla.str("cs")))) {
            return;
        }
        out.accept(new ArrayState(List.of("pc"), Tla.except(pc, new Value[] {p}, to)));
    }

    /**
     * Flicker.tla: Toggle flips x between 0 and 1; Catch sets y when x = 0 (so it is enabled only
     * every other state). WF_<<x, y>>(Toggle) and, for Catch, WF (WEAK) or SF (STRONG).
     */
    public static LambdaMachine flicker(Fair catchFairness) {
        List<String> vars = List.of("x", "y");
        BiConsumer<State, Consumer<State>> toggle = (s, out) ->
                out.accept(new ArrayState(vars, Tla.sub(Tla.integer(1), s.get(0)), s.get(1)));
        BiConsumer<State, Consumer<State>> catcher = (s, out) -> {
            if (Tla.eq(s.get(0), Tla.integer(0)) && !Tla.asBool(s.get(1))) {
                out.accept(new ArrayState(vars, s.get(0), Tla.TRUE));
            }
        };
        LambdaMachine m = new LambdaMachine("Flicker", vars,
                out -> out.accept(new ArrayState(vars, Tla.integer(0), Tla.FALSE)),
                (s, out) -> {
                    toggle.accept(s, t -> out.accept(ActionLabel.of("Toggle"), t));
                    catcher.accept(s, t -> out.accept(ActionLabel.of("Catch"), t));
                });
        java.util.function.Function<State, Value> xy = s -> Tla.tuple(s.get(0), s.get(1));
        m.fairness(new Fairness("WF_<<x, y>>(Toggle)", false, toggle::accept, xy));
        if (catchFairness != Fair.NONE) {
            m.fairness(new Fairness((catchFairness == Fair.STRONG ? "SF" : "WF") + "_<<x, y>>(Catch)",
                    catchFairness == Fair.STRONG, catcher::accept, xy));
        }
        return m;
    }

    /** Halt.tla: x = 0; Next == x < 2 /\ x' = x + 1; WF_x(Next); no deadlock check. */
    public static LambdaMachine halt() {
        List<String> vars = List.of("x");
        BiConsumer<State, Consumer<State>> next = (s, out) -> {
            if (Tla.lt(s.get(0), Tla.integer(2))) {
                out.accept(new ArrayState(vars, Tla.add(s.get(0), Tla.integer(1))));
            }
        };
        return new LambdaMachine("Halt", vars, out -> out.accept(new ArrayState(vars, Tla.integer(0))),
                (s, out) -> next.accept(s, t -> out.accept(ActionLabel.of("Next"), t)))
                .fairness(new Fairness("WF_x(Next)", false, next::accept, s -> s.get(0)))
                .checkDeadlock(false);
    }
}
