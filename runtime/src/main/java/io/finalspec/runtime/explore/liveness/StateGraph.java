package io.finalspec.runtime.explore.liveness;

/**
 * The model's state graph as the liveness checker sees it: nodes 0..size-1 in breadth-first order
 * (so {@link #parent} gives a shortest path from an initial state), edges in one array
 * (compressed rows: the edges of node u are {@code edgeStart[u] .. edgeStart[u+1]-1}), and per node
 * and per edge a few bits: the values of the properties' state predicates and of ENABLED for each
 * fairness condition (node bits), whether the edge is a step of each fairness condition's action
 * that changes its subscript (edge bits). Every node also has a stuttering self-loop, which is
 * implicit (a behaviour may stutter forever: TLA+ specs are {@code [][Next]_v}); explicit
 * self-edges are kept only when they carry a fairness bit.
 */
final class StateGraph {
    final int size;
    final long[] fps;
    final int[] parent;
    final int[] edgeStart;
    final int[] edgeTarget;
    private final long[] nodeBits;
    private final int nodeWords;
    private final long[] edgeBits;
    private final int edgeWords;

    StateGraph(int size, long[] fps, int[] parent, int[] edgeStart, int[] edgeTarget, long[] nodeBits, int nodeWords,
               long[] edgeBits, int edgeWords) {
        this.size = size;
        this.fps = fps;
        this.parent = parent;
        this.edgeStart = edgeStart;
        this.edgeTarget = edgeTarget;
        this.nodeBits = nodeBits;
        this.nodeWords = nodeWords;
        this.edgeBits = edgeBits;
        this.edgeWords = edgeWords;
    }

    boolean nodeBit(int node, int bit) {
        return (nodeBits[node * nodeWords + (bit >>> 6)] & (1L << bit)) != 0;
    }

    boolean edgeBit(int edge, int bit) {
        return (edgeBits[edge * edgeWords + (bit >>> 6)] & (1L << bit)) != 0;
    }

    int edgeWords() {
        return edgeWords;
    }

    /** Word {@code w} of the edge's bits. */
    long edgeWord(int edge, int w) {
        return edgeBits[edge * edgeWords + w];
    }

    int edgeCount() {
        return edgeStart[size];
    }
}
