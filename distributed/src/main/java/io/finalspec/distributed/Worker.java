package io.finalspec.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import io.finalspec.runtime.explore.Constraints;
import io.finalspec.runtime.explore.FingerprintSet;
import io.finalspec.runtime.explore.Outcome;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.StateBytes;
import io.finalspec.runtime.machine.States;

/**
 * One member's part of a distributed exploration: the machine (compiled on this member), the
 * fingerprints of the states this member owns with their parents, and its share of the current
 * and next breadth-first level. The coordinator drives it through {@link Tasks}; other members
 * deliver successors to it in batches. One run at a time.
 */
public final class Worker {
    /** Where a member's {@link com.hazelcast.config.Config#getUserContext() user context} holds its worker. */
    public static final String KEY = "finalspec.worker";

    private volatile Machine machine;
    private volatile HazelcastInstance hz;
    private volatile Run run;
    private final Map<String, GraphShare> graphs = new java.util.concurrent.ConcurrentHashMap<>();
    private final Consumer<String> runs;

    /** {@code runs} hears of each run this member takes part in, as it starts (such as {@code exploration ID of 3 members}). */
    public Worker(Machine machine, Consumer<String> runs) {
        this.machine = machine;
        this.runs = runs;
    }

    void attach(HazelcastInstance instance) {
        this.hz = instance;
    }

    Machine machine() {
        return machine;
    }

    /** Explores {@code m} from the next run on (embedded members only: they share the coordinator's JVM). */
    void use(Machine m) {
        this.machine = m;
    }

    /**
     * What must agree for two members to explore together: the spec, variables, actions, checks
     * and the fingerprints of the initial states (which differ when a constant does).
     */
    String identity() {
        long[] init = {0, 0};
        String initError = "";
        try {
            machine.initStates(s -> {
                init[0] += States.viewFingerprint(machine, s);
                init[1]++;
            });
        } catch (RuntimeException e) {
            // a false ASSUME, an error in Init: the run reports it (seed), as the single machine does
            initError = " init error " + message(e);
        }
        List<String> checks = new ArrayList<>();
        machine.invariants().forEach(p -> checks.add(p.name()));
        machine.constraints().forEach(p -> checks.add("constraint " + p.name()));
        machine.actionConstraints().forEach(p -> checks.add("action constraint " + p.name()));
        return machine.specName() + " vars " + machine.variables() + " actions " + machine.actionNames() + " checks "
                + checks + " deadlock " + machine.checkDeadlock() + " init " + init[1] + "/" + Long.toHexString(init[0]) + initError;
    }

    /** The state of one run on this member. */
    final class Run {
        final String id;
        final Machine machine = Worker.this.machine;
        final List<Member> members;
        final int self;
        final FingerprintSet seen = new FingerprintSet(1 << 16);
        final Constraints model = new Constraints(this.machine);
        final LongAdder distinct = new LongAdder();
        final AtomicReference<Reports.Failure> arrivalFailure = new AtomicReference<>();
        volatile Frontier current = new Frontier();
        volatile Frontier next = new Frontier();
        final int batchBytes;
        /** The {@code fingerprint, parent} pairs first seen since the last checkpoint; null when the run writes none. */
        final ByteBuf newPairs;

        Run(String id, List<Member> members, int self, int batchBytes, boolean checkpoints) {
            this.id = id;
            this.members = members;
            this.self = self;
            this.batchBytes = batchBytes;
            this.newPairs = checkpoints ? new ByteBuf(1 << 12) : null;
        }

        HazelcastInstance hz() {
            return hz;
        }

        Worker worker() {
            return Worker.this;
        }
    }

    /** Null when this member's {@link #identity} is the coordinator's, else why it cannot take part. */
    String refusal(String coordinatorIdentity) {
        String mine = identity();
        if (mine.equals(coordinatorIdentity)) {
            return null;
        }
        return "member " + hz.getCluster().getLocalMember().getAddress() + " runs another machine or model:\n  its: "
                + mine + "\n  the coordinator's: " + coordinatorIdentity;
    }

    /** Starts run {@code id}; null, or why this member cannot take part. */
    String start(String id, List<UUID> memberIds, String coordinatorIdentity, int batchBytes, boolean checkpoints) {
        String refusal = refusal(coordinatorIdentity);
        if (refusal != null) {
            return refusal;
        }
        List<Member> members = members(memberIds);
        if (members == null) {
            return "a member of the run is no longer in the cluster";
        }
        int self = memberIds.indexOf(hz.getCluster().getLocalMember().getUuid());
        run = new Run(id, members, self, batchBytes, checkpoints);
        runs.accept("exploration " + id + " of " + members.size() + " members");
        return null;
    }

    /** The members of these ids, in their order; null when one is no longer in the cluster. */
    private List<Member> members(List<UUID> ids) {
        Map<UUID, Member> byId = new java.util.HashMap<>();
        for (Member m : hz.getCluster().getMembers()) {
            byId.put(m.getUuid(), m);
        }
        List<Member> members = new ArrayList<>();
        for (UUID u : ids) {
            Member m = byId.get(u);
            if (m == null) {
                return null;
            }
            members.add(m);
        }
        return List.copyOf(members);
    }

    /** Starts this member's share of graph comparison {@code id} among the members {@code ids}. */
    void startGraph(String id, List<UUID> ids, int batchBytes) {
        List<Member> members = members(ids);
        if (members == null) {
            throw new IllegalStateException("a member of the comparison is no longer in the cluster");
        }
        graphs.put(id, new GraphShare(id, machine, members, ids.indexOf(hz.getCluster().getLocalMember().getUuid()), batchBytes));
        runs.accept("graph comparison " + id + " of " + members.size() + " members");
    }

    GraphShare graph(String id) {
        GraphShare g = graphs.get(id);
        if (g == null) {
            throw new IllegalStateException("no graph comparison " + id + " on this member");
        }
        return g;
    }

    void finishGraph(String id) {
        graphs.remove(id);
    }

    /** Sends the hashes of the transitions to this member's states to the owners of their sources. */
    void resolveGraph(String id) {
        GraphShare g = graph(id);
        g.resolve(new Outbox(hz, g.members, g.self, g.batchBytes, b -> new Tasks.Graph(id, Tasks.Graph.Op.SUBTRACT, b),
            g::subtract, Outbox::awaitDelivery));
    }

    void finish(String id) {
        Run r = run;
        if (r != null && r.id.equals(id)) {
            run = null;
        }
    }

    private Run run(String id) {
        Run r = run;
        if (r == null || !r.id.equals(id)) {
            throw new IllegalStateException("no run " + id + " on this member");
        }
        return r;
    }

    /** The member that owns fingerprint {@code fp} among {@code n}: a hash of the fingerprint. */
    static int owner(long fp, int n) {
        long h = (fp ^ (fp >>> 29)) * 0xbf58476d1ce4e5b9L;
        return (int) Long.remainderUnsigned(h ^ (h >>> 32), n);
    }

    /** The initial states: generated here (on the coordinator) and sent to their owners. */
    Reports.Expansion seed(String id) {
        Run r = run(id);
        Machine machine = r.machine;
        StateBytes bytes = new StateBytes(machine);
        Outbox out = Outbox.successors(r);
        long[] generated = {0};
        Reports.Failure[] failure = {null};
        try {
            machine.initStates(s -> {
                if (failure[0] != null) {
                    return;
                }
                generated[0]++;
                if (!r.model.inModel(null, s)) {
                    // As TLC: an initial state outside the model is still checked against the invariants.
                    Outcome bad = violated(r, s, true);
                    if (bad != null) {
                        failure[0] = Reports.Failure.of(bad, 0, bytes.encode(s));
                    }
                    return;
                }
                long fp = States.viewFingerprint(machine, s);
                out.add(owner(fp, r.members.size()), 0, fp, bytes.encode(s));
            });
        } catch (RuntimeException e) {
            failure[0] = Reports.Failure.of(Outcome.error(message(e)), 0, null);
        }
        out.flush();
        return out.report(0, generated[0], failure[0]);
    }

    /** Expands this member's share of the current level, sending each successor to its owner. */
    Reports.Expansion expand(String id) {
        Run r = run(id);
        Machine machine = r.machine;
        StateBytes bytes = new StateBytes(machine);
        Outbox out = Outbox.successors(r);
        int n = r.members.size();
        long[] counts = {0, 0};
        Reports.Failure[] failure = {null};
        r.current.forEach((sFp, data, at) -> {
            State s = bytes.decode(data, at);
            counts[0]++;
            long[] successors = {0};
            try {
                machine.successors(s, (label, t) -> {
                    if (failure[0] != null) {
                        return; // as TLC, which stops counting at the first error
                    }
                    successors[0]++;
                    counts[1]++;
                    boolean inModel = r.model.inModel(s, t);
                    if (!inModel) {
                        Outcome bad = violated(r, t, false);
                        if (bad != null) {
                            failure[0] = Reports.Failure.of(bad, sFp, bytes.encode(t));
                            return;
                        }
                    }
                    // As TLC: implied actions on every transition, to a seen state too.
                    if (r.model.hasImpliedActions()) {
                        Outcome bad = violatedAction(r, s, t);
                        if (bad != null) {
                            failure[0] = Reports.Failure.of(bad, sFp, bytes.encode(t));
                            return;
                        }
                    }
                    if (inModel) {
                        long fp = States.viewFingerprint(machine, t);
                        out.add(owner(fp, n), sFp, fp, bytes.encode(t));
                    }
                });
            } catch (RuntimeException e) {
                failure[0] = Reports.Failure.of(Outcome.error(message(e)), sFp, null);
            }
            if (successors[0] == 0 && failure[0] == null && machine.checkDeadlock()) {
                failure[0] = Reports.Failure.of(Outcome.deadlock(), sFp, null);
            }
            return failure[0] == null;
        });
        out.flush();
        return out.report(counts[0], counts[1], failure[0]);
    }

    /**
     * A batch of successors for states this member owns: each new one enters the seen set with its
     * parent, is checked against the invariants (as TLC checks a state when it is first seen) and
     * queued for the next level.
     */
    void deliver(String id, byte[] batch) {
        Run r = run(id);
        Machine machine = r.machine;
        StateBytes bytes = new StateBytes(machine);
        int[] pos = {0};
        while (pos[0] < batch.length) {
            long parent = ByteBuf.getLong(batch, pos[0]);
            long fp = ByteBuf.getLong(batch, pos[0] + Long.BYTES);
            pos[0] += 2 * Long.BYTES;
            int len = ByteBuf.getVarInt(batch, pos);
            int at = pos[0];
            pos[0] += len;
            if (!r.seen.put(fp, parent)) {
                continue;
            }
            r.distinct.increment();
            if (r.newPairs != null) {
                synchronized (r.newPairs) {
                    r.newPairs.putLong(fp);
                    r.newPairs.putLong(parent);
                }
            }
            State t = bytes.decode(batch, at);
            Outcome bad = violated(r, t, parent == 0); // an initial state comes without a parent
            if (bad != null) {
                r.arrivalFailure.compareAndSet(null, Reports.Failure.of(bad, parent, java.util.Arrays.copyOfRange(batch, at, at + len)));
                continue;
            }
            r.next.add(fp, batch, at, len);
        }
    }

    /** Ends a level on this member: the next level becomes the current one. */
    Reports.Level advance(String id) {
        Run r = run(id);
        r.current = r.next;
        r.next = new Frontier();
        return new Reports.Level(r.current.count(), r.distinct.sum(), r.current.bytes(), r.arrivalFailure.get());
    }

    /** A slice of the pairs first seen since the last checkpoint, from byte {@code from}: whole pairs, at most {@code maxBytes}. */
    byte[] newPairs(String id, int from, int maxBytes) {
        Run r = run(id);
        synchronized (r.newPairs) {
            int end = from + Math.min(r.newPairs.size() - from, maxBytes / 16 * 16);
            return java.util.Arrays.copyOfRange(r.newPairs.array(), from, end);
        }
    }

    /** A slice of this member's share of the level about to be expanded (whole records, from byte {@code from}). */
    byte[] frontier(String id, int from, int maxBytes) {
        return run(id).current.slice(from, maxBytes);
    }

    /** A checkpoint holds the pairs seen so far: the next one starts empty. */
    void checkpointed(String id) {
        Run r = run(id);
        synchronized (r.newPairs) {
            r.newPairs.clear();
        }
    }

    /** Pairs from a checkpoint that this member owns: seen, not queued, not checked again. */
    void restoreSeen(String id, byte[] pairs) {
        Run r = run(id);
        for (int at = 0; at < pairs.length; at += 2 * Long.BYTES) {
            if (r.seen.put(ByteBuf.getLong(pairs, at), ByteBuf.getLong(pairs, at + Long.BYTES))) {
                r.distinct.increment();
            }
        }
    }

    /** States of a checkpoint's frontier that this member owns, as frontier records: queued for the next {@link #advance}. */
    void restoreFrontier(String id, byte[] records) {
        Run r = run(id);
        int[] pos = {0};
        while (pos[0] < records.length) {
            long fp = ByteBuf.getLong(records, pos[0]);
            pos[0] += Long.BYTES;
            int len = ByteBuf.getVarInt(records, pos);
            r.next.add(fp, records, pos[0], len);
            pos[0] += len;
        }
    }

    /** {@code {1, parent}} when this member has seen {@code fp}, else {@code {0, 0}}. */
    long[] parent(String id, long fp) {
        Run r = run(id);
        return r.seen.contains(fp) ? new long[] {1, r.seen.parent(fp)} : new long[] {0, 0};
    }

    private Outcome violated(Run r, State s, boolean initial) {
        try {
            return initial ? r.model.violatedInitially(s) : r.model.violated(s);
        } catch (RuntimeException e) {
            return Outcome.error(message(e));
        }
    }

    private Outcome violatedAction(Run r, State s, State t) {
        try {
            return r.model.violatedAction(s, t);
        } catch (RuntimeException e) {
            return Outcome.error(message(e));
        }
    }

    static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m;
    }
}
