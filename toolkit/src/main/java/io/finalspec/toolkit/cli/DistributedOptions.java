package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;

import io.finalspec.distributed.Checkpoint;
import io.finalspec.distributed.DistributedExplorer;
import io.finalspec.distributed.EmbeddedCluster;
import io.finalspec.distributed.MemberLostException;
import io.finalspec.distributed.Members;
import io.finalspec.runtime.explore.ExploreListener;
import io.finalspec.runtime.machine.Machine;
import picocli.CommandLine.Option;

/**
 * The options of a run on Hazelcast members ({@code explore}, {@code conform} and {@code trace}):
 * embedded (members started in this JVM on a loopback cluster of their own, no configuration) or
 * joining a cluster from Hazelcast's own configuration file, whose other members run
 * {@code finalspec member}.
 */
final class DistributedOptions {
    @Option(names = "--distributed", description = "Run on Hazelcast members, states (or traces) spread over them by"
        + " fingerprint (or index); without --cluster, the members start in this JVM.")
    boolean distributed;

    @Option(names = "--members", paramLabel = "N", description = "With --distributed: the members to start in this JVM"
        + " (default 2), or with --cluster the members to wait for, this one included (default 1).")
    Integer members;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Join the cluster of this Hazelcast configuration"
        + " (XML or YAML) as a member and coordinate the run; implies --distributed.")
    Path cluster;

    boolean requested() {
        return distributed || cluster != null;
    }

    void checkUsage(picocli.CommandLine cli) {
        if (members != null && !requested()) {
            throw new picocli.CommandLine.ParameterException(cli, "--members needs --distributed or --cluster");
        }
        if (members != null && members < 1) {
            throw new picocli.CommandLine.ParameterException(cli, "--members must be at least 1, was " + members);
        }
        if (cluster != null && !Files.isRegularFile(cluster)) {
            throw new UserError(cluster + ": no such Hazelcast configuration file");
        }
    }

    /** A run and the seconds the members took to start. */
    record Run(DistributedExplorer.Result result, double startSeconds) {
    }

    /** What runs with the members. */
    @FunctionalInterface
    interface Body<T, E extends Exception> {
        T run(Started members) throws E;
    }

    /** The members of a run, started: this one, which coordinates, and how many take part. */
    record Started(HazelcastInstance hz, int members, double startSeconds) {
    }

    /**
     * Starts the members (embedded, or this one joining the cluster of --cluster), runs
     * {@code body} with them and stops them. A lost member is exit 7; members that never joined or
     * run another model are the user's cluster, not a bug, and are reported for {@code command}.
     */
    <T, E extends Exception> T withMembers(Machine machine, String command, Body<T, E> body) throws E {
        long t0 = System.nanoTime();
        try {
            if (cluster == null) {
                int n = members == null ? 2 : members;
                try (EmbeddedCluster c = new EmbeddedCluster(n, machine)) {
                    return body.run(new Started(c.coordinator(), n, (System.nanoTime() - t0) / 1e9));
                }
            }
            HazelcastInstance hz = Members.start(config(cluster), machine);
            try {
                return body.run(new Started(hz, members == null ? 1 : members, (System.nanoTime() - t0) / 1e9));
            } finally {
                hz.shutdown();
            }
        } catch (MemberLostException e) {
            throw new UserError(command + " --distributed: " + e.getMessage(), ExitCode.MEMBER_LOST);
        } catch (Checkpoint.Refused | IllegalArgumentException | IllegalStateException e) {
            throw new UserError(command + " --distributed: " + e.getMessage());
        }
    }

    Run explore(Machine machine, DistributedExplorer.Checkpoints checkpoints, ExploreListener listener) {
        return withMembers(machine, "explore", m -> new Run(new DistributedExplorer(m.hz(), machine, DistributedExplorer.Options.defaults()
            .withMembers(m.members()).withListener(listener).withCheckpoints(checkpoints)).run(), m.startSeconds()));
    }

    static Config config(Path file) {
        try {
            return Members.fromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": not a Hazelcast configuration: " + e.getMessage());
        }
    }

    /** The run's figures for {@code --json}. */
    static JsonObject json(Run run) {
        DistributedExplorer.Result r = run.result();
        JsonObject o = new JsonObject();
        o.addProperty("members", r.members());
        o.addProperty("start_seconds", Math.round(run.startSeconds() * 1000) / 1000.0);
        o.addProperty("packed_states", r.packedStates());
        long bytes = 0;
        long sent = 0;
        long batches = 0;
        JsonArray levels = new JsonArray();
        for (DistributedExplorer.LevelStats l : r.levels()) {
            bytes += l.bytesSent();
            sent += l.statesSent();
            batches += l.batchesSent();
            JsonObject j = new JsonObject();
            j.addProperty("level", l.level());
            j.addProperty("expanded", l.expanded());
            j.addProperty("generated", l.generated());
            j.addProperty("states_sent", l.statesSent());
            j.addProperty("states_kept", l.statesKept());
            j.addProperty("bytes_sent", l.bytesSent());
            j.addProperty("batches", l.batchesSent());
            j.addProperty("queue_bytes", l.queueBytes());
            j.addProperty("seconds", Math.round(l.seconds() * 10000) / 10000.0);
            levels.add(j);
        }
        o.addProperty("states_sent", sent);
        o.addProperty("bytes_sent", bytes);
        o.addProperty("batches", batches);
        o.addProperty("bytes_per_state", Math.round(r.bytesPerState() * 10) / 10.0);
        o.add("levels", levels);
        JsonObject cp = new JsonObject();
        cp.addProperty("written", r.checkpoints());
        cp.addProperty("seconds", Math.round(r.checkpointSeconds() * 1000) / 1000.0);
        cp.addProperty("resumed_level", r.resumedAt() == null ? null : r.resumedAt().level());
        o.add("checkpoints", cp);
        return o;
    }
}
