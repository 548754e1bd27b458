package io.finalspec.runtime.explore.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The ways into a violation when the behaviour itself is constrained before it: it must begin in an
 * initial state with {@code start} ({@code S => F}) and, when {@code via} is given, pass a state with
 * {@code via} before the violation begins ({@code [](P => []Q)}: a P state, then a ~Q state, maybe
 * the same). A breadth-first search over pairs (node, stage), stage 1 once a {@code via} state has
 * been passed, so the paths it gives are shortest. With {@code initialOnly} the behaviour does not
 * move before the violation begins ({@code <>P} and P: they begin in the first state).
 */
final class Approach {
    private static final int UNSEEN = -2;
    private static final int SOURCE = -1;

    private final StateGraph g;
    private final int stages;
    /** Per key {@code stage * size + node}: the key it was reached from, SOURCE, or UNSEEN. */
    private final int[] previous;

    private Approach(StateGraph g, int stages) {
        this.g = g;
        this.stages = stages;
        this.previous = new int[stages * g.size];
        Arrays.fill(previous, UNSEEN);
    }

    static Approach of(StateGraph g, IntPredicate start, IntPredicate via, boolean initialOnly) {
        Approach a = new Approach(g, via == null ? 1 : 2);
        a.search(start, via, initialOnly);
        return a;
    }

    private void search(IntPredicate start, IntPredicate via, boolean initialOnly) {
        int[] queue = new int[previous.length];
        int head = 0;
        int tail = 0;
        for (int u = 0; u < g.size; u++) {
            if (g.parent[u] < 0 && start.test(u)) {
                previous[u] = SOURCE;
                queue[tail++] = u;
                tail = advance(u, u, via, queue, tail);
            }
        }
        while (head < tail && !initialOnly) {
            int key = queue[head++];
            int stage = key / g.size;
            int u = key % g.size;
            for (int e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.edgeTarget[e];
                int to = stage * g.size + v;
                if (previous[to] == UNSEEN) {
                    previous[to] = key;
                    queue[tail++] = to;
                    if (stage == 0) {
                        tail = advance(to, v, via, queue, tail);
                    }
                }
            }
        }
    }

    /** Node {@code u}, reached at stage 0 by {@code key}, has {@code via}: it is reached at stage 1 too. */
    private int advance(int key, int u, IntPredicate via, int[] queue, int tail) {
        if (via != null && via.test(u) && previous[g.size + u] == UNSEEN) {
            previous[g.size + u] = key;
            queue[tail++] = g.size + u;
        }
        return tail;
    }

    /** Whether the violation may begin at {@code node}: it is reached at the last stage. */
    boolean reaches(int node) {
        return previous[(stages - 1) * g.size + node] != UNSEEN;
    }

    /** The nodes of a shortest such path from an initial node to {@code node} (which {@link #reaches}). */
    List<Integer> pathTo(int node) {
        List<Integer> out = new ArrayList<>();
        for (int key = (stages - 1) * g.size + node; key != SOURCE; key = previous[key]) {
            int u = key % g.size;
            if (out.isEmpty() || out.get(out.size() - 1) != u) {
                out.add(u);   // a stage passed in place is one state of the behaviour
            }
        }
        Collections.reverse(out);
        return out;
    }
}
