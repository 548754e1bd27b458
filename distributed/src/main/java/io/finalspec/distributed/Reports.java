package io.finalspec.distributed;

import java.io.Serializable;

import io.finalspec.runtime.explore.Outcome;

/** What members send back to the coordinator: small records, Java-serialized by Hazelcast. */
final class Reports {
    private Reports() {
    }

    /**
     * A failure found by a member: the trace is the path to {@code pathFp} (none when 0), then the
     * state in {@code state} (its bytes) when there is one (a violating successor or initial state).
     */
    record Failure(Outcome.Kind kind, String name, String message, long pathFp, byte[] state) implements Serializable {
        static Failure of(Outcome o, long pathFp, byte[] state) {
            return new Failure(o.kind(), o.name(), o.message(), pathFp, state);
        }

        Outcome outcome() {
            return new Outcome(kind, name, message);
        }
    }

    /**
     * One member's expansion of its share of a level: states expanded, successors generated, the
     * batches and bytes it sent to other members (and the states it kept, being their owner), and
     * the first failure it met (or null).
     */
    record Expansion(long expanded, long generated, long statesSent, long statesKept, long bytesSent, long batchesSent,
                     Failure failure) implements Serializable {
    }

    /**
     * A member's state after a level's deliveries: the size of its share of the next level, its
     * distinct states so far, the bytes its share of the queue takes, and the first new state that
     * violated an invariant on arrival (or null).
     */
    record Level(long queued, long distinct, long queueBytes, Failure failure) implements Serializable {
    }
}
