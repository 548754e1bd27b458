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
 * {@code explore}'s options for a run on Hazelcast members: embedded (members started in this JVM
 * on a loopback cluster of their own, no configuration) or joining a cluster from Hazelcast's own
 * configuration file, whose other members run {@code finalspec member}.
 */
final class DistributedOptions {
    @Option(names = "--distributed", description = "Explore on Hazelcast members, states owned by fingerprint (safety only:"
        + " invariants, deadlock, implied actions); without --cluster, the members start in this JVM.")
    boolean distributed;

    @Option(names = "--members", paramLabel = "N", description = "With --distributed: the members to start in this JVM"
        + " (default 2), or with --cluster the members to wait for, this one included (default 1).")
    Integer members;

    @Option(names = "--cluster", paramLabel = "FILE", description = "Join the cluster of this Hazelcast configuration"
        + " (XML or YAML) as a member and coordinate the run; implies --distributed.")
    Path cluster;

    @Option(names = "--checkpoint", paramLabel = "DIR", description = "With --distributed: write a checkpoint to DIR"
        + " (a new folder) at level boundaries, to resume from with --resume DIR if a member is lost.")
    Path checkpoint;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = "With --checkpoint or --resume: write a"
        + " checkpoint at the first level boundary S seconds after the last (default 0: at every level).")
    Double checkpointSeconds;

    @Option(names = "--resume", paramLabel = "DIR", description = "With --distributed: resume from the checkpoint in DIR"
        + " (of the same spec, model and finalspec version, on any number of members) and go on checkpointing there.")
    Path resume;

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
        if ((checkpoint != null || resume != null) && !requested()) {
            throw new picocli.CommandLine.ParameterException(cli, (resume != null ? "--resume" : "--checkpoint")
                + " needs --distributed or --cluster");
        }
        if (checkpoint != null && resume != null) {
            throw new picocli.CommandLine.ParameterException(cli, "--resume DIR goes on checkpointing in DIR: give no --checkpoint with it");
        }
        if (checkpointSeconds != null && (checkpoint == null && resume == null || checkpointSeconds < 0)) {
            throw new picocli.CommandLine.ParameterException(cli, "--checkpoint-seconds needs --checkpoint or --resume and"
                + " a number of seconds >= 0");
        }
        if (cluster != null && !Files.isRegularFile(cluster)) {
            throw new UserError(cluster + ": no such Hazelcast configuration file");
        }
    }

    /** A run and the seconds the members took to start. */
    record Run(DistributedExplorer.Result result, double startSeconds) {
    }

    Run explore(Machine machine, Path spec, Path config, ExploreListener listener) {
        DistributedExplorer.Checkpoints checkpoints = checkpoints(spec, config);
        long t0 = System.nanoTime();
        if (cluster == null) {
            int n = members == null ? 2 : members;
            try (EmbeddedCluster c = new EmbeddedCluster(n, machine)) {
                double started = (System.nanoTime() - t0) / 1e9;
                return new Run(explore(c.coordinator(), machine, n, listener, checkpoints), started);
            }
        }
        HazelcastInstance hz = Members.start(config(cluster), machine);
        try {
            double started = (System.nanoTime() - t0) / 1e9;
            return new Run(explore(hz, machine, members == null ? 1 : members, listener, checkpoints), started);
        } finally {
            hz.shutdown();
        }
    }

    static Config config(Path file) {
        try {
            return Members.fromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new UserError(file + ": not a Hazelcast configuration: " + e.getMessage());
        }
    }

    /** The checkpoints of a run of the model in {@code spec} and {@code config}, or null. */
    private DistributedExplorer.Checkpoints checkpoints(Path spec, Path config) {
        double every = checkpointSeconds == null ? 0 : checkpointSeconds;
        if (resume != null) {
            return new DistributedExplorer.Checkpoints(resume, every, true, sources(spec, config));
        }
        return checkpoint == null ? null : new DistributedExplorer.Checkpoints(checkpoint, every, false, sources(spec, config));
    }

    /** The spec and config a checkpoint is of: their names and the SHA-256 of their text. */
    private static String sources(Path spec, Path config) {
        return "spec " + spec.getFileName() + " " + sha256(spec) + ", config " + config.getFileName() + " " + sha256(config);
    }

    private static String sha256(Path file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DistributedExplorer.Result explore(HazelcastInstance hz, Machine machine, int members, ExploreListener listener,
                                               DistributedExplorer.Checkpoints checkpoints) {
        try {
            return new DistributedExplorer(hz, machine, DistributedExplorer.Options.defaults().withMembers(members)
                .withListener(listener).withCheckpoints(checkpoints)).run();
        } catch (MemberLostException e) {
            throw new UserError("explore --distributed: " + e.getMessage(), ExitCode.MEMBER_LOST);
        } catch (Checkpoint.Refused e) {
            throw new UserError("explore --distributed: " + e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a member with another model, or members that never joined: the user's cluster, not a bug
            throw new UserError("explore --distributed: " + e.getMessage());
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
