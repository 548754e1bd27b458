package io.finalspec.distributed;

import java.util.ArrayList;
import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;

import io.finalspec.runtime.machine.Machine;

/**
 * {@code n} members in this JVM, on a loopback cluster of their own: what {@code finalspec explore
 * --distributed} runs with no configuration. The members still exchange every state as bytes
 * through Hazelcast's network layer, so a run here exercises the same protocol as members on
 * several machines. Closing terminates them.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private final List<HazelcastInstance> members = new ArrayList<>();

    public EmbeddedCluster(int n, Machine machine) {
        if (n < 1) {
            throw new IllegalArgumentException("members must be >= 1, was " + n);
        }
        String name = Members.loopback().getClusterName();
        try {
            members.add(Members.start(Members.loopback(name), machine));
            // the others join the first at the port it found free (another cluster may hold 5701)
            int port = members.get(0).getCluster().getLocalMember().getAddress().getPort();
            for (int i = 1; i < n; i++) {
                Config c = Members.loopback(name);
                c.getNetworkConfig().setPort(port + 1);
                c.getNetworkConfig().getJoin().getTcpIpConfig().setMembers(java.util.List.of("127.0.0.1:" + port));
                members.add(Members.start(c, machine));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Has every member explore {@code machine} from the next run on: members in one JVM can share
     * a machine, so a test explores many models on one cluster instead of starting one per model.
     */
    public void use(Machine machine) {
        for (HazelcastInstance m : members) {
            ((Worker) m.getConfig().getUserContext().get(Worker.KEY)).use(machine);
        }
    }

    /** The member that coordinates runs (the first). */
    public HazelcastInstance coordinator() {
        return members.get(0);
    }

    public List<HazelcastInstance> members() {
        return List.copyOf(members);
    }

    @Override
    public void close() {
        for (HazelcastInstance m : members) {
            try {
                m.getLifecycleService().terminate();
            } catch (RuntimeException ignored) {
                // already gone (a test killed it)
            }
        }
    }
}
