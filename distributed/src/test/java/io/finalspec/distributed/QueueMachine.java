package io.finalspec.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.ArrayState;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.FcnValue;
import io.finalspec.runtime.value.NameTable;
import io.finalspec.runtime.value.Tla;
import io.finalspec.runtime.value.Value;

/**
 * A test machine whose states hold every kind of value the binary form carries (a record of
 * strings keyed by strings, a sequence of model values, an integer, a set): {@code n} processes
 * queue for a lock, enter in queue order when no one holds it, leave, and count entries modulo {@code rounds}. With
 * {@code jump}, a process may enter while not at the head: the invariant Mutex fails. With
 * {@code stuck}, leaving is disabled: a deadlock.
 */
final class QueueMachine implements Machine {
    private static final List<String> VARS = List.of("pc", "queue", "entries", "seen");
    private final NameTable names = new NameTable(List.of("idle", "wait", "cs"));
    private final int n;
    private final int rounds;
    private final boolean jump;
    private final boolean stuck;
    private final Value[] procs;

    QueueMachine(int n, int rounds, boolean jump, boolean stuck) {
        this.n = n;
        this.rounds = rounds;
        this.jump = jump;
        this.stuck = stuck;
        procs = new Value[n];
        for (int i = 0; i < n; i++) {
            procs[i] = names.modelValue("p" + (i + 1));
        }
    }

    @Override
    public String specName() {
        return "Queue";
    }

    @Override
    public NameTable names() {
        return names;
    }

    @Override
    public List<String> variables() {
        return VARS;
    }

    @Override
    public List<String> actionNames() {
        return List.of("Wait", "Enter", "Leave");
    }

    private Value status(String s) {
        return names.str(s);
    }

    @Override
    public void initStates(Consumer<State> out) {
        Value[] keys = new Value[n];
        Value[] vals = new Value[n];
        for (int i = 0; i < n; i++) {
            keys[i] = names.str("p" + (i + 1));
            vals[i] = status("idle");
        }
        out.accept(state(Tla.fromPairs(keys, vals), Tla.EMPTY_SEQ, Tla.integer(0), Tla.EMPTY_SET));
    }

    @Override
    public void successors(State s, SuccessorSink out) {
        FcnValue pc = (FcnValue) s.get(0);
        FcnValue queue = (FcnValue) s.get(1);
        for (int i = 0; i < n; i++) {
            Value key = names.str("p" + (i + 1));
            Value st = pc.get(key);
            if (st.equals(status("idle"))) {
                List<Value> q = new ArrayList<>();
                for (int k = 0; k < queue.size(); k++) {
                    q.add(queue.valueAt(k));
                }
                q.add(procs[i]);
                out.accept(ActionLabel.of("Wait"), state(Tla.except(pc, new Value[] {key}, status("wait")),
                        Tla.seqOf(q), s.get(2), s.get(3)));
            } else if (st.equals(status("wait"))) {
                boolean head = queue.size() > 0 && queue.valueAt(0).equals(procs[i]);
                boolean free = true;
                for (int k = 0; k < pc.size(); k++) {
                    free &= !pc.valueAt(k).equals(status("cs"));
                }
                if ((head && free) || jump) {
                    List<Value> q = new ArrayList<>();
                    for (int k = 0; k < queue.size(); k++) {
                        if (!queue.valueAt(k).equals(procs[i])) {
                            q.add(queue.valueAt(k));
                        }
                    }
                    out.accept(ActionLabel.of("Enter"), state(Tla.except(pc, new Value[] {key}, status("cs")), Tla.seqOf(q),
                            Tla.mod(Tla.add(s.get(2), Tla.integer(1)), Tla.integer(rounds)),
                            Tla.union(s.get(3), Tla.set(procs[i]))));
                }
            } else if (!stuck) {
                out.accept(ActionLabel.of("Leave"), state(Tla.except(pc, new Value[] {key}, status("idle")), queue,
                        s.get(2), s.get(3)));
            }
        }
    }

    @Override
    public List<Predicate> invariants() {
        return List.of(Predicate.of("Mutex", s -> {
            FcnValue pc = (FcnValue) s.get(0);
            int inCs = 0;
            for (int i = 0; i < pc.size(); i++) {
                inCs += pc.valueAt(i).equals(status("cs")) ? 1 : 0;
            }
            return inCs <= 1;
        }));
    }

    @Override
    public List<Predicate> constraints() {
        return List.of();
    }

    @Override
    public List<ActionPredicate> actionConstraints() {
        return List.of();
    }

    @Override
    public boolean checkDeadlock() {
        return true;
    }

    @Override
    public Value view(State state) {
        return null;
    }

    @Override
    public State state(Value... values) {
        return new ArrayState(VARS, values);
    }
}
