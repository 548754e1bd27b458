package io.finalspec.distributed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import com.hazelcast.core.HazelcastInstance;

/**
 * ITF traces validated over the members of a Hazelcast cluster: consecutive traces are batched
 * (up to {@code batchBytes} of ITF each) and batch {@code k} goes to member {@code k mod n}, a
 * partition by index. Verdicts come back per batch and are handed on in the order of the inputs,
 * so the caller prints exactly what the single machine prints. A few batches per member are in
 * flight at a time: the coordinator reads ahead no further.
 */
public final class DistributedTraces implements AutoCloseable {
    private static final int IN_FLIGHT_PER_MEMBER = 2;

    private final Control control;
    private final int batchBytes;
    private final boolean print;

    /** {@code hz}: a member started by {@link Members#start}; it coordinates. {@code print}: verdicts carry the traces printed. */
    public DistributedTraces(HazelcastInstance hz, int members, long joinMillis, int batchBytes, boolean print) {
        this.control = new Control(hz, members, joinMillis);
        this.batchBytes = batchBytes;
        this.print = print;
        try {
            control.checkIdentity(((Worker) hz.getConfig().getUserContext().get(Worker.KEY)).identity());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private record Sent(List<TraceBatch.Input> inputs, Future<List<TraceBatch.Verdict>> verdicts) {
    }

    /** Checks every input, handing each verdict with its input to {@code verdicts} in input order. */
    public void check(Iterator<TraceBatch.Input> inputs, BiConsumer<TraceBatch.Input, TraceBatch.Verdict> verdicts) {
        int n = control.members().size();
        ArrayDeque<Sent> pending = new ArrayDeque<>();
        List<TraceBatch.Input> batch = new ArrayList<>();
        long bytes = 0;
        long batches = 0;
        while (inputs.hasNext()) {
            TraceBatch.Input in = inputs.next();
            batch.add(in);
            bytes += in.utf8() != null ? in.utf8().length : in.text().length();
            if (bytes >= batchBytes || !inputs.hasNext()) {
                List<TraceBatch.Input> out = List.copyOf(batch);
                pending.add(new Sent(out, control.submit(new Tasks.CheckTraces(out, print), control.members().get((int) (batches++ % n)))));
                batch.clear();
                bytes = 0;
                while (pending.size() >= IN_FLIGHT_PER_MEMBER * n || !inputs.hasNext() && !pending.isEmpty()) {
                    hand(pending.poll(), verdicts);
                }
            }
        }
    }

    private void hand(Sent sent, BiConsumer<TraceBatch.Input, TraceBatch.Verdict> verdicts) {
        List<TraceBatch.Verdict> v = control.await(sent.verdicts());
        for (int i = 0; i < v.size(); i++) {
            verdicts.accept(sent.inputs().get(i), v.get(i));
        }
    }

    public int members() {
        return control.members().size();
    }

    @Override
    public void close() {
        control.close();
    }
}
