package io.finalspec.runtime.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;

/**
 * Exhaustive breadth-first exploration, with TLC's counting.
 *
 * <p>The search is level-synchronous: level 1 holds the initial states, level k+1 the new states
 * generated from level k; {@code workers} threads expand a level in parallel. This makes the depth
 * exactly TLC's "depth of the complete state graph search" and every counterexample a shortest one.
 * As in TLC: every generated state counts as generated (duplicates too); a state violating a
 * {@code CONSTRAINT}, or a transition violating an {@code ACTION_CONSTRAINT}, is dropped before the
 * seen set; invariants are checked on each new state when it is first seen; a state is a deadlock
 * when it has no successor at all (before constraints) and the model checks deadlock.
 */
public final class BfsExplorer {

    /** Exploration settings. */
    public record Options(int workers, long expectedStates, long progressMillis, ExploreListener listener,
                          long maxDistinct) {
        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            if (listener == null) {
                listener = ExploreListener.NONE;
            }
        }

        public static Options defaults() {
            return new Options(1, 1 << 16, 2000, ExploreListener.NONE, Long.MAX_VALUE);
        }

        public Options withWorkers(int w) {
            return new Options(w, expectedStates, progressMillis, listener, maxDistinct);
        }

        public Options withListener(ExploreListener l) {
            return new Options(workers, expectedStates, progressMillis, l, maxDistinct);
        }

        public Options withExpectedStates(long n) {
            return new Options(workers, n, progressMillis, listener, maxDistinct);
        }

        public Options withProgressMillis(long ms) {
            return new Options(workers, expectedStates, ms, listener, maxDistinct);
        }

        /** Stop (with outcome OK and a non-empty queue) once this many distinct states are found. */
        public Options withMaxDistinct(long n) {
            return new Options(workers, expectedStates, progressMillis, listener, n);
        }
    }

    private record Node(State state, long fp) {
    }

    private record Failure(Outcome outcome, long fp) {
    }

    private final Machine machine;
    private final Options options;
    private final java.util.function.Predicate<State> target;

    public BfsExplorer(Machine machine) {
        this(machine, Options.defaults());
    }

    public BfsExplorer(Machine machine, Options options) {
        this(machine, options, null);
    }

    /**
     * With a {@code target}: the search also stops at the first state satisfying it, reported as an
     * INVARIANT outcome named "target" with the shortest trace to it (used to minimise traces).
     */
    public BfsExplorer(Machine machine, Options options, java.util.function.Predicate<State> target) {
        this.machine = machine;
        this.options = options;
        this.target = target;
    }

    public ExploreResult run() {
        Run r = new Run();
        ExploreResult result = r.execute();
        options.listener().finished(result);
        return result;
    }

    private final class Run {
        final FingerprintSet seen = new FingerprintSet(options.expectedStates());
        final LongAdder generated = new LongAdder();
        final LongAdder distinct = new LongAdder();
        final AtomicReference<Failure> failure = new AtomicReference<>();
        final long start = System.nanoTime();
        volatile int depth;
        volatile List<Node> frontier = List.of();
        final AtomicInteger cursor = new AtomicInteger();
        final LongAdder nextCount = new LongAdder();
        volatile boolean capped;

        ExploreResult execute() {
            ScheduledExecutorService reporter = null;
            if (options.listener() != ExploreListener.NONE && options.progressMillis() > 0) {
                reporter = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "finalspec-progress");
                    t.setDaemon(true);
                    return t;
                });
                long[] last = {0, System.nanoTime()};
                reporter.scheduleAtFixedRate(() -> {
                    long g = generated.sum();
                    long now = System.nanoTime();
                    double rate = (g - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
                    last[0] = g;
                    last[1] = now;
                    long queue = Math.max(0, frontier.size() - cursor.get()) + nextCount.sum();
                    options.listener().progress(new ExploreListener.Progress(g, distinct.sum(), queue, depth, rate,
                            (now - start) / 1e9));
                }, options.progressMillis(), options.progressMillis(), TimeUnit.MILLISECONDS);
            }
            ExecutorService pool = options.workers() > 1 ? Executors.newFixedThreadPool(options.workers(), r -> {
                Thread t = new Thread(r, "finalspec-bfs");
                t.setDaemon(true);
                return t;
            }) : null;
            try {
                return search(pool);
            } finally {
                if (reporter != null) {
                    reporter.shutdownNow();
                }
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private ExploreResult search(ExecutorService pool) {
            List<Node> init = new ArrayList<>();
            try {
                machine.initStates(s -> {
                    generated.increment();
                    if (failure.get() != null || !Constraints.inModel(machine, null, s)) {
                        return;
                    }
                    long fp = States.viewFingerprint(machine, s);
                    if (seen.put(fp, 0)) {
                        distinct.increment();
                        init.add(new Node(s, fp));
                        check(s, fp);
                    }
                });
            } catch (RuntimeException e) {
                return finish(new Failure(Outcome.error(message(e)), 0), 0);
            }
            frontier = init;
            depth = init.isEmpty() ? 0 : 1;
            while (failure.get() == null && !frontier.isEmpty() && !capped) {
                cursor.set(0);
                nextCount.reset();
                List<List<Node>> parts = new ArrayList<>();
                if (pool == null) {
                    parts.add(expandAll());
                } else {
                    List<Future<List<Node>>> fs = new ArrayList<>();
                    for (int w = 0; w < options.workers(); w++) {
                        fs.add(pool.submit(this::expandAll));
                    }
                    for (Future<List<Node>> f : fs) {
                        try {
                            parts.add(f.get());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        } catch (java.util.concurrent.ExecutionException e) {
                            throw new IllegalStateException("worker failed", e.getCause());
                        }
                    }
                }
                List<Node> next = new ArrayList<>();
                for (List<Node> p : parts) {
                    next.addAll(p);
                }
                if (failure.get() != null) {
                    frontier = next;
                    break;
                }
                frontier = next;
                if (!next.isEmpty()) {
                    depth++;
                }
            }
            Failure f = failure.get();
            long left = f == null && !capped ? 0 : Math.max(0, frontier.size());
            return finish(f, left);
        }

        private ExploreResult finish(Failure f, long left) {
            double secs = (System.nanoTime() - start) / 1e9;
            if (f == null) {
                return new ExploreResult(generated.sum(), distinct.sum(), depth, left, secs, Outcome.OK, null);
            }
            Trace trace = null;
            if (f.fp != 0) {
                try {
                    trace = Paths.rebuild(machine, seen, f.fp);
                } catch (RuntimeException e) {
                    trace = null;
                }
            }
            return new ExploreResult(generated.sum(), distinct.sum(), depth, left, secs, f.outcome, trace);
        }

        private List<Node> expandAll() {
            List<Node> out = new ArrayList<>();
            List<Node> level = frontier;
            int n = level.size();
            while (failure.get() == null && !capped) {
                int from = cursor.getAndAdd(32);
                if (from >= n) {
                    break;
                }
                int to = Math.min(n, from + 32);
                for (int i = from; i < to && failure.get() == null; i++) {
                    expand(level.get(i), out);
                }
            }
            return out;
        }

        private void expand(Node node, List<Node> out) {
            State s = node.state();
            long[] count = {0};
            try {
                machine.successors(s, (label, t) -> {
                    count[0]++;
                    generated.increment();
                    if (!Constraints.inModel(machine, s, t)) {
                        return;
                    }
                    long fp = States.viewFingerprint(machine, t);
                    if (seen.put(fp, node.fp())) {
                        distinct.increment();
                        nextCount.increment();
                        out.add(new Node(t, fp));
                        check(t, fp);
                        if (distinct.sum() >= options.maxDistinct()) {
                            capped = true;
                        }
                    }
                });
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new Failure(Outcome.error(message(e)), node.fp()));
                return;
            }
            if (count[0] == 0 && machine.checkDeadlock()) {
                failure.compareAndSet(null, new Failure(Outcome.deadlock(), node.fp()));
            }
        }

        private void check(State s, long fp) {
            try {
                String bad = Constraints.violated(machine, s);
                if (bad != null) {
                    failure.compareAndSet(null, new Failure(Outcome.invariant(bad), fp));
                } else if (target != null && target.test(s)) {
                    failure.compareAndSet(null, new Failure(Outcome.invariant("target"), fp));
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, new Failure(Outcome.error(message(e)), fp));
            }
        }
    }

    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
