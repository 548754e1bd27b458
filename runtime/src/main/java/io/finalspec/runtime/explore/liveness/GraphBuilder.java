package io.finalspec.runtime.explore.liveness;

import io.finalspec.runtime.explore.ModelFilter;

import java.util.ArrayDeque;
import java.util.Arrays;

import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.value.Value;

/**
 * Builds the {@link StateGraph} by a breadth-first search of the model, as TLC's liveness checker
 * sees it: states and transitions within the model's CONSTRAINTs and ACTION_CONSTRAINTs, nodes
 * identified by the explorer's fingerprint (the VIEW when there is one).
 *
 * <p>Node bits: the state predicates (bit i for {@code predicates[i]}), then for each fairness
 * condition f, bit {@code predicates.length + f}: ENABLED {@code <<A_f>>_v}, that is A_f has a
 * successor (in the model or not: ENABLED is a property of the spec, not of the model) whose
 * subscript differs. Edge bits: bit f when the edge's target is such a successor.
 */
final class GraphBuilder {
    private final Machine machine;
    private final Machine.Predicate[] predicates;
    private final Fairness[] fairness;
    private final ModelFilter model;
    private final int nodeWords;
    private final int edgeWords;

    private final FingerprintIndex index = new FingerprintIndex(1 << 12);
    private long[] fps = new long[1 << 10];
    private int[] parent = new int[1 << 10];
    private int size;
    private int[] edgeStart = new int[1 << 10];
    private int[] edgeTarget = new int[1 << 12];
    private int edges;
    private long[] nodeBits;
    private long[] edgeBits;
    /** stamp[v] == u + 1 when the edge u -> v is already recorded (one edge per pair of nodes). */
    private int[] stamp = new int[1 << 10];
    private final LongSet[] steps;

    GraphBuilder(Machine machine, Machine.Predicate[] predicates, Fairness[] fairness) {
        this.machine = machine;
        this.predicates = predicates.clone();
        this.fairness = fairness.clone();
        this.model = new ModelFilter(machine);
        this.nodeWords = Math.max(1, (predicates.length + fairness.length + 63) >>> 6);
        this.edgeWords = (fairness.length + 63) >>> 6;
        this.nodeBits = new long[fps.length * nodeWords];
        this.edgeBits = new long[edgeTarget.length * edgeWords];
        this.steps = new LongSet[fairness.length];
        for (int f = 0; f < steps.length; f++) {
            steps[f] = new LongSet();
        }
    }

    StateGraph build() {
        ArrayDeque<State> queue = new ArrayDeque<>();
        machine.initStates(s -> {
            if (model.inModel(null, s)) {
                long fp = States.viewFingerprint(machine, s);
                if (index.get(fp) < 0) {
                    add(fp, -1);
                    queue.add(s);
                }
            }
        });
        for (int u = 0; !queue.isEmpty(); u++) {
            expand(u, queue.poll(), queue);
        }
        edgeStart = ensure(edgeStart, size + 1);
        edgeStart[size] = edges;
        return new StateGraph(size, Arrays.copyOf(fps, size), Arrays.copyOf(parent, size),
                Arrays.copyOf(edgeStart, size + 1), Arrays.copyOf(edgeTarget, edges),
                Arrays.copyOf(nodeBits, size * nodeWords), nodeWords, Arrays.copyOf(edgeBits, edges * edgeWords),
                edgeWords);
    }

    private int add(long fp, int from) {
        int id = size++;
        fps = ensure(fps, size);
        parent = ensure(parent, size);
        stamp = ensure(stamp, size);
        if (nodeBits.length < size * nodeWords) {
            nodeBits = Arrays.copyOf(nodeBits, Math.max(size * nodeWords, nodeBits.length * 2));
        }
        fps[id] = fp;
        parent[id] = from;
        index.put(fp, id);
        return id;
    }

    private void expand(int u, State s, ArrayDeque<State> queue) {
        edgeStart = ensure(edgeStart, u + 1);
        edgeStart[u] = edges;
        for (int i = 0; i < predicates.length; i++) {
            if (predicates[i].test(s)) {
                setNodeBit(u, i);
            }
        }
        for (int f = 0; f < fairness.length; f++) {
            collectSteps(f, s);
            if (!steps[f].isEmpty()) {
                setNodeBit(u, predicates.length + f);
            }
        }
        machine.successors(s, (label, t) -> {
            if (!model.inModel(s, t)) {
                return;
            }
            long fp = States.viewFingerprint(machine, t);
            int v = index.get(fp);
            if (v < 0) {
                v = add(fp, u);
                queue.add(t);
            }
            if (stamp[v] == u + 1) {
                return;
            }
            stamp[v] = u + 1;
            addEdge(u, v, fp);
        });
    }

    /** The fingerprints of the {@code <<A_f>>_v} successors of {@code s}. */
    private void collectSteps(int f, State s) {
        LongSet out = steps[f];
        out.clear();
        Fairness fair = fairness[f];
        Value before = fair.subscript().apply(s);
        fair.action().accept(s, t -> {
            if (!before.equals(fair.subscript().apply(t))) {
                out.add(States.viewFingerprint(machine, t));
            }
        });
        out.seal();
    }

    private void addEdge(int u, int v, long targetFp) {
        long[] bits = new long[edgeWords];
        boolean any = false;
        for (int f = 0; f < fairness.length; f++) {
            if (steps[f].contains(targetFp)) {
                bits[f >>> 6] |= 1L << f;
                any = true;
            }
        }
        if (u == v && !any) {
            return; // the implicit stuttering loop already stands for it
        }
        edgeTarget = ensure(edgeTarget, edges + 1);
        if (edgeBits.length < (edges + 1) * edgeWords) {
            edgeBits = Arrays.copyOf(edgeBits, Math.max((edges + 1) * edgeWords, edgeBits.length * 2));
        }
        edgeTarget[edges] = v;
        System.arraycopy(bits, 0, edgeBits, edges * edgeWords, edgeWords);
        edges++;
    }

    private void setNodeBit(int node, int bit) {
        nodeBits[node * nodeWords + (bit >>> 6)] |= 1L << bit;
    }

    private static int[] ensure(int[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    private static long[] ensure(long[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    /** A reusable set of fingerprints (the successors of one state under one action): append, seal, query. */
    static final class LongSet {
        private long[] items = new long[8];
        private int n;

        void clear() {
            n = 0;
        }

        boolean isEmpty() {
            return n == 0;
        }

        void add(long x) {
            if (n == items.length) {
                items = Arrays.copyOf(items, n * 2);
            }
            items[n++] = x;
        }

        /** Sorts what was added, for {@link #contains}. */
        void seal() {
            Arrays.sort(items, 0, n);
        }

        boolean contains(long x) {
            return Arrays.binarySearch(items, 0, n, x) >= 0;
        }
    }
}
