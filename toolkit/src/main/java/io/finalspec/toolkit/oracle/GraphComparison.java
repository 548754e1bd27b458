package io.finalspec.toolkit.oracle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.finalspec.distributed.PrintedStates;
import io.finalspec.runtime.explore.ModelFilter;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;

import tlc2.tool.TLCState;
import util.UniqueString;

/**
 * Step conformance over TLC's whole state graph, inside TLC's JVM: one breadth-first search on the
 * Tool API, counted as TLC's model checker counts ({@link Explorer}: CONSTRAINTs and
 * ACTION_CONSTRAINTs bound the graph, states are identified by TLC's fingerprint after VIEW and
 * SYMMETRY), and for every state TLC keeps, the machine's successors of the same state compared
 * with TLC's as multisets of (action name, successor). This is the comparison of TLC's labelled
 * state-graph dump ({@code GraphStepConformance}) without the dump: no state is printed or parsed.
 *
 * <p>A state TLC reaches is converted to a machine state once, when its TLC fingerprint is first
 * seen ({@link RuntimeValues}; a variable whose TLC value is the very object of the state it was
 * reached from takes that state's machine value), and its machine VIEW fingerprint is kept under
 * its TLC fingerprint. A transition of TLC is then (action name, that VIEW fingerprint): the VIEW
 * fingerprint of the first state of its TLC class that was reached, as in the dump, which declares
 * that state. Per state, the machine's successors add {@link PrintedStates#element} hashes to a
 * balance and TLC's subtract theirs; the state conforms when balance and count both return to zero.
 */
final class GraphComparison {

    /** Where the comparison reports; called on the comparing thread. */
    interface Sink {
        /** Every second or so: the states and transitions compared so far. */
        void progress(long states, long transitions);

        /** The machine's initial states (after CONSTRAINTs) are not TLC's {@code tlcInit}. */
        void initMismatch(List<TLCState> tlcInit);

        /** The first state in TLC's order whose successors differ, with TLC's successors in the graph. */
        void graphMismatch(TLCState state, List<TlcModel.Step> tlcSteps);
    }

    /** States compared (TLC's distinct states) and the machine's transitions in the graph. */
    record Stats(long states, long transitions) {
    }

    private static final long PROGRESS_NANOS = 1_000_000_000L;

    private final TlcModel model;
    private final Machine machine;
    private final ModelFilter filter;
    private final RuntimeValues values;
    private final UniqueString[] vars;
    private final long[] tlcActionHash;
    private final Map<String, Long> machineActionHash = new ConcurrentHashMap<>();
    private final int threads;

    /** @param threads how many threads compute successors (TLC's and the machine's); 1: only the calling thread */
    GraphComparison(TlcModel model, Machine machine, int threads) {
        if (!model.varNames().equals(machine.variables())) {
            throw new IllegalArgumentException("TLC's variables " + model.varNames() + " differ from the machine's "
                + machine.variables());
        }
        this.model = model;
        this.machine = machine;
        this.threads = Math.max(1, threads);
        this.filter = new ModelFilter(machine);
        this.values = new RuntimeValues(machine.names(), model::force);
        this.vars = model.varKeys();
        this.tlcActionHash = new long[model.actionCount()];
        for (int a = 0; a < tlcActionHash.length; a++) {
            tlcActionHash[a] = PrintedStates.actionHash(model.actionName(a));
        }
    }

    /** A state of the next BFS level, on both sides. */
    private record Reached(TLCState tlc, State machine) {
    }

    /** One state's successors on both sides, computed by any thread: the machine's {balance, count}, TLC's steps in the graph. */
    private record Expanded(long[] balance, List<TlcModel.Step> steps, long[] tlcFingerprints) {
    }

    /** Levels smaller than this are expanded on the comparing thread alone: a hand-off would cost more than it saves. */
    private static final int PARALLEL_LEVEL = 64;

    Stats run(Sink sink) {
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, GraphComparison::daemon) : null;
        try {
            return run(sink, pool);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /**
     * Level by level: every state's successors on both sides are computed first, in parallel on
     * {@code pool} when there is one (TLC's Tool is shared as TLC's own workers share it, the machine
     * as the explorer's workers do), into slots in level order; then this thread walks the level in
     * order, converting new states and balancing, so the next level, the states' machine values and
     * the mismatch reported are the same whatever the number of threads.
     */
    private Stats run(Sink sink, ExecutorService pool) {
        LongLongMap views = new LongLongMap();
        List<Reached> level = initial(views, sink);
        long states = 0;
        long transitions = 0;
        boolean reported = false;
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        while (!level.isEmpty()) {
            Expanded[] expanded = expandAll(level, pool);
            List<Reached> next = new ArrayList<>();
            for (int i = 0; i < expanded.length; i++) {
                Reached r = level.get(i);
                long[] balance = expanded[i].balance();
                transitions += balance[1];
                List<TlcModel.Step> steps = expanded[i].steps();
                for (int k = 0; k < steps.size(); k++) {
                    long view = view(views, expanded[i].tlcFingerprints()[k], steps.get(k).state(), r, next);
                    balance[0] -= PrintedStates.element(tlcActionHash[steps.get(k).action()], view);
                    balance[1]--;
                }
                states++;
                if ((balance[0] != 0 || balance[1] != 0) && !reported) {
                    sink.graphMismatch(r.tlc(), steps);
                    reported = true;
                }
                if (System.nanoTime() - nextProgress > 0) {
                    sink.progress(states, transitions);
                    nextProgress = System.nanoTime() + PROGRESS_NANOS;
                }
            }
            level = next;
        }
        return new Stats(states, transitions);
    }

    /** Both sides' successors of every state of {@code level}, in level order. */
    private Expanded[] expandAll(List<Reached> level, ExecutorService pool) {
        Expanded[] out = new Expanded[level.size()];
        if (pool == null || level.size() < PARALLEL_LEVEL) {
            for (int i = 0; i < out.length; i++) {
                out[i] = expand(level.get(i));
            }
            return out;
        }
        int parts = threads * 4;
        List<Future<?>> work = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) out.length * p / parts);
            int to = (int) ((long) out.length * (p + 1) / parts);
            work.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    out[i] = expand(level.get(i));
                }
            }));
        }
        for (Future<?> f : work) {
            awaitRethrowing(f);
        }
        return out;
    }

    private Expanded expand(Reached r) {
        long[] balance = machineBalance(r.machine());
        List<TlcModel.Step> steps = inGraph(r.tlc());
        long[] fps = new long[steps.size()];
        for (int k = 0; k < fps.length; k++) {
            fps[k] = steps.get(k).state().fingerPrint();
        }
        return new Expanded(balance, steps, fps);
    }

    /** Waits for {@code f}; what the task threw is thrown here as it was (TLC's evaluation errors keep their type). */
    private static void awaitRethrowing(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while comparing a level", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "graph-comparison");
        t.setDaemon(true);
        return t;
    }

    /** TLC's initial states in the model, the first level; reports when the machine's are not the same. */
    private List<Reached> initial(LongLongMap views, Sink sink) {
        List<TLCState> tlcInit = new ArrayList<>();
        List<Reached> level = new ArrayList<>();
        Set<Long> tlcViews = new HashSet<>();
        for (TLCState s : model.initStates()) {
            if (model.inModel(s)) {
                tlcInit.add(s);
                tlcViews.add(view(views, s.fingerPrint(), s, null, level));
            }
        }
        Set<Long> mine = new HashSet<>();
        machine.initStates(s -> {
            if (filter.inModel(null, s)) {
                mine.add(States.viewFingerprint(machine, s));
            }
        });
        if (!mine.equals(tlcViews)) {
            sink.initMismatch(tlcInit);
        }
        return level;
    }

    /** {balance, count} of the machine's successors of {@code s} in the model. */
    private long[] machineBalance(State s) {
        long[] out = {0, 0};
        machine.successors(s, (label, next) -> {
            if (filter.inModel(s, next)) {
                out[0] += PrintedStates.element(machineActionHash.computeIfAbsent(label.name(), PrintedStates::actionHash),
                    States.viewFingerprint(machine, next));
                out[1]++;
            }
        });
        return out;
    }

    /** TLC's successors of {@code s} that are in the model: the transitions of TLC's graph. */
    private List<TlcModel.Step> inGraph(TLCState s) {
        List<TlcModel.Step> all = model.successors(s);
        List<TlcModel.Step> out = new ArrayList<>(all.size());
        for (TlcModel.Step step : all) {
            if (model.inModel(step.state()) && model.inActions(s, step.state())) {
                out.add(step);
            }
        }
        return out;
    }

    /**
     * The machine VIEW fingerprint of TLC's class of {@code t}: known, or computed now from {@code t}
     * converted (reached from {@code from}, null for an initial state), which then joins {@code next}.
     */
    private long view(LongLongMap views, long fp, TLCState t, Reached from, List<Reached> next) {
        int slot = views.slotOf(fp);
        if (slot >= 0) {
            return views.valueAt(slot);
        }
        State m = convert(t, from);
        long view = States.viewFingerprint(machine, m);
        views.put(fp, view);
        next.add(new Reached(t, m));
        return view;
    }

    /** TLC's state as the machine's; variables unchanged since {@code from} keep its machine values. */
    private State convert(TLCState t, Reached from) {
        io.finalspec.runtime.value.Value[] out = new io.finalspec.runtime.value.Value[vars.length];
        for (int i = 0; i < vars.length; i++) {
            Object v = t.lookup(vars[i]);
            out[i] = from != null && v == from.tlc().lookup(vars[i]) ? from.machine().get(i) : values.convert((tlc2.value.IValue) v);
        }
        return machine.state(out);
    }

    /** TLC fingerprint to machine VIEW fingerprint: open addressing over primitives (a graph of a million states is a few arrays). */
    private static final class LongLongMap {
        private long[] keys = new long[1 << 12];
        private long[] vals = new long[1 << 12];
        private boolean[] used = new boolean[1 << 12];
        private int size;

        /** The slot holding {@code k}, or -1: one probe for both the question and the value. */
        int slotOf(long k) {
            int i = find(keys, used, k);
            return used[i] ? i : -1;
        }

        long valueAt(int slot) {
            return vals[slot];
        }

        void put(long k, long v) {
            if ((size + 1) * 2L > keys.length) {
                grow();
            }
            int i = find(keys, used, k);
            if (!used[i]) {
                used[i] = true;
                keys[i] = k;
                size++;
            }
            vals[i] = v;
        }

        private static int find(long[] keys, boolean[] used, long k) {
            int mask = keys.length - 1;
            int i = (int) mix(k) & mask;
            while (used[i] && keys[i] != k) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldVals = vals;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            vals = new long[oldKeys.length * 2];
            used = new boolean[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldUsed[i]) {
                    int j = find(keys, used, oldKeys[i]);
                    used[j] = true;
                    keys[j] = oldKeys[i];
                    vals[j] = oldVals[i];
                }
            }
        }

        private static long mix(long v) {
            v ^= v >>> 33;
            v *= 0xff51afd7ed558ccdL;
            return v ^ (v >>> 33);
        }
    }
}
