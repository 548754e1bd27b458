package io.finalspec.distributed;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.hazelcast.cluster.Member;

import io.finalspec.runtime.explore.FingerprintSet;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.machine.States;
import io.finalspec.runtime.value.TlaEvalException;

/**
 * One member's share of a distributed graph comparison: the states of TLC's graph whose TLC
 * fingerprint it owns, each with its order in TLC's dump, the machine's VIEW fingerprint of it and
 * its {@link PrintedStates balance}, and the transitions whose target it owns, kept until every
 * state is declared. Then each such transition is resolved (its target's VIEW fingerprint is
 * known here) and its hash sent to the owner of its source, which subtracts it. Batches arrive on
 * several delivery threads: the tables are guarded by this object; parsing a state and computing
 * its successors are not.
 */
final class GraphShare {
    /** The first states this share lists when TLC's graph names states it never printed. */
    private static final int LISTED = 10;

    /** What a member reports once every transition is resolved. */
    record Tally(long states, long transitions, long firstOrdinal, long firstFp, long[] initViews, String failure, long bytesSent,
                 long batchesSent) implements Serializable {
    }

    final String id;
    final List<Member> members;
    final int self;
    final int batchBytes;
    private final Machine machine;
    private final PrintedStates printed;
    private final FingerprintSet slots = new FingerprintSet(1 << 12);
    private long[] ordinal = new long[1 << 10];
    private long[] tlcFp = new long[1 << 10];
    private long[] view = new long[1 << 10];
    private long[] balance = new long[1 << 10];
    private int[] count = new int[1 << 10];
    private int size;
    private long transitions;
    private final Set<Long> initial = new HashSet<>();
    private final ByteBuf edges = new ByteBuf(1 << 12);
    private final Set<Long> unprinted = new TreeSet<>();
    private String failure;
    private long bytesSent;
    private long batchesSent;

    GraphShare(String id, Machine machine, List<Member> members, int self, int batchBytes) {
        this.id = id;
        this.members = members;
        this.self = self;
        this.batchBytes = batchBytes;
        this.machine = machine;
        this.printed = new PrintedStates(machine);
    }

    /** Records {@code fp, ordinal, initial (1 byte), length, UTF-8 text}: states TLC printed. */
    void states(byte[] batch) {
        int[] pos = {0};
        while (pos[0] < batch.length) {
            long fp = ByteBuf.getLong(batch, pos[0]);
            long order = ByteBuf.getLong(batch, pos[0] + Long.BYTES);
            boolean init = batch[pos[0] + 2 * Long.BYTES] != 0;
            pos[0] += 2 * Long.BYTES + 1;
            int len = ByteBuf.getVarInt(batch, pos);
            String text = new String(batch, pos[0], len, StandardCharsets.UTF_8);
            pos[0] += len;
            declare(fp, order, init, text);
        }
    }

    private void declare(long fp, long order, boolean init, String text) {
        State s;
        try {
            s = printed.parse(text);
        } catch (TlaEvalException e) {
            fail("a state in TLC's graph dump: " + e.getMessage());
            return;
        }
        long v = States.viewFingerprint(machine, s);
        long[] succ = printed.successors(s);
        synchronized (this) {
            if (init) {
                initial.add(fp);
            }
            if (slots.contains(fp)) {
                int slot = (int) slots.parent(fp);
                if (order < ordinal[slot]) {
                    ordinal[slot] = order; // a state printed twice: it counts where TLC printed it first
                }
                return;
            }
            grow();
            slots.put(fp, size);
            ordinal[size] = order;
            tlcFp[size] = fp;
            view[size] = v;
            balance[size] = succ[0];
            count[size] = (int) succ[1];
            transitions += succ[1];
            size++;
        }
    }

    /** Records {@code from, to, action hash}: TLC's transitions to states this member owns. */
    synchronized void edges(byte[] batch) {
        edges.put(batch, 0, batch.length);
    }

    /** Sends each transition's hash, by its target's VIEW fingerprint, to the owner of its source. */
    void resolve(Outbox out) {
        byte[] data;
        int n;
        synchronized (this) {
            data = edges.array();
            n = edges.size();
        }
        for (int at = 0; at < n; at += 3 * Long.BYTES) {
            long from = ByteBuf.getLong(data, at);
            long to = ByteBuf.getLong(data, at + Long.BYTES);
            long action = ByteBuf.getLong(data, at + 2 * Long.BYTES);
            long v;
            synchronized (this) {
                if (!slots.contains(to)) {
                    unprinted(to);
                    continue;
                }
                v = view[(int) slots.parent(to)];
            }
            int owner = Worker.owner(from, members.size());
            ByteBuf b = out.to(owner);
            b.putLong(from);
            b.putLong(PrintedStates.element(action, v));
            out.written(owner);
        }
        out.flush();
        synchronized (this) {
            bytesSent = out.bytesSent();
            batchesSent = out.batchesSent();
        }
    }

    /** Records {@code from, element}: TLC's transitions from states this member owns. */
    synchronized void subtract(byte[] batch) {
        for (int at = 0; at < batch.length; at += 2 * Long.BYTES) {
            long from = ByteBuf.getLong(batch, at);
            if (!slots.contains(from)) {
                unprinted(from);
                continue;
            }
            int slot = (int) slots.parent(from);
            balance[slot] -= ByteBuf.getLong(batch, at + Long.BYTES);
            count[slot]--;
        }
    }

    synchronized Tally tally() {
        long first = -1;
        long firstFp = 0;
        for (int slot = 0; slot < size; slot++) {
            if ((balance[slot] != 0 || count[slot] != 0) && (first < 0 || ordinal[slot] < first)) {
                first = ordinal[slot];
                firstFp = tlcFp[slot];
            }
        }
        long[] views = new long[initial.size()];
        int i = 0;
        for (long fp : initial) {
            views[i++] = slots.contains(fp) ? view[(int) slots.parent(fp)] : 0;
        }
        String why = failure;
        if (why == null && !unprinted.isEmpty()) {
            why = "TLC's graph dump has transitions to or from states it never printed: " + unprinted
                + (unprinted.size() >= LISTED ? " (the first " + LISTED + " on one member)" : "");
        }
        return new Tally(size, transitions, first, firstFp, views, why, bytesSent, batchesSent);
    }

    private void unprinted(long fp) {
        if (unprinted.size() < LISTED) {
            unprinted.add(fp);
        }
    }

    private synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
    }

    private void grow() {
        if (size < tlcFp.length) {
            return;
        }
        int n = tlcFp.length * 2;
        ordinal = Arrays.copyOf(ordinal, n);
        tlcFp = Arrays.copyOf(tlcFp, n);
        view = Arrays.copyOf(view, n);
        balance = Arrays.copyOf(balance, n);
        count = Arrays.copyOf(count, n);
    }
}
