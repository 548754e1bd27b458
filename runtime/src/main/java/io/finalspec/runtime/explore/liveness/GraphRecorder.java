package io.finalspec.runtime.explore.liveness;

import java.util.Arrays;

import io.finalspec.runtime.machine.Fairness;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.value.Value;

/**
 * Records the {@link StateGraph} during the explorer's breadth-first search, as TLC's liveness
 * checker sees the model: states and transitions within its CONSTRAINTs and ACTION_CONSTRAINTs,
 * nodes identified by the explorer's fingerprint (the VIEW when there is one). The search calls
 * {@link #initial} for each new initial state, records each state it expands into the {@link Slice}
 * of the worker that expands it ({@link Slice#begin}, {@link Slice#successor} per successor in the
 * model, {@link Slice#end}), and calls {@link #merge} with the level's slices after each level.
 *
 * <p>The workers compute, in parallel, what costs: per state its node bits (bit i for
 * {@code predicates[i]}, then for each fairness condition f, bit {@code predicates.length + f}:
 * ENABLED {@code <<A_f>>_v}, that is A_f has a successor, in the model or not (ENABLED is a
 * property of the spec, not of the model), whose subscript differs), its distinct successors in
 * order of first appearance and per edge its bits (bit f when the target is such a successor); a
 * self-loop without a bit is dropped, as the implicit stuttering loop stands for it. The merge gives
 * node ids sequentially, expanding the level's nodes in id order: ids are the order of a plain
 * breadth-first search's discovery, whatever the workers and their scheduling, so the graph, and
 * the lasso found in it, do not depend on {@code --workers}.
 */
public final class GraphRecorder {
    private final Machine.Predicate[] predicates;
    private final Fairness[] fairness;
    private final Machine machine;
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
    /** The first node of the level the search expands next. */
    private int levelStart;
    /** The first failure to compute a node's bits, in node order; the graph is then not made. */
    private volatile RuntimeException failure;

    /** A recorder of {@code machine}'s graph with the bits its liveness properties and fairness need. */
    public GraphRecorder(Machine machine) {
        this(machine, LivenessChecker.predicates(machine).toArray(new Machine.Predicate[0]),
                machine.fairness().toArray(new Fairness[0]));
    }

    GraphRecorder(Machine machine, Machine.Predicate[] predicates, Fairness[] fairness) {
        this.machine = machine;
        this.predicates = predicates.clone();
        this.fairness = fairness.clone();
        this.nodeWords = Math.max(1, (predicates.length + fairness.length + 63) >>> 6);
        this.edgeWords = (fairness.length + 63) >>> 6;
        this.nodeBits = new long[fps.length * nodeWords];
        this.edgeBits = new long[edgeTarget.length * edgeWords];
    }

    /** A new initial state in the model (in the search's order): the next node, without parent. */
    public void initial(long fp) {
        add(fp, -1);
    }

    /** A recording of the states of one slice of a level, filled by the one worker that expands it. */
    public Slice slice() {
        return new Slice();
    }

    /**
     * Adds a level the search has expanded completely, its slices in the search's order: the level's
     * nodes get their bits and edges in id order, and the new targets the next ids.
     */
    public void merge(Slice[] level) {
        if (failure != null) {
            return;
        }
        int levelEnd = size;
        int n = levelEnd - levelStart;
        int[] sliceOf = new int[n];
        int[] rowOf = new int[n];
        Arrays.fill(sliceOf, -1);
        for (int j = 0; j < level.length; j++) {
            for (int k = 0; k < level[j].count; k++) {
                int at = index.get(level[j].sources[k]) - levelStart;
                if (at < 0 || at >= n || sliceOf[at] >= 0) {
                    throw new IllegalStateException("the search expanded a state twice or out of its level");
                }
                sliceOf[at] = j;
                rowOf[at] = k;
            }
        }
        for (int at = 0; at < n; at++) {
            if (sliceOf[at] < 0) {
                throw new IllegalStateException("the search left node " + (levelStart + at) + " unexpanded");
            }
            Slice s = level[sliceOf[at]];
            RuntimeException e = s.error(rowOf[at]);
            if (e != null) {
                failure = e;
                return;
            }
            addRow(levelStart + at, s, rowOf[at]);
        }
        levelStart = levelEnd;
    }

    /** The recorded graph of a complete search; throws what a node's bits failed with, if one did. */
    StateGraph graph() {
        if (failure != null) {
            throw failure;
        }
        if (levelStart != size) {
            throw new IllegalStateException("the search stopped before expanding every state");
        }
        edgeStart = ensure(edgeStart, size + 1);
        edgeStart[size] = edges;
        return new StateGraph(size, Arrays.copyOf(fps, size), Arrays.copyOf(parent, size),
                Arrays.copyOf(edgeStart, size + 1), Arrays.copyOf(edgeTarget, edges),
                Arrays.copyOf(nodeBits, size * nodeWords), nodeWords, Arrays.copyOf(edgeBits, edges * edgeWords),
                edgeWords);
    }

    private void addRow(int u, Slice s, int k) {
        edgeStart = ensure(edgeStart, u + 1);
        edgeStart[u] = edges;
        System.arraycopy(s.nodeBits, k * nodeWords, nodeBits, u * nodeWords, nodeWords);
        for (int e = k == 0 ? 0 : s.rowEnd[k - 1]; e < s.rowEnd[k]; e++) {
            long fp = s.targets[e];
            int v = index.get(fp);
            if (v < 0) {
                v = add(fp, u);
            }
            edgeTarget = ensure(edgeTarget, edges + 1);
            edgeBits = ensure(edgeBits, (edges + 1) * edgeWords);
            edgeTarget[edges] = v;
            System.arraycopy(s.edgeBits, e * edgeWords, edgeBits, edges * edgeWords, edgeWords);
            edges++;
        }
    }

    private int add(long fp, int from) {
        int id = size++;
        fps = ensure(fps, size);
        parent = ensure(parent, size);
        nodeBits = ensure(nodeBits, size * nodeWords);
        fps[id] = fp;
        parent[id] = from;
        index.put(fp, id);
        return id;
    }

    private static int[] ensure(int[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    private static long[] ensure(long[] a, int n) {
        return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, a.length * 2));
    }

    /**
     * The rows of the states one worker expanded in one slice, in its order: per row the state's
     * fingerprint, its node bits, its edges (target fingerprints and edge bits; row k's edges end at
     * {@code rowEnd[k]}) or the failure that stopped its bits.
     */
    public final class Slice {
        private final boolean active = failure == null;
        private int count;
        private long[] sources = new long[8];
        private long[] nodeBits = new long[8 * nodeWords];
        private int[] rowEnd = new int[8];
        private long[] targets = new long[16];
        private long[] edgeBits = new long[16 * edgeWords];
        private int edgeCount;
        private RuntimeException[] errors;
        private boolean failed;
        private final LongSet[] steps = new LongSet[fairness.length];
        private final LongSet seen = new LongSet();

        private Slice() {
            for (int f = 0; f < steps.length; f++) {
                steps[f] = new LongSet();
            }
        }

        /** Starts the row of {@code s} (fingerprint {@code fp}): its node bits. */
        public void begin(State s, long fp) {
            if (!active) {
                return;
            }
            sources = ensure(sources, count + 1);
            rowEnd = ensure(rowEnd, count + 1);
            nodeBits = ensure(nodeBits, (count + 1) * nodeWords);
            sources[count] = fp;
            seen.clear();
            failed = false;
            try {
                for (int i = 0; i < predicates.length; i++) {
                    if (predicates[i].test(s)) {
                        setNodeBit(i);
                    }
                }
                for (int f = 0; f < fairness.length; f++) {
                    collectSteps(f, s);
                    if (!steps[f].isEmpty()) {
                        setNodeBit(predicates.length + f);
                    }
                }
            } catch (RuntimeException e) {
                failed = true;
                errors = errors == null ? new RuntimeException[sources.length] : Arrays.copyOf(errors, sources.length);
                errors[count] = e;
            }
        }

        /** A successor in the model of the state begun, by its fingerprint: an edge unless already one. */
        public void successor(long fp) {
            if (!active || failed || !seen.add(fp)) {
                return;
            }
            targets = ensure(targets, edgeCount + 1);
            edgeBits = ensure(edgeBits, (edgeCount + 1) * edgeWords);
            boolean any = false;
            for (int f = 0; f < fairness.length; f++) {
                if (steps[f].contains(fp)) {
                    edgeBits[edgeCount * edgeWords + (f >>> 6)] |= 1L << f;
                    any = true;
                }
            }
            if (fp == sources[count] && !any) {
                return; // the implicit stuttering loop already stands for it
            }
            targets[edgeCount++] = fp;
        }

        /** Ends the row of the state begun. */
        public void end() {
            if (!active) {
                return;
            }
            rowEnd[count++] = edgeCount;
        }

        private RuntimeException error(int row) {
            return errors == null || row >= errors.length ? null : errors[row];
        }

        private void setNodeBit(int bit) {
            nodeBits[count * nodeWords + (bit >>> 6)] |= 1L << bit;
        }

        /** The fingerprints of the {@code <<A_f>>_v} successors of {@code s}. */
        private void collectSteps(int f, State s) {
            LongSet out = steps[f];
            out.clear();
            Fairness fair = fairness[f];
            if (fair.changes() != null) {
                fair.action().accept(s, t -> {
                    if (fair.changes().test(s, t)) {
                        out.add(States.viewFingerprint(machine, t));
                    }
                });
                return;
            }
            Value before = fair.subscript().apply(s);
            fair.action().accept(s, t -> {
                if (!before.equals(fair.subscript().apply(t))) {
                    out.add(States.viewFingerprint(machine, t));
                }
            });
        }
    }

    /** A reusable open-addressing set of fingerprints: clear, add, query. */
    static final class LongSet {
        private long[] keys = new long[16];
        private boolean[] used = new boolean[16];
        private int n;

        void clear() {
            if (n > 0) {
                Arrays.fill(used, false);
                n = 0;
            }
        }

        boolean isEmpty() {
            return n == 0;
        }

        /** Adds {@code x}; false if it was there. */
        boolean add(long x) {
            if ((n + 1) * 2 > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            for (int i = slot(x, mask); ; i = (i + 1) & mask) {
                if (!used[i]) {
                    used[i] = true;
                    keys[i] = x;
                    n++;
                    return true;
                }
                if (keys[i] == x) {
                    return false;
                }
            }
        }

        boolean contains(long x) {
            int mask = keys.length - 1;
            for (int i = slot(x, mask); used[i]; i = (i + 1) & mask) {
                if (keys[i] == x) {
                    return true;
                }
            }
            return false;
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[oldUsed.length * 2];
            n = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    add(oldKeys[i]);
                }
            }
        }

        private static int slot(long x, int mask) {
            long h = x * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
