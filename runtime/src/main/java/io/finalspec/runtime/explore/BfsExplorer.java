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

import io.finalspec.runtime.explore.liveness.GraphRecorder;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateCodec;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.trace.Trace;

/**
 * Exhaustive breadth-first exploration, with TLC's counting.
 *
 * <p>The search is level-synchronous: level 1 holds the initial states, level k+1 the new states
 * generated from level k; {@code workers} threads expand a level in parallel in slices of 32
 * states, each worker the slices of its own run of the level first (its share, in order), then
 * what is left of the others', writing each slice's new states to that slice's own chunk, so the
 * next level's order is the slice order whatever the scheduling. This makes the depth exactly TLC's
 * "depth of the complete state graph search" and every counterexample a shortest one. Per distinct
 * state the search keeps only its fingerprint and its parent's ({@link FingerprintSet}); the states
 * of a trace are recomputed by replay ({@link Paths}), and the states waiting in a large frontier
 * are packed as words when the machine offers a {@link StateCodec} (see {@link Options}).
 * As in TLC: every generated state counts as generated (duplicates too); a state violating a
 * {@code CONSTRAINT}, or a transition violating an {@code ACTION_CONSTRAINT}, is dropped before the
 * seen set; invariants are checked on each new state when it is first seen; a state is a deadlock
 * when it has no successor at all (before constraints) and the model checks deadlock. The properties'
 * {@code []P} conjuncts are checked after the invariants and reported like them, their {@code [][A]_v}
 * conjuncts on every transition (to a seen state, or outside the model, too), as TLC does; liveness
 * conjuncts are left to {@link ModelChecker} and listed as not checked in the result. Given a
 * {@link GraphRecorder}, the search records the liveness graph as it goes: each worker computes the
 * liveness bits and edges of the states it expands, and the level's slices are merged after it.
 */
public final class BfsExplorer {

    /**
     * Exploration settings. {@code packAbove}: when the machine has a {@link StateCodec}, a level
     * of more states than this is followed by a level whose states wait packed as words; after a
     * smaller one, the next level keeps its states as objects (a few hundred bytes each, while a
     * level is small that is little memory, and a state kept needs neither encoding nor decoding).
     * 0 packs every level.
     */
    public record Options(int workers, long expectedStates, long progressMillis, ExploreListener listener,
                          long maxDistinct, long packAbove, long timeLimitNanos) {
        /** The default {@code packAbove}: a level of 16,384 states kept as objects is a few megabytes. */
        public static final long PACK_ABOVE = 1 << 14;

        public Options {
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be >= 1, was " + workers);
            }
            if (packAbove < 0) {
                throw new IllegalArgumentException("packAbove must be >= 0, was " + packAbove);
            }
            if (timeLimitNanos <= 0) {
                throw new IllegalArgumentException("timeLimitNanos must be > 0, was " + timeLimitNanos);
            }
            if (listener == null) {
                listener = ExploreListener.NONE;
            }
        }

        public static Options defaults() {
            return new Options(1, 1 << 16, 2000, ExploreListener.NONE, Long.MAX_VALUE, PACK_ABOVE, Long.MAX_VALUE);
        }

        public Options withWorkers(int w) {
            return new Options(w, expectedStates, progressMillis, listener, maxDistinct, packAbove, timeLimitNanos);
        }

        public Options withListener(ExploreListener l) {
            return new Options(workers, expectedStates, progressMillis, l, maxDistinct, packAbove, timeLimitNanos);
        }

        public Options withExpectedStates(long n) {
            return new Options(workers, n, progressMillis, listener, maxDistinct, packAbove, timeLimitNanos);
        }

        public Options withProgressMillis(long ms) {
            return new Options(workers, expectedStates, ms, listener, maxDistinct, packAbove, timeLimitNanos);
        }

        /** Stop (with outcome OK and a non-empty queue) once this many distinct states are found. */
        public Options withMaxDistinct(long n) {
            return new Options(workers, expectedStates, progressMillis, listener, n, packAbove, timeLimitNanos);
        }

        /** Pack the states of a level that follows one of more than {@code n} states (0: every level). */
        public Options withPackAbove(long n) {
            return new Options(workers, expectedStates, progressMillis, listener, maxDistinct, n, timeLimitNanos);
        }

        /**
         * Stop (with outcome OK and a non-empty queue, as at {@link #withMaxDistinct}) once the
         * search has run this long. The clock is read between states and every
         * {@link #CHECK_EVERY} successors or initial states, so a state whose successors the
         * machine makes one after the other (a quantifier over many branches) is stopped in its
         * midst; a machine that computes for long without making a state is not.
         */
        public Options withTimeLimit(java.time.Duration limit) {
            return new Options(workers, expectedStates, progressMillis, listener, maxDistinct, packAbove,
                    limit.toNanos());
        }
    }

    /**
     * Successors (or initial states) taken between two readings of the clock for
     * {@link Options#withTimeLimit}, and the most successors of one state waiting to be processed:
     * a state with more has them processed in batches, so that its successors need no more memory
     * than this, however many the machine makes (TLC, too, processes them one at a time).
     */
    static final int CHECK_EVERY = 1 << 12;

    /**
     * Thrown into the machine's enumeration of a state's successors (through the sink) when the
     * search stops: at its first violation (TLC stops counting there, and the machine need not
     * make the rest) or at its time limit. Without a stack trace: it is control flow.
     */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** States {@code from .. to-1} of a chunk of the level being expanded: one worker's unit of work. */
    private record Slice(LevelChunk chunk, int from, int to) {
    }

    /** States per slice: small enough to share a level among the workers, large enough to amortise the hand-off. */
    private static final int SLICE = 32;

    /**
     * A failure: the trace is the path to {@code pathFp} (none when 0) followed, when {@code state}
     * is not null, by that state (a violating successor or initial state, possibly outside the model).
     */
    private record Failure(Outcome outcome, long pathFp, ActionLabel label, State state) {
    }

    private final Machine machine;
    private final Options options;
    private final java.util.function.Predicate<State> target;
    private final GraphRecorder graph;

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
        this(machine, options, target, null);
    }

    /**
     * With a {@code graph}: the search also records the liveness graph of the model in it, each
     * state's part by the worker that expands it, merged after each level (complete when the
     * search ends without violation and without stopping at a bound of its {@link Options}: a
     * search stopped early, with states left on its queue, leaves only part of it).
     */
    public BfsExplorer(Machine machine, Options options, java.util.function.Predicate<State> target,
                       GraphRecorder graph) {
        this.machine = machine;
        this.options = options;
        this.target = target;
        this.graph = graph;
    }

    public ExploreResult run() {
        Run r = new Run();
        ExploreResult result = r.execute().withNotChecked(PropertyCoverage.beyondSafety(machine));
        options.listener().finished(result);
        return result;
    }

    private final class Run {
        final FingerprintSet seen = new FingerprintSet(options.expectedStates());
        /** Whether a successor's own fingerprint is its key in {@link #seen} (no VIEW, no SYMMETRY): touched before the lookups. */
        final boolean touchFirst = !machine.hasView() && !machine.symmetric();
        final Constraints model = new Constraints(machine);
        final LongAdder generated = new LongAdder();
        final LongAdder distinct = new LongAdder();
        final AtomicReference<Failure> failure = new AtomicReference<>();
        final long start = System.nanoTime();
        final StateCodec codec = machine.codec();
        /** The codec of the level being made: null while levels are small, and always without a codec. */
        volatile StateCodec nextCodec;
        volatile int depth;
        volatile long frontierSize;
        volatile Slice[] slices = new Slice[0];
        volatile LevelChunk[] outputs = new LevelChunk[0];
        /** Chunks of a level already expanded, for the outputs of the level being expanded (see {@link LevelChunk#reusedFor}). */
        volatile LevelChunk[] spare = new LevelChunk[0];
        final AtomicInteger spareNext = new AtomicInteger();
        /** The liveness graph's record of each slice of the level, when recording. */
        volatile GraphRecorder.Slice[] recorded;
        /** Per worker of a level: the next slice of its run and the end of its run. */
        AtomicInteger[] runNext;
        int[] runEnd;
        final LongAdder nextCount = new LongAdder();
        final LongAdder expanded = new LongAdder();
        volatile boolean successorViolated;
        /** Set when the search stops at a bound of its options (distinct states or time) before the end. */
        volatile boolean stopped;
        /** Set when the time limit stopped the expansion of a state in its midst. */
        volatile boolean cut;
        /** When the time limit ends, on {@link System#nanoTime}'s clock (Long.MAX_VALUE: never). */
        final long deadline = options.timeLimitNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
                : start + options.timeLimitNanos();

        /** Whether the time limit has passed; once it has, the search is {@link #stopped}. */
        boolean outOfTime() {
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                stopped = true;
            }
            return stopped;
        }

        ExploreResult execute() {
            ScheduledExecutorService reporter = null;
            if (options.listener() != ExploreListener.NONE && options.progressMillis() > 0) {
                reporter = Executors.newSingleThreadScheduledExecutor(r -> helper(r, "finalspec-progress"));
                long[] last = {0, System.nanoTime()};
                reporter.scheduleAtFixedRate(() -> {
                    long g = generated.sum();
                    long now = System.nanoTime();
                    double rate = (g - last[0]) / Math.max(1e-9, (now - last[1]) / 1e9);
                    last[0] = g;
                    last[1] = now;
                    long queue = Math.max(0, frontierSize - expanded.sum()) + nextCount.sum();
                    options.listener().progress(new ExploreListener.Progress(g, distinct.sum(), queue, depth, rate,
                            (now - start) / 1e9));
                }, options.progressMillis(), options.progressMillis(), TimeUnit.MILLISECONDS);
            }
            ExecutorService pool = options.workers() > 1 ? Executors.newFixedThreadPool(options.workers(), r -> helper(r, "finalspec-bfs")) : null;
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

        /**
         * The codec of a level that follows one of {@code previous} states (0 for the initial
         * states), as {@link Options} says: null when that level keeps its states as objects.
         */
        private StateCodec codecAfter(long previous) {
            return options.packAbove() == 0 || previous > options.packAbove() ? codec : null;
        }

        private ExploreResult search(ExecutorService pool) {
            LevelChunk init = new LevelChunk(codecAfter(0), 16);
            long[] made = {0}; // this thread's count, read for the clock without summing the adder
            try {
                machine.initStates(s -> {
                    if (failure.get() != null) {
                        return;
                    }
                    generated.increment();
                    if ((++made[0] & (CHECK_EVERY - 1)) == 0 && outOfTime()) {
                        throw new Stop();
                    }
                    // As TLC: invariants are checked on every initial state, in the model or not.
                    boolean inModel = model.inModel(null, s);
                    long fp = States.viewFingerprint(machine, s);
                    boolean isNew = inModel && seen.put(fp, 0);
                    if (isNew) {
                        distinct.increment();
                        if (graph != null) {
                            graph.initial(fp);
                        }
                    }
                    if ((isNew || !inModel) && check(null, s, 0, null) && isNew) {
                        init.add(s, fp);
                    }
                });
            } catch (Stop e) {
                // the initial states not yet made count as one more left: the search is incomplete
                return finish(null, init.size() + 1);
            } catch (RuntimeException e) {
                return finish(new Failure(Outcome.error(message(e)), 0, null, null), 0);
            }
            List<LevelChunk> frontier = init.size() == 0 ? List.of() : List.of(init);
            frontierSize = init.size();
            // As TLC: the initial states are level 1 of the search even when there are none (a
            // model without states reports depth 1); only an error computing them stops at 0
            depth = 1;
            if (failure.get() != null) {
                return finish(failure.get(), init.size());
            }
            while (failure.get() == null && frontierSize > 0 && !stopped) {
                expandLevel(frontier, pool);
                List<LevelChunk> next = new ArrayList<>();
                long nextSize = 0;
                // In slice order, whatever the worker that expanded each slice: the next level's
                // order does not depend on the scheduling.
                for (LevelChunk c : outputs) {
                    if (c != null && c.size() > 0) {
                        next.add(c);
                        nextSize += c.size();
                    }
                }
                if (failure.get() != null) {
                    // As TLC: the depth counts the level of the violating successor or of states
                    // already added from this level; the queue holds unexpanded and added states.
                    long left = frontierSize - expanded.sum() + nextSize;
                    if (nextSize > 0 || successorViolated) {
                        depth++;
                    }
                    return finish(failure.get(), left);
                }
                if (stopped && (cut || expanded.sum() < frontierSize)) {
                    // at a bound of the options, part of the level unexpanded (a state cut short
                    // counts as left): the liveness graph, which would be partial, is not merged
                    return finish(null, frontierSize - expanded.sum() + (cut ? 1 : 0) + nextSize);
                }
                if (graph != null) {
                    graph.merge(recorded);
                }
                recycle(frontier, outputs);
                frontier = next;
                frontierSize = nextSize;
                if (nextSize > 0) {
                    depth++;
                }
            }
            Failure f = failure.get();
            long left = f == null && !stopped ? 0 : frontierSize;
            return finish(f, left);
        }

        /** The chunks of {@code expanded} (read) and the empty ones of {@code made}, as spares for the level after next. */
        private void recycle(List<LevelChunk> expanded, LevelChunk[] made) {
            List<LevelChunk> free = new ArrayList<>(expanded);
            for (LevelChunk c : made) {
                if (c != null && c.size() == 0) {
                    free.add(c);
                }
            }
            spareNext.set(0);
            spare = free.toArray(new LevelChunk[0]);
        }

        /** An empty chunk for one slice's successors: a spare one where there is one left. */
        private LevelChunk outputChunk() {
            LevelChunk[] pool = spare;
            int k = spareNext.getAndIncrement();
            LevelChunk reused = k < pool.length ? pool[k].reusedFor(nextCodec) : null;
            return reused != null ? reused : new LevelChunk(nextCodec, 2 * SLICE);
        }

        /** Expands every state of {@code level}, on the pool's workers or (without a pool) on this thread. */
        private void expandLevel(List<LevelChunk> level, ExecutorService pool) {
            List<Slice> work = new ArrayList<>();
            for (LevelChunk c : level) {
                for (int from = 0; from < c.size(); from += SLICE) {
                    work.add(new Slice(c, from, Math.min(c.size(), from + SLICE)));
                }
            }
            int runs = pool == null ? 1 : options.workers();
            runNext = new AtomicInteger[runs];
            runEnd = new int[runs];
            for (int r = 0; r < runs; r++) {
                runNext[r] = new AtomicInteger((int) ((long) work.size() * r / runs));
                runEnd[r] = (int) ((long) work.size() * (r + 1) / runs);
            }
            nextCodec = codecAfter(frontierSize);
            nextCount.reset();
            expanded.reset();
            outputs = new LevelChunk[work.size()];
            recorded = graph == null ? null : new GraphRecorder.Slice[work.size()];
            slices = work.toArray(new Slice[0]);
            if (pool == null) {
                expandSlices();
                return;
            }
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < options.workers(); w++) {
                int k = w;
                fs.add(pool.submit(() -> expandSlices(k)));
            }
            for (Future<?> f : fs) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("worker failed", e.getCause());
                }
            }
        }

        private ExploreResult finish(Failure f, long left) {
            double secs = (System.nanoTime() - start) / 1e9;
            if (f == null) {
                return new ExploreResult(generated.sum(), distinct.sum(), depth, left, secs, Outcome.OK, null);
            }
            Trace trace;
            {
                try {
                    List<Trace.Step> steps = new ArrayList<>();
                    if (f.pathFp() != 0) {
                        steps.addAll(Paths.rebuild(machine, seen, f.pathFp()).steps());
                    }
                    if (f.state() != null) {
                        steps.add(new Trace.Step(steps.isEmpty() ? null : f.label(), f.state()));
                    }
                    trace = steps.isEmpty() ? null : new Trace(machine.variables(), steps);
                } catch (RuntimeException e) {
                    // The outcome stands; say why there is no trace rather than hide it.
                    return new ExploreResult(generated.sum(), distinct.sum(), depth, left, secs,
                            new Outcome(f.outcome.kind(), f.outcome.name(),
                                    f.outcome.message() + " (no trace: " + message(e) + ")"), null);
                }
            }
            return new ExploreResult(generated.sum(), distinct.sum(), depth, left, secs, f.outcome, trace);
        }

        private void expandSlices() {
            expandSlices(0);
        }

        /**
         * Expands slices until none is left: first those of worker {@code k}'s own run of the
         * level, in order, then, once it is done, what is left of the others' runs (from their
         * start, while their owners work on). One run per worker keeps the states a worker expands
         * next to each other in the level, so their successors, which are often the same states,
         * are looked up in the fingerprint lines its own core wrote, not the other core's.
         */
        private void expandSlices(int k) {
            Slice[] work = slices;
            LevelChunk[] out = outputs;
            GraphRecorder.Slice[] rec = recorded;
            AtomicInteger[] starts = runNext;
            int[] end = runEnd;
            int run = k;
            while (failure.get() == null && !outOfTime()) {
                int j = starts[run].getAndIncrement();
                if (j >= end[run]) {
                    run = (run + 1) % starts.length;
                    if (run == k) {
                        break;
                    }
                    continue;
                }
                Slice slice = work[j];
                LevelChunk next = outputChunk();
                GraphRecorder.Slice part = graph == null ? null : graph.slice();
                Expansion expansion = new Expansion(next, part);
                for (int i = slice.from(); i < slice.to() && failure.get() == null && !stopped; i++) {
                    expansion.expand(slice.chunk(), i);
                }
                out[j] = next;
                if (part != null) {
                    rec[j] = part;
                }
            }
        }

        /**
         * One worker's expansion of states, one after the other: the successors of the state being
         * expanded go to {@link #accept}. One object per worker and slice, not one closure per state.
         */
        private final class Expansion implements Machine.SuccessorSink {
            private final LevelChunk out;
            private final GraphRecorder.Slice part;
            private State s;
            private long sFp;
            /** Where {@link #s} waited: its successors share the words of the variables they keep. */
            private LevelChunk from;
            private int fromIndex;
            private long count;
            /**
             * This state's new successors and those of them that wait for the next level (and
             * {@link #count} all its successors), added to the run's counters after it.
             */
            private long fresh;
            private long queued;
            /** The successors of the state being expanded, in the order the machine gave them. */
            private ActionLabel[] labels = new ActionLabel[16];
            private State[] waiting = new State[16];
            private int size;
            /** What {@link FingerprintSet#touch} read (kept so that the reads are not removed). */
            private long touched;

            Expansion(LevelChunk out, GraphRecorder.Slice part) {
                this.out = out;
                this.part = part;
            }

            /**
             * Takes a successor of the state being expanded. They are processed ({@link #process})
             * once the machine has given them all (or {@link #CHECK_EVERY} of them), in the same
             * order: their lookups in the seen set can then start together. Stops the machine's
             * enumeration ({@link Stop}) once the search has failed or run out of time.
             */
            @Override
            public void accept(ActionLabel label, State t) {
                if (size == CHECK_EVERY) {
                    processWaiting();
                    if (failure.get() != null || outOfTime()) {
                        throw new Stop();
                    }
                }
                if (size == waiting.length) {
                    labels = java.util.Arrays.copyOf(labels, 2 * size);
                    waiting = java.util.Arrays.copyOf(waiting, 2 * size);
                }
                labels[size] = label;
                waiting[size++] = t;
            }

            /** Processes the successors taken, in order, then forgets them. */
            private void processWaiting() {
                if (touchFirst && size > 1) {
                    long sum = 0;
                    for (int i = 0; i < size; i++) {
                        sum += seen.touch(waiting[i].fingerprint());
                    }
                    touched += sum;
                }
                for (int i = 0; i < size; i++) {
                    process(labels[i], waiting[i]);
                }
                java.util.Arrays.fill(waiting, 0, size, null);
                size = 0;
            }

            /** Expands state {@code i} of {@code chunk}: its successors to the level's chunk, its node and edges to the graph (when recording). */
            void expand(LevelChunk chunk, int i) {
                // the state before, when this expansion has just read it from the same chunk
                State before = from == chunk && fromIndex == i - 1 ? s : null;
                from = chunk;
                fromIndex = i;
                s = chunk.state(i, before, i - 1);
                sFp = chunk.fingerprint(i);
                count = 0;
                fresh = 0;
                queued = 0;
                if (part != null) {
                    part.begin(s, sFp);
                }
                RuntimeException error = null;
                try {
                    machine.successors(s, this);
                } catch (Stop e) {
                    // the search has failed (a violation among the successors processed) or
                    // stopped at its time limit: the rest of this state's successors do not count
                    cut |= failure.get() == null;
                } catch (RuntimeException e) {
                    error = e;
                }
                try {
                    // The successors before an evaluation error count and are checked first, as
                    // when each was processed as soon as it was made.
                    processWaiting();
                } finally {
                    // Once per state, not per successor: the counters are shared by the workers.
                    expanded.increment();
                    generated.add(count);
                    distinct.add(fresh);
                    nextCount.add(queued);
                }
                if (error != null) {
                    failure.compareAndSet(null, new Failure(Outcome.error(message(error)), sFp, null, null));
                    return;
                }
                if (part != null) {
                    part.end();
                }
                if (count == 0 && machine.checkDeadlock() && failure.get() == null) {
                    failure.compareAndSet(null, new Failure(Outcome.deadlock(), sFp, null, null));
                }
            }

            private void process(ActionLabel label, State t) {
                if (failure.get() != null) {
                    return; // TLC stops counting at the first error
                }
                count++;
                // As TLC (ModelChecker.doNext): a successor outside the model (CONSTRAINT or
                // ACTION_CONSTRAINT) never enters the seen set, but is still checked against
                // the invariants, as is every new successor in the model.
                boolean inModel = model.inModel(s, t);
                long fp = inModel ? States.viewFingerprint(machine, t) : 0;
                boolean isNew = inModel && seen.put(fp, sFp);
                if (isNew) {
                    fresh++;
                }
                if (part != null) {
                    // every successor: those outside the model still make a fairness action ENABLED
                    part.successor(label, t, inModel, fp);
                }
                if (isNew || !inModel) {
                    if (!check(s, t, sFp, label)) {
                        successorViolated |= isNew;
                        return;
                    }
                }
                // As TLC: implied actions on every transition, to a seen state too.
                if (model.hasImpliedActions() && !checkStep(s, t, sFp, label)) {
                    successorViolated |= isNew;
                    return;
                }
                if (isNew) {
                    queued++;
                    out.add(t, fp, s, from, fromIndex);
                    if (options.maxDistinct() != Long.MAX_VALUE && distinct.sum() + fresh >= options.maxDistinct()) {
                        stopped = true;
                    }
                }
            }
        }

        /**
         * Checks invariants (and the target) on {@code s}, reached from {@code parent} (the state of
         * fingerprint {@code parentFp}, where every invariant holds; null and 0 for an initial
         * state) by {@code label}; false, and a failure recorded, if one fails.
         */
        private boolean check(State parent, State s, long parentFp, ActionLabel label) {
            Outcome bad = null;
            try {
                bad = parent == null ? model.violatedInitially(s) : model.violated(parent, s);
                if (bad == null && target != null && target.test(s)) {
                    bad = Outcome.invariant("target");
                }
            } catch (RuntimeException e) {
                bad = Outcome.error(message(e));
            }
            if (bad == null) {
                return true;
            }
            failure.compareAndSet(null, new Failure(bad, parentFp, label, s));
            return false;
        }

        /** Checks the implied actions on the transition {@code from -> to}; false, and a failure recorded, if one fails. */
        private boolean checkStep(State from, State to, long parentFp, ActionLabel label) {
            Outcome bad;
            try {
                bad = model.violatedAction(from, to);
            } catch (RuntimeException e) {
                bad = Outcome.error(message(e));
            }
            if (bad == null) {
                return true;
            }
            failure.compareAndSet(null, new Failure(bad, parentFp, label, to));
            return false;
        }
    }

    /**
     * A daemon thread of an executor the search owns. A task's failure reaches the search through
     * its future; what can still end such a thread is the executor's own code failing, which on a
     * full heap it does (an OutOfMemoryError inside a lock leaves it in a state whose unlock throws),
     * and Java would print that thread's stack trace on the terminal next to the run's own report of
     * the full heap. The run reports its outcome from its own thread, so this one dies quietly.
     */
    private static Thread helper(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> { });
        return t;
    }

    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
