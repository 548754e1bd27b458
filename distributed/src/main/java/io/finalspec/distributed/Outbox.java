package io.finalspec.distributed;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import com.hazelcast.core.IExecutorService;

/**
 * The successors one member generates, batched per owner: a batch goes out once it holds
 * {@code batchBytes} (and at the end of the level). A member is its own owner for about 1/n of
 * its successors, which it keeps without a network hop. At most {@link #IN_FLIGHT} batches wait
 * for their acknowledgement at a time, so a slow owner slows its senders instead of filling
 * their heaps. {@link #flush} returns once every batch is acknowledged: after it, the owners hold
 * every successor this member generated (the level barrier relies on that).
 */
final class Outbox {
    static final int IN_FLIGHT = 32;
    /** Name of the Hazelcast executor that runs deliveries (one per member, a few threads). */
    static final String DELIVERY = "finalspec-delivery";

    private final Worker.Run run;
    private final ByteBuf[] buffers;
    private final IExecutorService executor;
    private final ArrayDeque<Future<Object>> pending = new ArrayDeque<>();
    private final long[] states;
    private long bytesSent;
    private long batchesSent;

    Outbox(Worker.Run run) {
        this.run = run;
        int n = run.members.size();
        this.buffers = new ByteBuf[n];
        for (int i = 0; i < n; i++) {
            buffers[i] = new ByteBuf(Math.min(run.batchBytes, 1 << 16) + 64);
        }
        this.states = new long[n];
        this.executor = run.hz().getExecutorService(DELIVERY);
    }

    void add(int owner, long parent, long fp, byte[] state) {
        ByteBuf b = buffers[owner];
        b.putLong(parent);
        b.putLong(fp);
        b.putVarInt(state.length);
        b.put(state, 0, state.length);
        states[owner]++;
        if (b.size() >= run.batchBytes) {
            send(owner);
        }
    }

    private void send(int owner) {
        ByteBuf b = buffers[owner];
        if (b.size() == 0) {
            return;
        }
        byte[] batch = b.toByteArray();
        b.clear();
        if (owner == run.self) {
            run.worker().deliver(run.id, batch);
            return;
        }
        bytesSent += batch.length;
        batchesSent++;
        pending.add(executor.submitToMember(new Tasks.Deliver(run.id, batch), run.members.get(owner)));
        while (pending.size() > IN_FLIGHT) {
            await(pending.poll());
        }
    }

    /** Sends what is left and waits until every batch is acknowledged. */
    void flush() {
        for (int i = 0; i < buffers.length; i++) {
            send(i);
        }
        while (!pending.isEmpty()) {
            await(pending.poll());
        }
    }

    Reports.Expansion report(long expanded, long generated, Reports.Failure failure) {
        long sent = 0;
        for (int i = 0; i < states.length; i++) {
            if (i != run.self) {
                sent += states[i];
            }
        }
        return new Reports.Expansion(expanded, generated, sent, states[run.self], bytesSent, batchesSent, failure);
    }

    private static void await(Future<Object> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a batch", e);
        } catch (ExecutionException e) {
            // a lost owner surfaces here; the coordinator turns it into MemberLostException
            throw new IllegalStateException("a batch was not delivered: " + e.getCause(), e.getCause());
        }
    }
}
