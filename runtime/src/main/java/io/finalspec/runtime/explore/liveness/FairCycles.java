package io.finalspec.runtime.explore.liveness;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntPredicate;

/**
 * Searches a subgraph for a fair cycle through an accepting node: the emptiness check of a
 * Streett-like acceptance condition, in the style of Emerson and Lei.
 *
 * <p>A strongly connected component C (every node has a stuttering loop, so even a single node is
 * one) holds a cycle that visits all of its nodes and edges infinitely often. Such a cycle is fair
 * to {@code WF_v(A)} when C contains an {@code <<A>>_v} edge or a node where it is not enabled, and
 * no smaller cycle of C does better when neither holds, so C is discarded. It is fair to
 * {@code SF_v(A)} when C contains an {@code <<A>>_v} edge or no node where it is enabled; when
 * neither holds, a fair cycle of C must avoid the enabled nodes: they are removed and the rest is
 * split into components again. A condition refined away cannot fail again in the parts, so the
 * refinement is at most as deep as the number of SF conditions.
 */
final class FairCycles {

    /**
     * A component with a fair, accepting cycle, and what the cycle must visit: per fairness
     * condition, an edge (by index) or a node, or nothing; and one accepting node.
     */
    record Found(int[] nodes, int acceptNode, int[] waypointNodes, int[] waypointEdges) {
    }

    private final StateGraph g;
    private final Conditions fair;
    private final Sccs sccs;
    private final int[] member;
    private int token;

    /** Cycles fair to the conditions {@code fair}. */
    FairCycles(StateGraph g, Conditions fair) {
        this.g = g;
        this.fair = fair;
        this.sccs = new Sccs(g);
        this.member = new int[g.size];
    }

    /**
     * A fair component of the subgraph induced by {@code nodes} and the edges {@code step} allows,
     * with a node satisfying {@code accept}, or null.
     */
    Found find(int[] nodes, IntPredicate accept, IntPredicate step) {
        Deque<int[]> work = new ArrayDeque<>(components(nodes, step));
        while (!work.isEmpty()) {
            int[] c = work.pop();
            int t = mark(c);
            int acceptNode = -1;
            for (int u : c) {
                if (accept.test(u)) {
                    acceptNode = u;
                    break;
                }
            }
            if (acceptNode < 0) {
                continue;
            }
            Verdict v = judge(c, t, step);
            if (v == null) {
                continue;
            }
            if (v.unfairStrong.length == 0) {
                return new Found(c, acceptNode, v.waypointNodes, v.waypointEdges);
            }
            int[] rest = without(c, v.unfairStrong);
            if (rest.length > 0) {
                work.addAll(components(rest, step));
            }
        }
        return null;
    }

    private record Verdict(int[] unfairStrong, int[] waypointNodes, int[] waypointEdges) {
    }

    /** Null when a weak fairness condition rules the whole component out. */
    private Verdict judge(int[] c, int t, IntPredicate step) {
        int n = fair.size();
        int[] edgeOf = new int[n];
        int[] enabledAt = new int[n];
        int[] disabledAt = new int[n];
        java.util.Arrays.fill(edgeOf, -1);
        java.util.Arrays.fill(enabledAt, -1);
        java.util.Arrays.fill(disabledAt, -1);
        for (int u : c) {
            for (int f = 0; f < n; f++) {
                if (fair.enabled(g, u, f)) {
                    enabledAt[f] = enabledAt[f] < 0 ? u : enabledAt[f];
                } else {
                    disabledAt[f] = disabledAt[f] < 0 ? u : disabledAt[f];
                }
            }
            for (int e = g.edgeStart[u]; e < g.edgeStart[u + 1]; e++) {
                if (member[g.edgeTarget[e]] != t || !step.test(e)) {
                    continue;
                }
                for (int f = 0; f < n; f++) {
                    if (edgeOf[f] < 0 && fair.step(g, e, f)) {
                        edgeOf[f] = e;
                    }
                }
            }
        }
        int[] nodes = new int[n];
        int[] edges = new int[n];
        int bad = 0;
        int[] unfair = new int[n];
        for (int f = 0; f < n; f++) {
            nodes[f] = -1;
            edges[f] = edgeOf[f];
            if (edgeOf[f] >= 0) {
                continue;
            }
            if (!fair.strong()[f]) {
                if (disabledAt[f] < 0) {
                    return null; // enabled throughout C and never taken in C
                }
                nodes[f] = disabledAt[f];
            } else if (enabledAt[f] >= 0) {
                unfair[bad++] = f;
            }
        }
        return new Verdict(java.util.Arrays.copyOf(unfair, bad), nodes, edges);
    }

    /** The nodes of {@code c} where none of the conditions {@code fs} is enabled. */
    private int[] without(int[] c, int[] fs) {
        int[] out = new int[c.length];
        int k = 0;
        for (int u : c) {
            boolean keep = true;
            for (int f : fs) {
                keep &= !fair.enabled(g, u, f);
            }
            if (keep) {
                out[k++] = u;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    private java.util.List<int[]> components(int[] nodes, IntPredicate step) {
        int t = mark(nodes);
        return sccs.of(nodes, member, t, step);
    }

    private int mark(int[] nodes) {
        int t = ++token;
        for (int u : nodes) {
            member[u] = t;
        }
        return t;
    }
}
