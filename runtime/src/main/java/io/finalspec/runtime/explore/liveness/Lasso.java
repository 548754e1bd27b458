package io.finalspec.runtime.explore.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Builds a lasso through the graph: a prefix from an initial node, then a cycle through a fair
 * component that visits each of its waypoints (one per fairness condition that needs one, and an
 * accepting node) and returns to where it entered. Paths are shortest within what they may use
 * (breadth-first). The result is a list of nodes and the index the last one steps back to; a cycle
 * that never leaves its first node is the stuttering loop.
 */
final class Lasso {

    /**
     * Nodes of the behaviour; after the last comes {@code nodes[loop]} again. The violation begins
     * at {@code nodes[entry]} (at most {@code loop}): the nodes before it are any path from an
     * initial node, and another path to the same node makes a lasso that violates the clause too.
     */
    record Path(int[] nodes, int loop, int entry) {
    }

    private final StateGraph g;
    private final int[] seen;
    private final int[] from;
    private int gen;

    Lasso(StateGraph g) {
        this.g = g;
        this.seen = new int[g.size];
        this.from = new int[g.size];
    }

    /** The breadth-first path of the graph from an initial node to {@code node}. */
    List<Integer> fromInit(int node) {
        List<Integer> out = new ArrayList<>();
        for (int u = node; u >= 0; u = g.parent[u]) {
            out.add(u);
        }
        Collections.reverse(out);
        return out;
    }

    /** The lasso: {@code prefix} ends where the cycle starts, inside {@code found}; the violation begins at {@code entry}. */
    Path close(List<Integer> prefix, int entry, FairCycles.Found found, Conditions fair, IntPredicate step) {
        boolean[] inside = new boolean[g.size];
        for (int u : found.nodes()) {
            inside[u] = true;
        }
        int start = prefix.get(prefix.size() - 1);
        List<Integer> cycle = new ArrayList<>();
        cycle.add(start);
        int cur = start;
        for (int f = 0; f < found.waypointEdges().length; f++) {
            if (served(f, cycle, fair)) {
                continue; // an earlier detour already made the cycle fair to this condition
            }
            int e = found.waypointEdges()[f];
            if (e >= 0) {
                cur = walk(cur, source(e), inside, step, cycle);
                cycle.add(g.edgeTarget[e]);
                cur = g.edgeTarget[e];
            } else if (found.waypointNodes()[f] >= 0) {
                cur = walk(cur, found.waypointNodes()[f], inside, step, cycle);
            }
        }
        if (!cycle.contains(found.acceptNode())) {
            cur = walk(cur, found.acceptNode(), inside, step, cycle);
        }
        walk(cur, start, inside, step, cycle);
        if (cycle.size() > 1) {
            cycle.remove(cycle.size() - 1); // the step back to start is the loop
        }
        int[] nodes = new int[prefix.size() - 1 + cycle.size()];
        for (int i = 0; i < prefix.size() - 1; i++) {
            nodes[i] = prefix.get(i);
        }
        for (int i = 0; i < cycle.size(); i++) {
            nodes[prefix.size() - 1 + i] = cycle.get(i);
        }
        return new Path(nodes, prefix.size() - 1, entry);
    }

    /**
     * Whether the walk so far (which the cycle will close) already serves condition f: it takes an
     * {@code <<A>>_v} edge, or (weak fairness) visits a node where A is disabled.
     */
    private boolean served(int f, List<Integer> walk, Conditions fair) {
        for (int i = 0; i < walk.size(); i++) {
            int u = walk.get(i);
            if (!fair.strong()[f] && !fair.enabled(g, u, f)) {
                return true;
            }
            if (i + 1 < walk.size()) {
                int v = walk.get(i + 1);
                for (int e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                    if (g.edgeTarget[e] == v && fair.step(g, e, f)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Appends a shortest path inside {@code inside} along {@code step}'s edges from {@code a} to {@code b} (without a); returns b. */
    private int walk(int a, int b, boolean[] inside, IntPredicate step, List<Integer> out) {
        if (a == b) {
            return b;
        }
        List<Integer> path = shortest(a, b, inside, step);
        out.addAll(path.subList(1, path.size()));
        return b;
    }

    /**
     * A shortest path from {@code a} to {@code b} through nodes in {@code allowed} (both ends
     * included) and edges {@code step} allows.
     */
    List<Integer> shortest(int a, int b, boolean[] allowed, IntPredicate step) {
        gen++;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        seen[a] = gen;
        from[a] = -1;
        queue.add(a);
        while (!queue.isEmpty()) {
            int u = queue.poll();
            if (u == b) {
                List<Integer> out = new ArrayList<>();
                for (int x = b; x >= 0; x = from[x]) {
                    out.add(x);
                }
                Collections.reverse(out);
                return out;
            }
            for (int e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                int v = g.edgeTarget[e];
                if (allowed[v] && seen[v] != gen && step.test(e)) {
                    seen[v] = gen;
                    from[v] = u;
                    queue.add(v);
                }
            }
        }
        throw new IllegalStateException("no path from node " + a + " to node " + b + " inside a strongly connected component");
    }

    private int source(int e) {
        int lo = 0;
        int hi = g.size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (g.edgeStart[mid] <= e) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
