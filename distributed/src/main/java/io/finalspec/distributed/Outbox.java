package io.finalspec.distributed;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

/**
 * Records batched per owner among a run's members: a record is written into its owner's buffer
 * ({@link #to}), and the batch goes out once it holds {@code batchBytes} (and at {@link #flush}).
 * The records for the sending member itself ({@code self}) are handed over without a network hop.
 * At most {@link #IN_FLIGHT} batches wait for their acknowledgement at a time, so a slow owner
 * slows its senders instead of filling their heaps. {@link #flush} returns once every batch is
 * acknowledged: after it, the owners hold every record (the barriers of a level rely on that).
 * Members send successors with it; the coordinator sends a checkpoint's records back to their
 * owners, and TLC's graph to the members that compare it.
 */
final class Outbox {
    static final int IN_FLIGHT = 32;
    /** Name of the Hazelcast executor that runs deliveries (one per member, a few threads). */
    static final String DELIVERY = "finalspec-delivery";

    private final List<Member> members;
    private final int self;
    private final int batchBytes;
    private final Function<byte[], Tasks.Task<Object>> remote;
    private final Consumer<byte[]> local;
    private final Consumer<Future<Object>> await;
    private final ByteBuf[] buffers;
    private final IExecutorService executor;
    private final ArrayDeque<Future<Object>> pending = new ArrayDeque<>();
    private final long[] records;
    private long bytesSent;
    private long batchesSent;

    /**
     * @param self   the index of the sending member among {@code members} (-1: not one of them)
     * @param remote the task that delivers a batch to its owner
     * @param local  what becomes of the sender's own batches
     * @param await  waits for a delivery's acknowledgement, throwing when it failed
     */
    Outbox(HazelcastInstance hz, List<Member> members, int self, int batchBytes, Function<byte[], Tasks.Task<Object>> remote,
           Consumer<byte[]> local, Consumer<Future<Object>> await) {
        this.members = members;
        this.self = self;
        this.batchBytes = batchBytes;
        this.remote = remote;
        this.local = local;
        this.await = await;
        int n = members.size();
        this.buffers = new ByteBuf[n];
        for (int i = 0; i < n; i++) {
            buffers[i] = new ByteBuf(Math.min(batchBytes, 1 << 16) + 64);
        }
        this.records = new long[n];
        this.executor = hz.getExecutorService(DELIVERY);
    }

    /** The successors of one member's expansion, delivered to their owners' {@link Worker#deliver}. */
    static Outbox successors(Worker.Run run) {
        return new Outbox(run.hz(), run.members, run.self, run.batchBytes, b -> new Tasks.Deliver(run.id, b),
            b -> run.worker().deliver(run.id, b), Outbox::awaitDelivery);
    }

    /** The buffer of {@code owner}'s next record; call {@link #written} after writing it. */
    ByteBuf to(int owner) {
        return buffers[owner];
    }

    /** One record was written to {@code owner}'s buffer: sends the batch when it is full. */
    void written(int owner) {
        records[owner]++;
        if (buffers[owner].size() >= batchBytes) {
            send(owner);
        }
    }

    /** A successor {@code fp} of {@code parent}, for {@link Worker#deliver}. */
    void add(int owner, long parent, long fp, byte[] state) {
        ByteBuf b = buffers[owner];
        b.putLong(parent);
        b.putLong(fp);
        b.putVarInt(state.length);
        b.put(state, 0, state.length);
        written(owner);
    }

    private void send(int owner) {
        ByteBuf b = buffers[owner];
        if (b.size() == 0) {
            return;
        }
        byte[] batch = b.toByteArray();
        b.clear();
        if (owner == self) {
            local.accept(batch);
            return;
        }
        bytesSent += batch.length;
        batchesSent++;
        pending.add(executor.submitToMember(remote.apply(batch), members.get(owner)));
        while (pending.size() > IN_FLIGHT) {
            await.accept(pending.poll());
        }
    }

    /** Sends what is left and waits until every batch is acknowledged. */
    void flush() {
        for (int i = 0; i < buffers.length; i++) {
            send(i);
        }
        while (!pending.isEmpty()) {
            await.accept(pending.poll());
        }
    }

    long bytesSent() {
        return bytesSent;
    }

    long batchesSent() {
        return batchesSent;
    }

    Reports.Expansion report(long expanded, long generated, Reports.Failure failure) {
        long sent = 0;
        for (int i = 0; i < records.length; i++) {
            if (i != self) {
                sent += records[i];
            }
        }
        return new Reports.Expansion(expanded, generated, sent, self < 0 ? 0 : records[self], bytesSent, batchesSent, failure);
    }

    /** Waits for a delivery between members; a lost owner surfaces here, and the coordinator turns it into MemberLostException. */
    static void awaitDelivery(Future<Object> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a batch", e);
        } catch (ExecutionException e) {
            throw new Undelivered("a batch was not delivered: " + e.getCause(), e.getCause());
        }
    }

    /** A batch its owner did not acknowledge: most often a lost owner, which Hazelcast may report first as this. */
    static final class Undelivered extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Undelivered(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
