package io.finalspec.toolkit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.finalspec.distributed.DistributedExplorer;
import picocli.CommandLine.Option;

/** {@code explore --distributed}'s checkpoints: written at level boundaries, resumed from after a lost member. */
final class CheckpointOptions {
    @Option(names = "--checkpoint", paramLabel = "DIR", description = "With --distributed: write a checkpoint to DIR"
        + " (a new folder) at level boundaries, to resume from with --resume DIR if a member is lost.")
    Path checkpoint;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", description = "With --checkpoint or --resume: write a"
        + " checkpoint at the first level boundary S seconds after the last (default 0: at every level).")
    Double checkpointSeconds;

    @Option(names = "--resume", paramLabel = "DIR", description = "With --distributed: resume from the checkpoint in DIR"
        + " (of the same spec, model and finalspec version, on any number of members) and go on checkpointing there.")
    Path resume;

    void checkUsage(picocli.CommandLine cli, boolean distributed) {
        if ((checkpoint != null || resume != null) && !distributed) {
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
    }

    /** The checkpoints of a run of the model in {@code spec} and {@code config}, or null. */
    DistributedExplorer.Checkpoints checkpoints(Path spec, Path config) {
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
}
