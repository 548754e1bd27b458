package io.finalspec.distributed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

import com.hazelcast.config.Config;
import com.hazelcast.config.FileSystemXmlConfig;
import com.hazelcast.config.FileSystemYamlConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import io.finalspec.runtime.machine.Machine;

/**
 * Hazelcast member configurations and start-up. The default is a loopback-only cluster: members
 * bind 127.0.0.1 only, find each other by TCP on 127.0.0.1 (ports from 5701 up, incremented
 * when taken), never by multicast, under a cluster name unique to the run, so two runs on one
 * machine (concurrent tests) never join each other. A configuration file (Hazelcast's own XML or
 * YAML) joins real members on other machines.
 */
public final class Members {
    private Members() {
    }

    /** The loopback configuration of a new cluster with a fresh name. */
    public static Config loopback() {
        return loopback("finalspec-" + UUID.randomUUID());
    }

    /** The loopback configuration of the cluster named {@code clusterName}. */
    public static Config loopback(String clusterName) {
        Config c = new Config();
        c.setClusterName(clusterName);
        NetworkConfig net = c.getNetworkConfig();
        net.setPort(5701).setPortAutoIncrement(true).setPortCount(200);
        net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        c.setProperty("hazelcast.socket.bind.any", "false");
        // a member that starts alone need not wait 5 s for others before it forms its cluster
        c.setProperty("hazelcast.wait.seconds.before.join", "0");
        return c;
    }

    /** A configuration from Hazelcast's XML or YAML file (by extension). */
    public static Config fromFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return new FileSystemYamlConfig(file.toFile());
        }
        return new FileSystemXmlConfig(file.toFile());
    }

    /**
     * Starts a member that can take part in explorations of {@code machine}. Adds what the
     * explorer needs to {@code config}: the worker, the two executors, quiet logging (unless the
     * configuration chose a logger), no phone-home, and failure detection within seconds.
     */
    public static HazelcastInstance start(Config config, Machine machine) {
        return start(config, machine, run -> { });
    }

    /** As {@link #start(Config, Machine)}, {@code runs} hearing of each run the member takes part in as it starts. */
    public static HazelcastInstance start(Config config, Machine machine, Consumer<String> runs) {
        // Hazelcast reads its logger type from this JVM-wide property before any configuration
        // (its start-up warnings are logged first): quiet unless the user chose a logger.
        if (System.getProperty("hazelcast.logging.type") == null && config.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "none");
        }
        Worker worker = new Worker(machine, runs);
        config.getUserContext().put(Worker.KEY, worker);
        config.getExecutorConfig(Outbox.DELIVERY).setPoolSize(4).setQueueCapacity(0);
        config.getExecutorConfig(DistributedExplorer.CONTROL).setPoolSize(2).setQueueCapacity(0);
        setDefault(config, "hazelcast.logging.type", "none");
        setDefault(config, "hazelcast.phone.home.enabled", "false");
        setDefault(config, "hazelcast.heartbeat.interval.seconds", "1");
        setDefault(config, "hazelcast.max.no.heartbeat.seconds", "10");
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        worker.attach(hz);
        return hz;
    }

    private static void setDefault(Config c, String property, String value) {
        if (c.getProperty(property) == null && System.getProperty(property) == null) {
            c.setProperty(property, value);
        }
    }
}
