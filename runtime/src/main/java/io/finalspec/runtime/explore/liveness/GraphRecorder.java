package io.finalspec.runtime.explore.liveness;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import io.finalspec.runtime.machine.ActionLabel;
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
 * order of first appearance and per edge its bits (bit f when the target is such a successor, then
 * bit {@code fairness.length + k} when the transition satisfies a fairness property's
 * {@code <<A>>_v}, {@code stepPredicates[k]}; that property's ENABLED is one of the predicates); a
 * self-loop without a bit is dropped, as the implicit stuttering loop stands for it. The merge gives
 * node ids sequentially, expanding the level's nodes in id order: ids are the order of a plain
 * breadth-first search's discovery, whatever the workers and their scheduling, so the graph, and
 * the lasso found in it, do not depend on {@code --workers}.
 *
 * <p>A fairness condition whose action instances are instances of Next ({@link Fairness#nextInstances})
 * costs nothing more than the search: its steps are the successors the search reports from those
 * instances ({@link Slice#successor(ActionLabel, State, boolean, long)}), every one of them, in the
 * model or not, so that ENABLED is the same. Any other condition's action is run on each state.
 */
public final class GraphRecorder {
    private final Machine.Predicate[] predicates;
    private final Fairness[] fairness;
    /** The fairness properties' {@code <<A>>_v}, tested on each edge: edge bit {@code fairness.length + k}. */
    private final Machine.ActionPredicate[] stepPredicates;
    /** Per action instance of Next, the conditions (a bit per index) whose steps it makes. */
    private final Map<ActionLabel, long[]> fairByInstance = new IdentityHashMap<>();
    /** Whether condition f's steps come from Next's successors (else its action is run). */
    private final boolean[] fromNext;
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
                machine.fairness().toArray(new Fairness[0]),
                LivenessChecker.steps(machine).toArray(new Machine.ActionPredicate[0]));
    }

    GraphRecorder(Machine machine, Machine.Predicate[] predicates, Fairness[] fairness) {
        this(machine, predicates, fairness, new Machine.ActionPredicate[0]);
    }

    GraphRecorder(Machine machine, Machine.Predicate[] predicates, Fairness[] fairness,
                  Machine.ActionPredicate[] stepPredicates) {
        this.machine = machine;
        this.predicates = predicates.clone();
        this.fairness = fairness.clone();
        this.stepPredicates = stepPredicates.clone();
        this.nodeWords = Math.max(1, (predicates.length + fairness.length + 63) >>> 6);
        this.edgeWords = (fairness.length + stepPredicates.length + 63) >>> 6;
        this.nodeBits = new long[fps.length * nodeWords];
        this.edgeBits = new long[edgeTarget.length * edgeWords];
        this.fromNext = new boolean[fairness.length];
        for (int f = 0; f < fairness.length; f++) {
            if (fairness[f].nextInstances() != null) {
                fromNext[f] = true;
                for (ActionLabel instance : fairness[f].nextInstances()) {
                    fairByInstance.computeIfAbsent(instance, k -> new long[edgeWords])[f >>> 6] |= 1L << f;
                }
            }
        }
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
        /** Per condition whose action is run: the fingerprints of its steps from the state begun. */
        private final FingerprintIndex[] steps = new FingerprintIndex[fairness.length];
        /** The row's edges so far: target fingerprint to edge index. */
        private final FingerprintIndex edgeOf = new FingerprintIndex(8);
        /** The state begun, and per condition its subscript once one was needed. */
        private State current;
        private final Value[] before = new Value[fairness.length];
        /** The fairness bits of the successor being added. */
        private final long[] bits = new long[Math.max(1, edgeWords)];

        private Slice() {
            for (int f = 0; f < steps.length; f++) {
                steps[f] = fromNext[f] ? null : new FingerprintIndex(8);
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
            edgeOf.clear();
            current = s;
            Arrays.fill(before, null);
            failed = false;
            try {
                for (int i = 0; i < predicates.length; i++) {
                    if (predicates[i].test(s)) {
                        setNodeBit(i);
                    }
                }
                for (int f = 0; f < fairness.length; f++) {
                    if (!fromNext[f]) {
                        collectSteps(f, s);
                        if (!steps[f].isEmpty()) {
                            setNodeBit(predicates.length + f);
                        }
                    }
                }
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /**
         * A successor in the model of the state begun, by its fingerprint: an edge unless already
         * one. For a machine whose fairness conditions all run their actions.
         */
        public void successor(long fp) {
            successor(null, null, true, fp);
        }

        /**
         * A successor {@code t} of the state begun, from the action instance {@code label}: in the
         * model ({@code fp} its fingerprint) an edge unless already one, and in the model or not a
         * step of the conditions whose steps that instance makes, when it changes their subscript.
         */
        public void successor(ActionLabel label, State t, boolean inModel, long fp) {
            if (!active || failed) {
                return;
            }
            Arrays.fill(bits, 0);
            long[] fair = label == null ? null : fairByInstance.get(label);
            if (fair != null) {
                try {
                    fairSteps(fair, t);
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
            }
            if (!inModel) {
                return;
            }
            for (int f = 0; f < fairness.length; f++) {
                if (!fromNext[f] && steps[f].contains(fp)) {
                    bits[f >>> 6] |= 1L << f;
                }
            }
            try {
                for (int k = 0; k < stepPredicates.length; k++) {
                    int bit = fairness.length + k;
                    if (stepPredicates[k].test(current, t)) {
                        bits[bit >>> 6] |= 1L << bit;
                    }
                }
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            int e = edgeOf.get(fp);
            if (e < 0) {
                targets = ensure(targets, edgeCount + 1);
                edgeBits = ensure(edgeBits, (edgeCount + 1) * edgeWords);
                edgeOf.put(fp, edgeCount);
                targets[edgeCount] = fp;
                e = edgeCount++;
            }
            for (int w = 0; w < edgeWords; w++) {
                edgeBits[e * edgeWords + w] |= bits[w];
            }
        }

        /** Sets the bits of the conditions in {@code fair} whose subscript {@code t} changes, and their ENABLED. */
        private void fairSteps(long[] fair, State t) {
            for (int w = 0; w < fair.length; w++) {
                for (long m = fair[w]; m != 0; m &= m - 1) {
                    int f = (w << 6) + Long.numberOfTrailingZeros(m);
                    if (changes(f, t)) {
                        bits[w] |= 1L << f;
                        setNodeBit(predicates.length + f);
                    }
                }
            }
        }

        private boolean changes(int f, State t) {
            Fairness fair = fairness[f];
            if (fair.changes() != null) {
                return fair.changes().test(current, t);
            }
            if (before[f] == null) {
                before[f] = fair.subscript().apply(current);
            }
            return !before[f].equals(fair.subscript().apply(t));
        }

        /** Ends the row of the state begun: a self-loop without a bit is dropped, the implicit stuttering loop stands for it. */
        public void end() {
            if (!active) {
                return;
            }
            if (!failed) {
                int e = edgeOf.get(sources[count]);
                if (e >= 0 && noBits(e)) {
                    dropEdge(e);
                }
            }
            rowEnd[count++] = edgeCount;
        }

        private boolean noBits(int e) {
            for (int w = 0; w < edgeWords; w++) {
                if (edgeBits[e * edgeWords + w] != 0) {
                    return false;
                }
            }
            return true;
        }

        private void dropEdge(int e) {
            System.arraycopy(targets, e + 1, targets, e, edgeCount - e - 1);
            System.arraycopy(edgeBits, (e + 1) * edgeWords, edgeBits, e * edgeWords, (edgeCount - e - 1) * edgeWords);
            edgeCount--;
            Arrays.fill(edgeBits, edgeCount * edgeWords, (edgeCount + 1) * edgeWords, 0);
        }

        private void fail(RuntimeException e) {
            failed = true;
            errors = errors == null ? new RuntimeException[sources.length] : Arrays.copyOf(errors, sources.length);
            errors[count] = e;
        }

        private RuntimeException error(int row) {
            return errors == null || row >= errors.length ? null : errors[row];
        }

        private void setNodeBit(int bit) {
            nodeBits[count * nodeWords + (bit >>> 6)] |= 1L << bit;
        }

        /** The fingerprints of the {@code <<A_f>>_v} successors of {@code s}. */
        private void collectSteps(int f, State s) {
            FingerprintIndex out = steps[f];
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
            Value was = fair.subscript().apply(s);
            fair.action().accept(s, t -> {
                if (!was.equals(fair.subscript().apply(t))) {
                    out.add(States.viewFingerprint(machine, t));
                }
            });
        }
    }
}
