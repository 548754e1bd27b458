package io.finalspec.distributed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

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
     * Settings: the number of members to wait for (and how long), the bytes per batch, a progress
     * listener and a per-level listener.
     */
    public record Options(int members, long joinMillis, int batchBytes, ExploreListener listener, LevelListener levels) {
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
            return new Options(1, 60_000, 1 << 16, ExploreListener.NONE, null);
        }

        public Options withMembers(int n) {
            return new Options(n, joinMillis, batchBytes, listener, levels);
        }

        public Options withJoinMillis(long ms) {
            return new Options(members, ms, batchBytes, listener, levels);
        }

        public Options withBatchBytes(int b) {
            return new Options(members, joinMillis, b, listener, levels);
        }

        public Options withListener(ExploreListener l) {
            return new Options(members, joinMillis, batchBytes, l, levels);
        }

        public Options withLevels(LevelListener l) {
            return new Options(members, joinMillis, batchBytes, listener, l);
        }
    }

    /** The result, as the single-machine explorer gives it, with the run's figures. */
    public record Result(ExploreResult result, int members, boolean packedStates, List<LevelStats> levels) {
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
        List<Member> members = awaitMembers();
        String runId = UUID.randomUUID().toString();
        AtomicReference<Member> lost = new AtomicReference<>();
        UUID registration = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {
            }

            @Override
            public void memberRemoved(MembershipEvent e) {
                if (members.contains(e.getMember())) {
                    lost.compareAndSet(null, e.getMember());
                }
            }
        });
        Coordinator c = new Coordinator(runId, members, lost);
        try {
            return c.search();
        } finally {
            hz.getCluster().removeMembershipListener(registration);
            c.finishQuietly();
        }
    }

    private List<Member> awaitMembers() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.joinMillis());
        while (true) {
            List<Member> data = new ArrayList<>();
            for (Member m : hz.getCluster().getMembers()) {
                if (!m.isLiteMember()) {
                    data.add(m);
                }
            }
            if (data.size() >= options.members()) {
                return data;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + data.size() + " of " + options.members()
                        + " members joined cluster " + hz.getConfig().getClusterName() + " within "
                        + options.joinMillis() / 1000 + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for members", e);
            }
        }
    }

    /** One run: the level loop and the reconstruction of a counterexample. */
    private final class Coordinator {
        final String runId;
        final List<Member> members;
        final AtomicReference<Member> lost;
        final IExecutorService control = hz.getExecutorService(CONTROL);
        final Worker local = (Worker) hz.getConfig().getUserContext().get(Worker.KEY);
        final List<LevelStats> levels = new ArrayList<>();
        final long start = System.nanoTime();
        long generated;
        long distinct;
        int depth;
        int level;

        Coordinator(String runId, List<Member> members, AtomicReference<Member> lost) {
            this.runId = runId;
            this.members = members;
            this.lost = lost;
        }

        Result search() {
            List<UUID> ids = new ArrayList<>();
            members.forEach(m -> ids.add(m.getUuid()));
            Tasks.StartArgs args = new Tasks.StartArgs(runId, ids, local.identity(), options.batchBytes());
            for (String refusal : onAll(() -> new Tasks.Start(args))) {
                if (refusal != null) {
                    throw new IllegalArgumentException(refusal);
                }
            }
            long t0 = System.nanoTime();
            Reports.Expansion seed = local.seed(runId);
            Totals init = advance(List.of(seed), t0);
            Reports.Failure failure = firstFailure(List.of(seed), init.arrivalFailures());
            depth = init.queued() == 0 && failure == null ? 0 : 1;
            if (failure != null) {
                return finish(failure, init.queued());
            }
            long queued = init.queued();
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
                }
            }
            return finish(null, 0);
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
            return new Result(r, members.size(), new StateBytes(machine).packed(), List.copyOf(levels));
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
                    long[] p = await(control.submitToMember(new Tasks.Parent(runId, fp), owner));
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

        /** Runs one task per member (in member order) and waits for every answer. */
        private <T> List<T> onAll(java.util.function.Supplier<Tasks.Task<T>> task) {
            List<Future<T>> fs = new ArrayList<>();
            for (Member m : members) {
                fs.add(control.submitToMember(task.get(), m));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(await(f));
            }
            return out;
        }

        private <T> T await(Future<T> f) {
            while (true) {
                Member gone = lost.get();
                if (gone != null) {
                    throw lostMember(gone, null);
                }
                try {
                    return f.get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // check for a lost member, then wait again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                } catch (ExecutionException e) {
                    if (causedByLostMember(e) || lost.get() != null) {
                        throw lostMember(lost.get(), e.getCause());
                    }
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        }

        /**
         * Whether {@code e} comes from a lost member: Hazelcast reports it as a member that left, a
         * target that is no member, or a dropped connection, possibly wrapped by a member that
         * could not deliver a batch. Waits a little for the membership listener to name it.
         */
        private boolean causedByLostMember(ExecutionException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String name = t.getClass().getSimpleName();
                if (name.equals("MemberLeftException") || name.equals("TargetNotMemberException")
                        || name.equals("TargetDisconnectedException") || name.equals("HazelcastInstanceNotActiveException")) {
                    waitForMembershipChange();
                    return true;
                }
            }
            return false;
        }

        private void waitForMembershipChange() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (lost.get() == null && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private MemberLostException lostMember(Member m, Throwable cause) {
            return new MemberLostException((m == null ? "a member" : "member " + m.getAddress()) + " left the cluster while level " + level
                    + " was being explored; its states were only on that member, so the run stops without a result", cause);
        }

        void finishQuietly() {
            for (Member m : members) {
                if (lost.get() == null || !lost.get().equals(m)) {
                    try {
                        control.submitToMember(new Tasks.Finish(runId), m);
                    } catch (RuntimeException ignored) {
                        // a member that is gone has nothing to free
                    }
                }
            }
        }
    }
}
