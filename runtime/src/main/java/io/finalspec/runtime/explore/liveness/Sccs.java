package io.finalspec.runtime.explore.liveness;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Strongly connected components of a subgraph of a {@link StateGraph} (Tarjan's algorithm, with an
 * explicit stack so that deep graphs cannot overflow the JVM's). The subgraph is given by a node
 * mark: the nodes {@code v} with {@code member[v] == token}. Scratch arrays are sized to the graph
 * once and reused across calls, told apart by a generation number.
 */
final class Sccs {
    private final StateGraph g;
    private final int[] index;
    private final int[] low;
    private final int[] generation;
    private final int[] nextEdge;
    private final int[] stack;
    private final boolean[] onStack;
    private final int[] callStack;
    private int gen;

    Sccs(StateGraph g) {
        this.g = g;
        this.index = new int[g.size];
        this.low = new int[g.size];
        this.generation = new int[g.size];
        this.nextEdge = new int[g.size];
        this.stack = new int[g.size];
        this.onStack = new boolean[g.size];
        this.callStack = new int[g.size];
    }

    /**
     * The components of the subgraph induced by {@code nodes} (all marked {@code token} in
     * {@code member}) with the edges {@code step} allows.
     */
    List<int[]> of(int[] nodes, int[] member, int token, IntPredicate step) {
        gen++;
        List<int[]> out = new ArrayList<>();
        int counter = 0;
        int sp = 0;
        for (int root : nodes) {
            if (generation[root] == gen) {
                continue;
            }
            int csp = 0;
            callStack[csp++] = root;
            visit(root, counter++);
            stack[sp++] = root;
            onStack[root] = true;
            while (csp > 0) {
                int u = callStack[csp - 1];
                int e = nextEdge[u];
                if (e < g.edgeStart[u + 1]) {
                    nextEdge[u] = e + 1;
                    int v = g.edgeTarget[e];
                    if (member[v] != token || !step.test(e)) {
                        continue;
                    }
                    if (generation[v] != gen) {
                        visit(v, counter++);
                        stack[sp++] = v;
                        onStack[v] = true;
                        callStack[csp++] = v;
                    } else if (onStack[v]) {
                        low[u] = Math.min(low[u], index[v]);
                    }
                    continue;
                }
                csp--;
                if (csp > 0) {
                    int p = callStack[csp - 1];
                    low[p] = Math.min(low[p], low[u]);
                }
                if (low[u] == index[u]) {
                    int start = sp;
                    do {
                        start--;
                    } while (stack[start] != u);
                    int[] comp = new int[sp - start];
                    for (int i = start; i < sp; i++) {
                        comp[i - start] = stack[i];
                        onStack[stack[i]] = false;
                    }
                    sp = start;
                    out.add(comp);
                }
            }
        }
        return out;
    }

    private void visit(int v, int i) {
        generation[v] = gen;
        index[v] = i;
        low[v] = i;
        nextEdge[v] = g.edgeStart[v];
    }
}
