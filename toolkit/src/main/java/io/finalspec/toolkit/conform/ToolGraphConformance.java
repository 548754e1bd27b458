package io.finalspec.toolkit.conform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import com.google.gson.JsonObject;

import io.finalspec.runtime.machine.ActionLabel;
import io.finalspec.runtime.machine.Machine;
import io.finalspec.runtime.machine.State;
import io.finalspec.runtime.trace.Itf;
import io.finalspec.runtime.value.Value;
import io.finalspec.toolkit.oracle.MachineFactory;
import io.finalspec.toolkit.oracle.TlcOracle;

/**
 * Exhaustive step conformance over TLC's whole state graph, compared inside TLC's JVM: the oracle's
 * child loads the spec into TLC's Tool API, builds the machine there too, and compares every state of
 * one breadth-first search ({@link TlcOracle#compareGraph}); only counts and mismatches come back.
 * The same comparison as {@link GraphStepConformance} reading TLC's dump (CONSTRAINTs and
 * ACTION_CONSTRAINTs, VIEW and SYMMETRY, action names, counts, the first mismatch), without TLC
 * printing every state and this JVM parsing it back. A mismatch is described here, with this JVM's
 * {@code machine}, which must be the one the factory builds in the child.
 */
public final class ToolGraphConformance {

    private final Machine machine;
    private final long seed;
    private final int threads;

    /** With as many threads in TLC's JVM as there are cores. @param seed written into a mismatch, for the replay command it prints */
    public ToolGraphConformance(Machine machine, long seed) {
        this(machine, seed, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param seed written into a mismatch, for the replay command it prints
     * @param threads threads of TLC's JVM that compute successors (TLC's and the machine's) a level at a time; the result does
     *     not depend on it
     */
    public ToolGraphConformance(Machine machine, long seed, int threads) {
        this.machine = machine;
        this.seed = seed;
        this.threads = threads;
    }

    /**
     * Compares the machine compiled from {@code spec} ({@link MachineFactory.Compiled}) with TLC's graph of {@code spec};
     * {@code small}: a graph of a few thousand states, for which TLC's JVM is tuned for start-up.
     */
    public GraphStepConformance.Result check(Path spec, Path config, boolean small, LongConsumer progress) throws IOException {
        return check(spec, config, spec, config, MachineFactory.Compiled.class, small, progress);
    }

    /**
     * Compares TLC's graph of {@code spec} with {@code config} and the machine {@code factory} builds
     * from {@code machineSpec} and {@code machineConfig} in TLC's JVM.
     *
     * @param progress called with the states compared so far, about once a second
     * @throws io.finalspec.toolkit.oracle.OracleException of kind {@code MACHINE} if TLC's JVM cannot
     *     build the machine, {@code EVAL} if TLC or the machine fails to evaluate a state, {@code LOAD} if
     *     TLC cannot load the spec
     */
    public GraphStepConformance.Result check(Path spec, Path config, Path machineSpec, Path machineConfig,
            Class<? extends MachineFactory> factory, boolean small, LongConsumer progress) throws IOException {
        long start = System.nanoTime();
        TlcOracle.GraphResult r;
        try (TlcOracle tlc = TlcOracle.start(spec, config, io.finalspec.toolkit.tlc.ChildProcess.defaultTimeout(), factory, small)) {
            r = tlc.compareGraph(machineSpec, machineConfig, factory, threads, progress);
        }
        return new GraphStepConformance.Result(r.states(), r.transitions(), (System.nanoTime() - start) / 1e9, describe(r.mismatches()));
    }

    /** The initial states' mismatch when there is one, else the first state's whose successors differ: one, as from the dump. */
    private List<Mismatch> describe(List<TlcOracle.GraphMismatch> found) {
        TlcOracle.GraphMismatch first = found.stream().filter(m -> m.kind().equals("init")).findFirst()
            .orElse(found.isEmpty() ? null : found.get(0));
        if (first == null) {
            return List.of();
        }
        if (first.kind().equals("init")) {
            return List.of(GraphStepConformance.initMismatch(machine, first.tlc().stream().map(t -> toState(t.state())).toList(), seed));
        }
        List<Transition> tlc = new ArrayList<>();
        for (TlcOracle.Successor t : first.tlc()) {
            tlc.add(new Transition(ActionLabel.of(t.action()), toState(t.state())));
        }
        return List.of(GraphStepConformance.successorsMismatch(machine, toState(first.state()), tlc, seed));
    }

    private State toState(JsonObject json) {
        List<String> vars = machine.variables();
        Value[] values = new Value[vars.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Itf.fromJson(json.get(vars.get(i)), machine.names());
        }
        return machine.state(values);
    }
}
