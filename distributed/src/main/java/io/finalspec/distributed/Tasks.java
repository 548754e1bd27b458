package io.finalspec.distributed;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;

/**
 * The messages of the protocol, each a task Hazelcast runs on the member it is sent to, where it
 * finds that member's {@link Worker} in the user context. They carry identifiers and byte
 * batches only: states cross the network in their {@link io.finalspec.runtime.machine.StateBytes}
 * form, never as Java-serialized values.
 */
final class Tasks {
    private Tasks() {
    }

    /** Base: the member's worker, injected through the instance Hazelcast sets before running the task. */
    abstract static class Task<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
        private static final long serialVersionUID = 1L;
        private transient HazelcastInstance hz;

        @Override
        public void setHazelcastInstance(HazelcastInstance instance) {
            this.hz = instance;
        }

        Worker worker() {
            Object w = hz.getUserContext().get(Worker.KEY);
            if (!(w instanceof Worker worker)) {
                throw new IllegalStateException("member " + hz.getCluster().getLocalMember().getAddress()
                        + " has no finalspec machine (start it with `finalspec member SPEC`)");
            }
            return worker;
        }
    }

    record StartArgs(String run, List<UUID> members, String identity, int batchBytes, boolean checkpoints) implements Serializable {
    }

    /** Null when the member compiled the same machine and model as the coordinator, else why not. */
    static final class Identify extends Task<String> {
        private static final long serialVersionUID = 1L;
        private final String identity;

        Identify(String identity) {
            this.identity = identity;
        }

        @Override
        public String call() {
            return worker().refusal(identity);
        }
    }

    /** A step of a graph comparison on a member's {@link GraphShare}; {@code START}'s members travel as {@code ids}. */
    static final class Graph extends Task<Object> {
        private static final long serialVersionUID = 1L;

        enum Op { START, STATES, EDGES, RESOLVE, SUBTRACT, TALLY, FINISH }

        private final String run;
        private final Op op;
        private final byte[] batch;
        private final List<UUID> ids;
        private final int batchBytes;

        Graph(String run, Op op, byte[] batch) {
            this(run, op, batch, null, 0);
        }

        Graph(String run, Op op, byte[] batch, List<UUID> ids, int batchBytes) {
            this.run = run;
            this.op = op;
            this.batch = batch;
            this.ids = ids;
            this.batchBytes = batchBytes;
        }

        @Override
        public Object call() {
            Worker w = worker();
            switch (op) {
                case START -> w.startGraph(run, ids, batchBytes);
                case STATES -> w.graph(run).states(batch);
                case EDGES -> w.graph(run).edges(batch);
                case RESOLVE -> w.resolveGraph(run);
                case SUBTRACT -> w.graph(run).subtract(batch);
                case TALLY -> {
                    return w.graph(run).tally();
                }
                case FINISH -> w.finishGraph(run);
            }
            return Boolean.TRUE;
        }
    }

    /** A batch of ITF traces to validate on a member, answered with one verdict per trace, in order. */
    static final class CheckTraces extends Task<List<TraceBatch.Verdict>> {
        private static final long serialVersionUID = 1L;
        private final List<TraceBatch.Input> traces;
        private final boolean print;

        CheckTraces(List<TraceBatch.Input> traces, boolean print) {
            this.traces = traces;
            this.print = print;
        }

        @Override
        public List<TraceBatch.Verdict> call() {
            return TraceBatch.check(worker().machine(), traces, print);
        }
    }

    static final class Start extends Task<String> {
        private static final long serialVersionUID = 1L;
        private final StartArgs args;

        Start(StartArgs args) {
            this.args = args;
        }

        @Override
        public String call() {
            return worker().start(args.run(), args.members(), args.identity(), args.batchBytes(), args.checkpoints());
        }
    }

    static final class Expand extends Task<Reports.Expansion> {
        private static final long serialVersionUID = 1L;
        private final String run;

        Expand(String run) {
            this.run = run;
        }

        @Override
        public Reports.Expansion call() {
            return worker().expand(run);
        }
    }

    static final class Deliver extends Task<Object> {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final byte[] batch;

        Deliver(String run, byte[] batch) {
            this.run = run;
            this.batch = batch;
        }

        @Override
        public Object call() {
            worker().deliver(run, batch);
            return Boolean.TRUE;
        }
    }

    static final class Advance extends Task<Reports.Level> {
        private static final long serialVersionUID = 1L;
        private final String run;

        Advance(String run) {
            this.run = run;
        }

        @Override
        public Reports.Level call() {
            return worker().advance(run);
        }
    }

    static final class Parent extends Task<long[]> {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final long fp;

        Parent(String run, long fp) {
            this.run = run;
            this.fp = fp;
        }

        @Override
        public long[] call() {
            return worker().parent(run, fp);
        }
    }

    static final class Finish extends Task<Object> {
        private static final long serialVersionUID = 1L;
        private final String run;

        Finish(String run) {
            this.run = run;
        }

        @Override
        public Object call() {
            worker().finish(run);
            return Boolean.TRUE;
        }
    }

    /** What a checkpoint pulls from a member: its new pairs or its frontier, a slice from byte {@code from}. */
    static final class Pull extends Task<byte[]> {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final boolean frontier;
        private final int from;
        private final int maxBytes;

        Pull(String run, boolean frontier, int from, int maxBytes) {
            this.run = run;
            this.frontier = frontier;
            this.from = from;
            this.maxBytes = maxBytes;
        }

        @Override
        public byte[] call() {
            return frontier ? worker().frontier(run, from, maxBytes) : worker().newPairs(run, from, maxBytes);
        }
    }

    static final class Checkpointed extends Task<Object> {
        private static final long serialVersionUID = 1L;
        private final String run;

        Checkpointed(String run) {
            this.run = run;
        }

        @Override
        public Object call() {
            worker().checkpointed(run);
            return Boolean.TRUE;
        }
    }

    /** Part of a checkpoint sent back to the member that owns it: seen pairs, or frontier records. */
    static final class Restore extends Task<Object> {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final boolean frontier;
        private final byte[] batch;

        Restore(String run, boolean frontier, byte[] batch) {
            this.run = run;
            this.frontier = frontier;
            this.batch = batch;
        }

        @Override
        public Object call() {
            if (frontier) {
                worker().restoreFrontier(run, batch);
            } else {
                worker().restoreSeen(run, batch);
            }
            return Boolean.TRUE;
        }
    }
}
