package io.finalspec.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

/**
 * The coordinator's side of one run: the members taking part (waited for), the tasks it sends
 * them, and the loss of one of them, which ends the run with the exception {@link #onLoss} builds
 * (the members' shares of the run were only on them).
 */
final class Control implements AutoCloseable {
    private final HazelcastInstance hz;
    private final List<Member> members;
    private final AtomicReference<Member> lost = new AtomicReference<>();
    private final UUID registration;
    private final IExecutorService executor;
    private BiFunction<Member, Throwable, RuntimeException> onLoss = (m, cause) -> new MemberLostException(
        (m == null ? "a member" : "member " + m.getAddress()) + " left the cluster during the run; its share was only on that member,"
            + " so the run stops without a result", cause);

    /** Waits up to {@code joinMillis} for {@code wanted} data members of {@code hz}'s cluster, then watches them. */
    Control(HazelcastInstance hz, int wanted, long joinMillis) {
        this.hz = hz;
        this.members = awaitMembers(hz, wanted, joinMillis);
        this.executor = hz.getExecutorService(DistributedExplorer.CONTROL);
        this.registration = hz.getCluster().addMembershipListener(new MembershipListener() {
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
    }

    private static List<Member> awaitMembers(HazelcastInstance hz, int wanted, long joinMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(joinMillis);
        while (true) {
            List<Member> data = new ArrayList<>();
            for (Member m : hz.getCluster().getMembers()) {
                if (!m.isLiteMember()) {
                    data.add(m);
                }
            }
            if (data.size() >= wanted) {
                return List.copyOf(data);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + data.size() + " of " + wanted + " members joined cluster "
                        + hz.getConfig().getClusterName() + " within " + joinMillis / 1000 + " s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for members", e);
            }
        }
    }

    /** What a lost member becomes: the exception thrown by {@link #await} (the lost member may be unknown: null). */
    void onLoss(BiFunction<Member, Throwable, RuntimeException> f) {
        this.onLoss = f;
    }

    List<Member> members() {
        return members;
    }

    /** This member's index among {@link #members}. */
    int self() {
        return members.indexOf(hz.getCluster().getLocalMember());
    }

    List<UUID> ids() {
        List<UUID> ids = new ArrayList<>();
        members.forEach(m -> ids.add(m.getUuid()));
        return ids;
    }

    HazelcastInstance hz() {
        return hz;
    }

    /**
     * Refuses a run with members that compiled another machine or model than {@code identity}
     * ({@link Worker#identity}): throws IllegalArgumentException naming the first.
     */
    void checkIdentity(String identity) {
        for (String refusal : onAll(() -> new Tasks.Identify(identity))) {
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
        }
    }

    <T> Future<T> submit(Tasks.Task<T> task, Member m) {
        return executor.submitToMember(task, m);
    }

    /** Runs one task per member (in member order) and waits for every answer. */
    <T> List<T> onAll(Supplier<Tasks.Task<T>> task) {
        List<Future<T>> fs = new ArrayList<>();
        for (Member m : members) {
            fs.add(executor.submitToMember(task.get(), m));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : fs) {
            out.add(await(f));
        }
        return out;
    }

    /** The answer of a task; a member lost meanwhile ends the run, a member's own exception is rethrown. */
    <T> T await(Future<T> f) {
        while (true) {
            Member gone = lost.get();
            if (gone != null) {
                throw onLoss.apply(gone, null);
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
                    throw onLoss.apply(lost.get(), e.getCause());
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
     * could not deliver a batch. Waits a little for the membership listener to name it. A batch
     * not delivered for another reason (the owner failed on it) is no lost member.
     */
    private boolean causedByLostMember(ExecutionException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Outbox.Undelivered) {
                waitForMembershipChange();
                return lost.get() != null;
            }
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

    /** Sends {@code task} to every member still there, without waiting: what ends a run frees its shares. */
    void tellAll(Supplier<Tasks.Task<Object>> task) {
        for (Member m : members) {
            if (lost.get() == null || !lost.get().equals(m)) {
                try {
                    executor.submitToMember(task.get(), m);
                } catch (RuntimeException ignored) {
                    // a member that is gone has nothing to free
                }
            }
        }
    }

    @Override
    public void close() {
        hz.getCluster().removeMembershipListener(registration);
    }
}
