package io.finalspec.toolkit.conform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.value.Value;

/**
 * Graph conformance: the set of reachable states (as VIEW/SYMMETRY-reduced values) of the
 * generated machine equals the set TLC reaches. The machine side is a deliberately plain,
 * sequential breadth-first search, independent of the optimised explorer it helps to check.
 */
public final class GraphConformance {

    /** Sizes of both sides and a few states only one side has. */
    public record Result(long machineStates, long tlcStates, List<Value> onlyMachine, List<Value> onlyTlc) {
        public boolean ok() {
            return onlyMachine.isEmpty() && onlyTlc.isEmpty() && machineStates == tlcStates;
        }
    }

    private static final int EXAMPLES = 5;

    private final Machine machine;

    public GraphConformance(Machine machine) {
        this.machine = machine;
    }

    public Result compare(Oracle oracle, long limit) {
        Set<Value> mine = reachableViews(limit);
        Set<Value> tlc = new HashSet<>();
        oracle.reachable(limit, s -> tlc.add(machine.view(s)));
        return new Result(mine.size(), tlc.size(), examples(mine, tlc), examples(tlc, mine));
    }

    /** Views of every state reachable through transitions the constraints allow. */
    Set<Value> reachableViews(long limit) {
        Set<Value> seen = new HashSet<>();
        ArrayDeque<State> queue = new ArrayDeque<>();
        machine.initStates(s -> visit(s, seen, queue));
        while (!queue.isEmpty() && seen.size() < limit) {
            State from = queue.poll();
            machine.successors(from, (label, to) -> {
                if (allowed(from, to)) {
                    visit(to, seen, queue);
                }
            });
        }
        return seen;
    }

    /** As in TLC, a state outside the CONSTRAINTs is dropped before it reaches the seen set. */
    private void visit(State s, Set<Value> seen, ArrayDeque<State> queue) {
        if (satisfiesConstraints(s) && seen.add(machine.view(s))) {
            queue.add(s);
        }
    }

    private boolean satisfiesConstraints(State s) {
        return machine.constraints().stream().allMatch(c -> c.test(s));
    }

    private boolean allowed(State from, State to) {
        return machine.actionConstraints().stream().allMatch(c -> c.test(from, to));
    }

    private static List<Value> examples(Set<Value> a, Set<Value> b) {
        List<Value> out = new ArrayList<>();
        for (Value v : a) {
            if (!b.contains(v) && out.size() < EXAMPLES) {
                out.add(v);
            }
        }
        return out;
    }
}
