package io.finalspec.distributed;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.hazelcast.core.HazelcastInstance;

/**
 * TLC's labelled state graph compared with the machine over the members of a Hazelcast cluster,
 * states owned by TLC's fingerprint as in {@link DistributedExplorer}. The coordinator reads the
 * graph (this object is fed by the graph's reader) and sends each state to its owner, which parses
 * it and starts its balance with the machine's successors ({@link PrintedStates}); each transition
 * goes to the owner of its target. Once the graph is read, every member resolves the transitions
 * to its states (it alone knows their VIEW fingerprints) and sends their hashes to the owners of
 * their sources, which subtract them: then every state whose balance is not zero is a mismatch,
 * and the first in TLC's order (each state carries its position in the graph) is the one the
 * single-machine comparison reports. Only states' texts and 8-byte hashes cross the network; the
 * coordinator keeps no per-state table.
 */
public final class DistributedGraph implements AutoCloseable {
    /**
     * The comparison summed over the members: states and machine transitions, the TLC fingerprint
     * of the first state in TLC's order whose successors differ (when {@code unbalanced}), the VIEW
     * fingerprints of TLC's initial states, why TLC's graph could not be compared (or null), and
     * the bytes and batches sent from one member to another (the coordinator's states and
     * transitions, the members' resolved transitions).
     */
    public record Tally(long states, long transitions, boolean unbalanced, long firstUnbalanced, Set<Long> initialViews,
                        String failure, int members, long bytesSent, long batchesSent) {
    }

    private final Control control;
    private final String id = UUID.randomUUID().toString();
    private final Outbox states;
    private final Outbox edges;
    private long order;

    /** {@code hz}: a member started by {@link Members#start}; it coordinates. Waits up to {@code joinMillis} for {@code members}. */
    public DistributedGraph(HazelcastInstance hz, int members, long joinMillis, int batchBytes) {
        this.control = new Control(hz, members, joinMillis);
        try {
            Worker local = (Worker) hz.getConfig().getUserContext().get(Worker.KEY);
            control.checkIdentity(local.identity());
            List<UUID> ids = control.ids();
            control.onAll(() -> new Tasks.Graph(id, Tasks.Graph.Op.START, null, ids, batchBytes));
            List<com.hazelcast.cluster.Member> all = control.members();
            int self = control.self();
            this.states = new Outbox(hz, all, self, batchBytes, b -> new Tasks.Graph(id, Tasks.Graph.Op.STATES, b),
                b -> local.graph(id).states(b), control::await);
            this.edges = new Outbox(hz, all, self, batchBytes, b -> new Tasks.Graph(id, Tasks.Graph.Op.EDGES, b),
                b -> local.graph(id).edges(b), control::await);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** A state TLC printed, as {@code printed}, initial or not. */
    public void state(long fp, String printed, boolean initial) {
        int owner = Worker.owner(fp, control.members().size());
        byte[] text = printed.getBytes(StandardCharsets.UTF_8);
        ByteBuf b = states.to(owner);
        b.putLong(fp);
        b.putLong(order++);
        b.putVarInt(initial ? 1 : 0);
        b.putVarInt(text.length);
        b.put(text, 0, text.length);
        states.written(owner);
    }

    /** A transition of TLC's graph, by the action named {@code action}. */
    public void transition(long from, long to, String action) {
        int owner = Worker.owner(to, control.members().size());
        ByteBuf b = edges.to(owner);
        b.putLong(from);
        b.putLong(to);
        b.putLong(PrintedStates.actionHash(action));
        edges.written(owner);
    }

    /** Once the whole graph was fed: resolves every transition on every member and sums their tallies. */
    public Tally finish() {
        states.flush();
        edges.flush();
        control.onAll(() -> new Tasks.Graph(id, Tasks.Graph.Op.RESOLVE, null));
        long n = 0;
        long transitions = 0;
        long first = -1;
        long firstFp = 0;
        Set<Long> init = new HashSet<>();
        String failure = null;
        long bytes = states.bytesSent() + edges.bytesSent();
        long batches = states.batchesSent() + edges.batchesSent();
        for (Object o : control.onAll(() -> new Tasks.Graph(id, Tasks.Graph.Op.TALLY, null))) {
            GraphShare.Tally t = (GraphShare.Tally) o;
            n += t.states();
            transitions += t.transitions();
            if (t.firstOrdinal() >= 0 && (first < 0 || t.firstOrdinal() < first)) {
                first = t.firstOrdinal();
                firstFp = t.firstFp();
            }
            for (long v : t.initViews()) {
                init.add(v);
            }
            failure = failure != null ? failure : t.failure();
            bytes += t.bytesSent();
            batches += t.batchesSent();
        }
        return new Tally(n, transitions, first >= 0, firstFp, init, failure, control.members().size(), bytes, batches);
    }

    @Override
    public void close() {
        control.tellAll(() -> new Tasks.Graph(id, Tasks.Graph.Op.FINISH, null));
        control.close();
    }
}
