package io.finalspec.toolkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;

import io.finalspec.distributed.Members;
import io.finalspec.runtime.machine.Machine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code finalspec member}: a Hazelcast member that takes part in {@code explore}, {@code conform} and {@code trace --cluster} runs of one model. */
@Command(name = "member", mixinStandardHelpOptions = true,
    header = "Runs a cluster member for distributed explorations of a spec and model.",
    description = {"Compiles the spec and model in memory, joins the Hazelcast cluster of the configuration file and",
        "serves `finalspec explore SPEC --cluster FILE` runs (and `conform`, `trace` with --cluster) of the same spec and model (a coordinator with another",
        "model is refused) until the process is stopped. Prints one line when it has joined, and one as each",
        "exploration or graph comparison it takes part in starts."})
final class MemberCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    private MachineCacheOption cacheOption;

    @Mixin
    private SpecArgs args;

    @Option(names = "--cluster", paramLabel = "FILE", required = true,
        description = "Hazelcast configuration (XML or YAML) of the cluster to join.")
    private Path cluster;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isRegularFile(cluster)) {
            throw new UserError(cluster + ": no such Hazelcast configuration file");
        }
        Machine machine = args.load(cacheOption, spec.commandLine().getErr()).machine();
        PrintWriter out = spec.commandLine().getOut();
        HazelcastInstance hz = Members.start(DistributedOptions.config(cluster), machine, run -> {
            out.println("member: " + run + " started");
            out.flush();
        });
        CountDownLatch down = new CountDownLatch(1);
        hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
                down.countDown();
            }
        });
        out.printf("member %s of cluster %s ready: %s with %s%n", hz.getCluster().getLocalMember().getAddress(),
            hz.getConfig().getClusterName(), args.spec().getFileName(), args.config().getFileName());
        out.flush();
        if (hz.getLifecycleService().isRunning()) {
            down.await();
        }
        return ExitCode.OK.code();
    }
}
