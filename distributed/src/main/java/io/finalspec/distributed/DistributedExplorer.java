package io.finalspec.distributed;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Future;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import io.finalspec.runtime.explore.ExploreListener;
import io.finalspec.runtime.explore.ExploreResult;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.explore.Paths;
import io.finalspec.runtime.explore.PropertyCoverage;
import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateBytes;
import io.finalspec.runtime.trace.Trace;

/**
 * Breadth-first exploration over the members of a Hazelcast cluster, with TLC's counting (the
 * single-machine {@link io.finalspec.runtime.explore.BfsExplorer}'s).
 *
 * <p>Each state is owned by one member, chosen by a hash of its fingerprint; the owner keeps its
 * fingerprint and its parent's in a {@link io.finalspec.runtime.explore.FingerprintSet}, and the
 * state itself (as bytes) while it waits in the owner's share of the level. The search is
 * level-synchronous, driven by this coordinator (itself a member): every member expands its share
 * of level k and sends each successor, batched, to the successor's owner; a member's expansion
 * ends only when all its batches are acknowledged, so when every member has answered, level k+1
 * is complete everywhere (termination detection is this barrier: the search ends at the first
 * empty level). The barrier costs one round trip per level, and buys exactly TLC's depth, the
 * shortest counterexample (a level holds only states at that distance), and counts that cannot
 * depend on timing. Invariants are checked by the owner when a state is first seen; deadlock,
 * constraints and implied actions by the member that expands the state.
 *
 * <p>A counterexample is rebuilt from the parents: the coordinator asks each state's owner for
 * its parent back to an initial state, then replays the path in its own machine.
 */
public final class DistributedExplorer {
    /** Name of the Hazelcast executor that runs the coordinator's tasks on each member. */
    static final String CONTROL = "finalspec-control";

    /** Per-level figures, for progress and for the measurements of docs/scale-out.md. */
    public record LevelStats(int level, long expanded, long generated, long distinct, long queued, long statesSent,
                             long statesKept, long bytesSent, long batchesSent, long queueBytes, double seconds) {
    }

    /** Called on the coordinator after each level. */
    @FunctionalInterface
    public interface LevelListener {
        void levelDone(LevelStats stats);
    }

    /**
     * Checkpoints of a run: written to {@code dir} at a level boundary once {@code everySeconds}
     * have passed since the last (0: at every level); with {@code resume}, the run first resumes
     * from the checkpoint in {@code dir} and goes on writing there. {@code sources} names what the
     * machine was built from (digests of the spec and config): a checkpoint records it with the
     * machine's identity, and a resumed run's must be the same (two configs that differ only in a
     * constant can give machines with the same variables, actions and initial states).
     */
    public record Checkpoints(Path dir, double everySeconds, boolean resume, String sources) {
        public Checkpoints {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(sources, "sources");
            if (everySeconds < 0) {
                throw new IllegalArgumentException("everySeconds must be >= 0, was " + everySeconds);
            }
        }
    }

    /**
     * Settings: the number of members to wait for (and how long), the bytes per batch, a progress
     * listener, a per-level listener and the checkpoints (null: none).
     */
    public record Options(int members, long joinMillis, int batchBytes, ExploreListener listener, LevelListener levels,
                          Checkpoints checkpoints) {
        public Options {
            if (members < 1) {
                throw new IllegalArgumentException("members must be >= 1, was " + members);
            }
            if (batchBytes < 64) {
                throw new IllegalArgumentException("batchBytes must be >= 64, was " + batchBytes);
            }
            listener = listener == null ? ExploreListener.NONE : listener;
            levels = levels == null ? s -> { } : levels;
        }

        public static Options defaults() {
            return new Options(1, 60_000, 1 << 16, ExploreListener.NONE, null, null);
        }

        public Options withMembers(int n) {
            return new Options(n, joinMillis, batchBytes, listener, levels, checkpoints);
        }

        public Options withJoinMillis(long ms) {
            return new Options(members, ms, batchBytes, listener, levels, checkpoints);
        }

        public Options withBatchBytes(int b) {
            return new Options(members, joinMillis, b, listener, levels, checkpoints);
        }

        public Options withListener(ExploreListener l) {
            return new Options(members, joinMillis, batchBytes, l, levels, checkpoints);
        }

        public Options withLevels(LevelListener l) {
            return new Options(members, joinMillis, batchBytes, listener, l, checkpoints);
        }

        public Options withCheckpoints(Checkpoints c) {
            return new Options(members, joinMillis, batchBytes, listener, levels, c);
        }
    }

    /**
     * The result, as the single-machine explorer gives it, with the run's figures: the levels
     * explored by this run, where it resumed (null when it did not), and the checkpoints it wrote
     * and the seconds they took.
     */
    public record Result(ExploreResult result, int members, boolean packedStates, List<LevelStats> levels,
                         Checkpoint.Position resumedAt, int checkpoints, double checkpointSeconds) {
        /** Bytes sent between members per state sent (states kept by their generator are not sent). */
        public double bytesPerState() {
            long bytes = 0;
            long states = 0;
            for (LevelStats l : levels) {
                bytes += l.bytesSent();
                states += l.statesSent();
            }
            return states == 0 ? 0 : (double) bytes / states;
        }
    }

    private final HazelcastInstance hz;
    private final Machine machine;
    private final Options options;

    /** {@code hz}: a member started by {@link Members#start} with {@code machine}; it coordinates. */
    public DistributedExplorer(HazelcastInstance hz, Machine machine, Options options) {
        this.hz = hz;
        this.machine = machine;
        this.options = options;
    }

    public Result run() {
        try (Control control = new Control(hz, options.members(), options.joinMillis())) {
            Coordinator c = new Coordinator(UUID.randomUUID().toString(), control);
            control.onLoss(c::lostMember);
            try {
                return c.search();
            } finally {
                control.tellAll(() -> new Tasks.Finish(c.runId));
            }
        }
    }

    /** One run: the level loop and the reconstruction of a counterexample. */
    private final class Coordinator {
        final String runId;
        final Control control;
        final List<Member> members;
        final Worker local = (Worker) hz.getConfig().getUserContext().get(Worker.KEY);
        final List<LevelStats> levels = new ArrayList<>();
        final long start = System.nanoTime();
        Checkpoint checkpoint;
        Checkpoint.Position resumedAt;
        long lastCheckpoint = System.nanoTime();
        int checkpointsWritten;
        long checkpointNanos;
        long generated;
        long distinct;
        int depth;
        int level;

        Coordinator(String runId, Control control) {
            this.runId = runId;
            this.control = control;
            this.members = control.members();
        }

        Result search() {
            String identity = local.identity();
            Checkpoints cp = options.checkpoints();
            if (cp != null) {
                String recorded = cp.sources() + " | " + identity;
                checkpoint = cp.resume() ? Checkpoint.open(cp.dir(), recorded) : Checkpoint.create(cp.dir(), recorded);
            }
            Tasks.StartArgs args = new Tasks.StartArgs(runId, control.ids(), identity, options.batchBytes(), checkpoint != null);
            for (String refusal : onAll(() -> new Tasks.Start(args))) {
                if (refusal != null) {
                    throw new IllegalArgumentException(refusal);
                }
            }
            long queued;
            Reports.Failure failure;
            if (cp != null && cp.resume()) {
                queued = restore();
            } else {
                long t0 = System.nanoTime();
                Reports.Expansion seed = local.seed(runId);
                Totals init = advance(List.of(seed), t0);
                failure = firstFailure(List.of(seed), init.arrivalFailures());
                // As the single machine: initial states that could not be computed (no state, no path) are an error at
                // depth 0; otherwise they are level 1, even when there are none (TLC's depth of a model without states)
                boolean noInitialStates = failure != null && failure.state() == null && failure.pathFp() == 0;
                depth = noInitialStates ? 0 : 1;
                if (failure != null) {
                    return finish(failure, init.queued());
                }
                queued = init.queued();
                if (queued > 0) {
                    checkpointIfDue(queued);
                }
            }
            while (queued > 0) {
                long started = System.nanoTime();
                List<Reports.Expansion> expansions = onAll(() -> new Tasks.Expand(runId));
                Totals next = advance(expansions, started);
                failure = firstFailure(expansions, next.arrivalFailures());
                if (failure != null) {
                    // As BfsExplorer (and TLC): the depth counts the level of a violating new state
                    // or of states already added from this level.
                    if (next.queued() > 0 || !next.arrivalFailures().isEmpty()) {
                        depth++;
                    }
                    return finish(failure, next.queued());
                }
                queued = next.queued();
                if (queued > 0) {
                    depth++;
                    checkpointIfDue(queued);
                }
            }
            return finish(null, 0);
        }

        /**
         * At a level boundary (every member's seen set and next level are complete): writes a
         * checkpoint when one is due, pulling each member's new pairs and frontier in slices.
         */
        private void checkpointIfDue(long queued) {
            if (checkpoint == null || System.nanoTime() - lastCheckpoint < options.checkpoints().everySeconds() * 1e9) {
                return;
            }
            long t0 = System.nanoTime();
            Checkpoint.Position at = new Checkpoint.Position(level, depth, generated, distinct, queued);
            try {
                checkpoint.write(at, out -> pullAll(false, out), out -> pullAll(true, out));
            } catch (IOException e) {
                throw new Checkpoint.Refused("cannot write the checkpoint in " + checkpoint.dir() + ": " + e);
            }
            onAll(() -> new Tasks.Checkpointed(runId));
            checkpointsWritten++;
            lastCheckpoint = System.nanoTime();
            checkpointNanos += lastCheckpoint - t0;
        }

        private void pullAll(boolean frontier, OutputStream out) throws IOException {
            for (Member m : members) {
                int from = 0;
                while (true) {
                    byte[] slice = await(control.submit(new Tasks.Pull(runId, frontier, from, options.batchBytes()), m));
                    if (slice.length == 0) {
                        break;
                    }
                    out.write(slice);
                    from += slice.length;
                }
            }
        }

        /**
         * Sends every pair and frontier state of the checkpoint to its owner among this run's
         * members, then makes the frontier the current level; the totals must be the checkpoint's.
         */
        private long restore() {
            Checkpoint.Position at = checkpoint.position();
            level = at.level();
            Outbox seen = restoring(false);
            checkpoint.forEachSeen((fp, parent) -> {
                int owner = Worker.owner(fp, members.size());
                ByteBuf b = seen.to(owner);
                b.putLong(fp);
                b.putLong(parent);
                seen.written(owner);
            });
            seen.flush();
            Outbox front = restoring(true);
            checkpoint.forEachFrontier((fp, state) -> {
                int owner = Worker.owner(fp, members.size());
                ByteBuf b = front.to(owner);
                b.putLong(fp);
                b.putVarInt(state.length);
                b.put(state, 0, state.length);
                front.written(owner);
            });
            front.flush();
            long queued = 0;
            long dist = 0;
            for (Reports.Level l : onAll(() -> new Tasks.Advance(runId))) {
                queued += l.queued();
                dist += l.distinct();
            }
            if (queued != at.frontierStates() || dist != at.distinct()) {
                throw new Checkpoint.Refused(checkpoint.dir() + ": the checkpoint restored " + dist + " distinct states and "
                        + queued + " to explore, its index says " + at.distinct() + " and " + at.frontierStates());
            }
            resumedAt = at;
            depth = at.depth();
            generated = at.generated();
            distinct = dist;
            return queued;
        }

        /** Batches of a checkpoint's records, per owner, on their way back to the members. */
        private Outbox restoring(boolean frontier) {
            return new Outbox(hz, members, -1, options.batchBytes(), b -> new Tasks.Restore(runId, frontier, b), b -> { }, this::await);
        }

        /** Totals of a level after its deliveries, from every member. */
        record Totals(long queued, List<Reports.Failure> arrivalFailures) {
        }

        private Totals advance(List<Reports.Expansion> expansions, long started) {
            List<Reports.Level> after = onAll(() -> new Tasks.Advance(runId));
            long queued = 0;
            long dist = 0;
            long queueBytes = 0;
            List<Reports.Failure> arrival = new ArrayList<>();
            for (Reports.Level l : after) {
                queued += l.queued();
                dist += l.distinct();
                queueBytes += l.queueBytes();
                if (l.failure() != null) {
                    arrival.add(l.failure());
                }
            }
            long expanded = 0;
            long gen = 0;
            long sent = 0;
            long kept = 0;
            long bytes = 0;
            long batches = 0;
            for (Reports.Expansion e : expansions) {
                expanded += e.expanded();
                gen += e.generated();
                sent += e.statesSent();
                kept += e.statesKept();
                bytes += e.bytesSent();
                batches += e.batchesSent();
            }
            generated += gen;
            distinct = dist;
            double seconds = (System.nanoTime() - started) / 1e9;
            LevelStats stats = new LevelStats(level++, expanded, gen, dist, queued, sent, kept, bytes, batches, queueBytes, seconds);
            levels.add(stats);
            options.levels().levelDone(stats);
            double total = (System.nanoTime() - start) / 1e9;
            options.listener().progress(new ExploreListener.Progress(generated, distinct, queued, depth, gen / Math.max(1e-9, seconds), total));
            return new Totals(queued, arrival);
        }

        /**
         * The failure to report when a level has several: one found while expanding (a deadlock,
         * an error, a state outside the model) before one found on arrival, which lies a level
         * deeper; among members, the first member's. BfsExplorer with several workers is free in
         * the same way: which of several failures of one level is reported is not fixed.
         */
        private Reports.Failure firstFailure(List<Reports.Expansion> expansions, List<Reports.Failure> arrival) {
            for (Reports.Expansion e : expansions) {
                if (e.failure() != null) {
                    return e.failure();
                }
            }
            return arrival.isEmpty() ? null : arrival.get(0);
        }

        private Result finish(Reports.Failure f, long left) {
            double secs = (System.nanoTime() - start) / 1e9;
            ExploreResult r;
            if (f == null) {
                r = new ExploreResult(generated, distinct, depth, left, secs, Outcome.OK, null);
            } else {
                Outcome o = f.outcome();
                Trace trace;
                try {
                    trace = trace(f);
                } catch (RuntimeException e) {
                    o = new Outcome(o.kind(), o.name(), o.message() + " (no trace: " + Worker.message(e) + ")");
                    trace = null;
                }
                r = new ExploreResult(generated, distinct, depth, left, secs, o, trace);
            }
            r = r.withNotChecked(PropertyCoverage.beyondSafety(machine));
            options.listener().finished(r);
            return new Result(r, members.size(), new StateBytes(machine).packed(), List.copyOf(levels), resumedAt,
                    checkpointsWritten, checkpointNanos / 1e9);
        }

        /** The path to the failure: parents from their owners, then a replay in this machine. */
        private Trace trace(Reports.Failure f) {
            List<Trace.Step> steps = new ArrayList<>();
            if (f.pathFp() != 0) {
                List<Long> fps = new ArrayList<>();
                long fp = f.pathFp();
                while (fp != 0) {
                    fps.add(fp);
                    Member owner = members.get(Worker.owner(fp, members.size()));
                    long[] p = await(control.submit(new Tasks.Parent(runId, fp), owner));
                    if (p[0] == 0) {
                        throw new IllegalStateException("fingerprint " + Long.toHexString(fp) + " is not on its owner");
                    }
                    fp = p[1];
                }
                Collections.reverse(fps);
                steps.addAll(Paths.replay(machine, fps).steps());
            }
            if (f.state() != null) {
                State bad = new StateBytes(machine).decode(f.state(), 0);
                steps.add(new Trace.Step(steps.isEmpty() ? null : labelOf(steps.get(steps.size() - 1).state(), bad), bad));
            }
            return steps.isEmpty() ? null : new Trace(machine.variables(), steps);
        }

        /** The label of the first transition from {@code from} to {@code to}. */
        private ActionLabel labelOf(State from, State to) {
            ActionLabel[] label = new ActionLabel[1];
            machine.successors(from, (l, t) -> {
                if (label[0] == null && t.equals(to)) {
                    label[0] = l;
                }
            });
            if (label[0] == null) {
                throw new IllegalStateException("the violating state is not a successor of the last state of its path");
            }
            return label[0];
        }

        private <T> List<T> onAll(java.util.function.Supplier<Tasks.Task<T>> task) {
            return control.onAll(task);
        }

        private <T> T await(Future<T> f) {
            return control.await(f);
        }

        MemberLostException lostMember(Member m, Throwable cause) {
            return new MemberLostException((m == null ? "a member" : "member " + m.getAddress()) + " left the cluster while level " + level
                    + " was being explored; its states were only on that member, so the run stops without a result. "
                    + resumeAdvice(), cause);
        }

        private String resumeAdvice() {
            if (checkpoint == null) {
                return "No checkpoint was written (--checkpoint DIR writes one at level boundaries).";
            }
            Checkpoint.Position at = checkpoint.position();
            if (at == null) {
                return "No checkpoint was complete yet in " + checkpoint.dir() + ".";
            }
            return "The checkpoint of level " + at.level() + " is in " + checkpoint.dir() + ": resume with --resume " + checkpoint.dir() + ".";
        }
    }
}
